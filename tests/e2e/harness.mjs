// Shared e2e harness: serves dist/ on 127.0.0.1 with a request log, and launches Debian's
// Chromium through playwright-core (no browser download) with its phone-home features off.
import http from 'node:http';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = process.env.CERTBENCH_DIST ?? path.join(root, 'dist');
export const fixture = (name) => fs.readFileSync(path.join(root, 'tests', 'fixtures', name), 'utf8');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Serves `dist` under `/app/` (a sub-path, as GitHub Pages would) and records every request. */
export async function serve() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no build at ${dist}: run trunk build --release`);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith('/app/')) { res.writeHead(404).end(); return; }
    let file = path.join(dist, decodeURIComponent(url.pathname.slice('/app/'.length)) || 'index.html');
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, base: `${origin}/app/`, requests, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}

/** A page that records console errors, uncaught exceptions and every request it makes. */
export async function open(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('nav[role=tablist]');
  return { page, context, problems, requests };
}

/** A fixture file's bytes, as a user's file would be. */
export const fixtureBytes = (name) => fs.readFileSync(path.join(root, 'tests/fixtures', name));

/** Every request a page made went to the app's own static assets. */
export function assertOnlyOwnAssets(requests, base) {
  for (const url of requests) {
    if (url.startsWith('blob:') || url.startsWith('data:')) continue;
    assert.ok(url.startsWith(base), `request outside the app: ${url}`);
    assert.match(new URL(url).pathname, /^\/app\/([\w.-]+\.(js|wasm|css|html|json|webmanifest|svg|png|der))?$/, `not a static asset: ${url}`);
  }
}

/** Drops files (name and bytes) on `selector` the way a file manager does: one drop event. */
export async function dropFiles(page, selector, files) {
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })));
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

/** One root of the committed Mozilla PEM, by its common name. */
export function mozillaRoot(commonName) {
  const pem = fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8');
  const block = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)
    .find((b) => new X509Certificate(b).subject.includes(`CN=${commonName}`));
  assert.ok(block, `${commonName} is in the store`);
  return block;
}

/**
 * The app served and Chromium launched for one test file, and `app.test(name, hash, body)`: a
 * test on a fresh page at `hash` of the app, which may log no console error or exception and
 * is closed after `body({ page, context, problems, requests })`.
 */
export function useApp() {
  const app = {};
  before(async () => { app.server = await serve(); app.browser = await launch(); });
  after(async () => { await app.browser?.close(); await app.server?.close(); });
  app.test = (name, hash, body) => test(name, async () => {
    const opened = await open(app.browser, `${app.server.base}${hash}`);
    await body(opened);
    assert.deepEqual(opened.problems, []);
    await opened.context.close();
  });
  return app;
}

/** Fills the Verify form as a user types it: the chain, then the anchors and options given. */
export async function fillVerify(page, { chain, roots, host, at }) {
  await page.fill('#verify-chain', chain);
  if (roots !== undefined) await page.fill('#verify-roots', roots);
  if (host !== undefined) await page.fill('#verify-host', host);
  if (at !== undefined) await page.fill('#verify-at', at);
}
