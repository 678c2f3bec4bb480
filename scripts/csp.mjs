// Trunk post_build hook: adds a strict Content-Security-Policy to the built index.html.
// Trunk's bootstrap is one inline module script; its SHA-256 goes into script-src, so no other
// inline script can run. Nothing may be loaded from anywhere but the app's own origin.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => m[1].trim() !== '')
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The worker's files keep fixed names (Trunk does not hash a worker's); the page starts it
// with this build's version in the URL (web/src/worker.rs), which the loader passes on, so a
// cached worker of another build is never paired with this page.
const workerVersion = createHash('sha256')
  .update(fs.readFileSync(path.join(dir, 'certbench-worker.js')))
  .update(fs.readFileSync(path.join(dir, 'certbench-worker_bg.wasm')))
  .digest('hex')
  .slice(0, 16);
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">\n  <meta name="certbench-worker" content="./worker-loader.js?v=${workerVersion}">`);
fs.writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script hash(es)`);
// Then the offline copy's file list, now that index.html is final.
await import('./offline.mjs');
