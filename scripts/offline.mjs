// Trunk post_build step (run by csp.mjs): fills in the service worker's list of the app's files
// and a version that changes with any of them, so an offline copy updates with the app.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && fs.statSync(path.join(dir, f)).isFile()).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const sw = path.join(dir, 'sw.js');
const source = fs.readFileSync(sw, 'utf8')
  .replace('__VERSION__', `certbench-${hash.digest('hex').slice(0, 16)}`)
  .replace('__ASSETS__', JSON.stringify(['./', ...files.map((f) => `./${f}`)]));
fs.writeFileSync(sw, source);
console.log(`offline: ${files.length} files in the service worker's list`);
