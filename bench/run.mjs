// Benchmark runner: serves bench/ (the page, certbench's bench wasm, @peculiar/x509) and the
// built app on 127.0.0.1, drives Debian's Chromium, and prints medians side by side, as
// Markdown. Usage: bash scripts/bench.sh (builds what this needs first).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, root, dist } from '../tests/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const MOZILLA = path.join(root, 'crates/core/data/mozilla-roots.pem');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.pem': 'text/plain' };

/** `/app/…` from the app's dist/, `/mozilla.pem`, everything else from bench/. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = url.pathname === '/mozilla.pem' ? MOZILLA
      : url.pathname.startsWith('/app/') ? path.join(dist, url.pathname.slice(5) || 'index.html')
        : path.join(here, decodeURIComponent(url.pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const pem = fs.readFileSync(MOZILLA, 'utf8');
const samples = {};
const add = (key, value) => (samples[key] ??= []).push(value);

async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${origin}/page/index.html`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready');
  return { page, context };
}
const time = (page, name, ...args) => page.evaluate(([n, a]) => globalThis.bench.time(n, ...a), [name, args]);

for (let run = 0; run < RUNS; run += 1) {
  const { page, context } = await freshPage();
  // Cold: the first call in a fresh page. Alternate which library goes first.
  const order = run % 2 ? ['decodePeculiar', 'decodePkijs', 'decodeCertbenchWebCrypto', 'decodeCertbench'] : ['decodeCertbenchWebCrypto', 'decodePkijs', 'decodePeculiar', 'decodeCertbench'];
  for (const name of order) {
    const { ms: t, result } = await time(page, name, pem);
    if (result !== 144) throw new Error(`${name} read ${result} certificates, not 144`);
    add(`${name} cold`, t);
  }
  for (let i = 0; i < 3; i += 1) for (const name of order) add(`${name} warm`, (await time(page, name, pem)).ms);
  for (let i = 0; i < 3; i += 1) add('decodeCertbenchStructure warm', (await time(page, 'decodeCertbenchStructure', pem)).ms);
  for (const type of ['p256', 'rsa2048']) {
    const [rootPem, ...chains] = await page.evaluate(([t]) => globalThis.bench.makeChains(t, 100), [type]);
    for (const name of ['verifyCertbenchWebCrypto', 'verifyCertbench', 'verifyPeculiar', 'verifyPkijs']) {
      const { ms: t, result } = await time(page, name, rootPem, chains);
      if (result !== 100) throw new Error(`${name} (${type}) found ${result} of 100 chains valid`);
      add(`${name} ${type}`, t);
    }
  }
  // RSA key generation time varies widely (the prime search is random): five of each per page.
  for (const type of ['rsa2048', 'rsa4096', 'p256', 'ed25519']) {
    for (let i = 0; i < 5; i += 1) {
      for (const name of ['keygenCertbench', 'keygenWebCrypto']) add(`${name} ${type}`, (await time(page, name, type)).ms);
    }
  }
  for (const name of ['leafCertbench', 'leafPeculiar']) add(name, (await time(page, name)).ms);
  await context.close();
}

// The report alone, like for like (neither side checks a signature), as the first call in a
// fresh page: the two go first alternately.
for (let run = 0; run < RUNS; run += 1) {
  const { page, context } = await freshPage();
  const order = run % 2 ? ['decodePeculiar', 'decodeCertbenchStructure'] : ['decodeCertbenchStructure', 'decodePeculiar'];
  for (const name of order) {
    const { ms: t, result } = await time(page, name, pem);
    if (result !== 144) throw new Error(`${name} read ${result} certificates, not 144`);
    add(`${name} cold-alone`, t);
  }
  await context.close();
}

// The first bundle after a warm-up at load: the app's worker decodes a two-certificate sample
// (webcrypto::WARM_UP_ROUNDS times) as it starts; @peculiar/x509 gets the same sample as many
// times, so both are warmed alike.
for (let run = 0; run < RUNS; run += 1) {
  for (const certbenchRoute of ['decodeCertbenchStructure', 'decodeCertbenchWebCrypto']) {
    const { page, context } = await freshPage();
    for (const name of ['warmUpCertbench', 'warmUpPeculiar']) {
      if ((await time(page, name)).result !== 2) throw new Error(`${name} did not read the sample`);
    }
    await page.waitForTimeout(500);
    const order = run % 2 ? ['decodePeculiar', certbenchRoute] : [certbenchRoute, 'decodePeculiar'];
    for (const name of order) {
      const { ms: t, result } = await time(page, name, pem);
      if (result !== 144) throw new Error(`${name} read ${result} certificates, not 144`);
      add(`${name} after-warm-up ${certbenchRoute}`, t);
    }
    await context.close();
  }
}

// Cold start of the app itself: navigation to the tabs being there, in fresh contexts.
const appStart = [];
let transferred = 0;
if (fs.existsSync(path.join(dist, 'index.html'))) {
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', async (r) => { try { bytes += (await r.body()).length; } catch { /* redirects */ } });
    const started = Date.now();
    await page.goto(`${origin}/app/#/decode`);
    await page.waitForSelector('nav[role=tablist]');
    appStart.push(Date.now() - started);
    await page.waitForTimeout(200);
    transferred = bytes;
    await context.close();
  }
}
const version = browser.version();
await browser.close();
server.close();

const ratio = (slow, fast) => `${(median(samples[slow]) / median(samples[fast])).toFixed(1)}×`;
const row = (what, a, b, note = '') => `| ${what} | ${ms(median(samples[a]))} ms | ${ms(median(samples[b]))} ms | ${ratio(b, a)} | ${note} |`;
const pkijsRow = (what, a, b) => `| ${what} | ${ms(median(samples[a]))} ms | ${ms(median(samples[b]))} ms (pkijs 4.0.0) | ${ratio(b, a)} | |`;
const wasm = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => [f.replace(/-[0-9a-f]{16}/, ''), fs.readFileSync(path.join(dist, f))]) : [];
const sizes = wasm.map(([name, w]) => `${name}: ${(w.length / 1000).toFixed(0)} kB raw, ${(zlib.gzipSync(w, { level: 9 }).length / 1000).toFixed(1)} kB gzip, ${(zlib.brotliCompressSync(w).length / 1000).toFixed(1)} kB brotli`);
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), headless Chromium ${version}; medians of ${RUNS} fresh pages (warm: 3 more calls in each; key generation: 5 per page).`,
  '',
  '| workload | certbench (wasm) | JavaScript | JS ÷ certbench | notes |',
  '|---|---|---|---|---|',
  row('decode the 144-root Mozilla bundle, first call in a page (the app: self-signatures by WebCrypto)', 'decodeCertbenchWebCrypto cold', 'decodePeculiar cold', '@peculiar/x509 2.2.0: parse, names, serial, dates, key, extensions as text, SHA-256 thumbprint; certbench also checks every self-signature, SHA-1, SPKI pin and lint'),
  row('decode the 144-root Mozilla bundle, warm (the app)', 'decodeCertbenchWebCrypto warm', 'decodePeculiar warm'),
  pkijsRow('decode the bundle, first call (the app) vs pkijs', 'decodeCertbenchWebCrypto cold', 'decodePkijs cold'),
  pkijsRow('decode the bundle, warm (the app) vs pkijs', 'decodeCertbenchWebCrypto warm', 'decodePkijs warm'),
  row('decode, warm, self-signatures in wasm instead (RustCrypto)', 'decodeCertbench warm', 'decodePeculiar warm', 'what the CLI does; the app used this before'),
  row('decode, warm, certbench without the 144 self-signature checks', 'decodeCertbenchStructure warm', 'decodePeculiar warm', 'the structural pass (decode_structure) alone: what remains when public-key work is deferred'),
  row('decode, first call in a fresh page, certbench without the self-signature checks', 'decodeCertbenchStructure cold-alone', 'decodePeculiar cold-alone', 'like for like: neither side checks a signature; each goes first in alternate pages'),
  row('decode, first bundle in a page after the app\'s warm-up, without the self-signature checks', 'decodeCertbenchStructure after-warm-up decodeCertbenchStructure', 'decodePeculiar after-warm-up decodeCertbenchStructure', 'both warmed alike at load with the same two-certificate sample, decoded as many times (the app\'s worker does this as it starts), then the bundle'),
  row('decode, first bundle in a page after the app\'s warm-up (the app: self-signatures by WebCrypto)', 'decodeCertbenchWebCrypto after-warm-up decodeCertbenchWebCrypto', 'decodePeculiar after-warm-up decodeCertbenchWebCrypto', 'the user\'s first paste'),
  row('verify 100 three-link chains, ECDSA P-256 (the app: signatures by WebCrypto)', 'verifyCertbenchWebCrypto p256', 'verifyPeculiar p256', '@peculiar/x509: two signature checks (WebCrypto) and dates per chain; certbench: path building and every RFC 5280 check'),
  row('verify 100 three-link chains, RSA-2048 CAs (the app)', 'verifyCertbenchWebCrypto rsa2048', 'verifyPeculiar rsa2048'),
  pkijsRow('verify 100 chains, P-256 (the app) vs pkijs CertificateChainValidationEngine', 'verifyCertbenchWebCrypto p256', 'verifyPkijs p256'),
  pkijsRow('verify 100 chains, RSA-2048 CAs (the app) vs pkijs', 'verifyCertbenchWebCrypto rsa2048', 'verifyPkijs rsa2048'),
  row('verify 100 chains, ECDSA P-256, signatures in wasm instead', 'verifyCertbench p256', 'verifyPeculiar p256', 'what the CLI does'),
  row('verify 100 chains, RSA-2048 CAs, signatures in wasm instead', 'verifyCertbench rsa2048', 'verifyPeculiar rsa2048'),
  ...['rsa2048', 'rsa4096', 'p256', 'ed25519'].map((t) => row(`key generation ${t}`, `keygenCertbench ${t}`, `keygenWebCrypto ${t}`, 'certbench: the Generate tab\'s path (WebCrypto generateKey and sign, core builds a self-signed certificate); JS: WebCrypto generateKey alone')),
  row('new P-256 key and a self-signed leaf', 'leafCertbench', 'leafPeculiar', '@peculiar/x509 X509CertificateGenerator with WebCrypto'),
  '',
  appStart.length ? `App cold start (navigation to the tabs on screen, localhost): median ${median(appStart)} ms over ${RUNS} fresh contexts; ${(transferred / 1000).toFixed(0)} kB transferred on first load.` : 'App cold start: no dist/ (run trunk build --release first).',
  ...sizes.map((s) => `App wasm: ${s}.`),
];
console.log(lines.join('\n'));
