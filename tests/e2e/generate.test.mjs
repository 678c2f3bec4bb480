// End-to-end: the Generate tab in Chromium: one click, the form, downloads, and OpenSSL accepting what it makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot, fillVerify } from './harness.mjs';

const app = useApp();

app.test('generate: one click makes a localhost certificate that downloads and decodes', '#/generate', async ({ page, problems, context }) => {
  await page.click('#gen-selfsigned');
  await page.waitForSelector('#gen-cert');
  const pem = await page.inputValue('#gen-cert');
  const key = await page.inputValue('#gen-key');
  assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
  const cert = new X509Certificate(pem);
  assert.equal(cert.subject.trim(), 'CN=localhost');
  assert.match(cert.subjectAltName, /DNS:localhost/);
  assert.match(cert.subjectAltName, /IP Address:127\.0\.0\.1/);
  assert.ok(cert.verify(cert.publicKey), 'self-signed signature verifies in Node');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gen-cert-download')]);
  assert.equal(download.suggestedFilename(), 'cert.pem');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), pem);
  // Round trip: the generated certificate decodes on the Decode tab.
  await page.click('#tab-decode');
  await page.fill('#decode-input', pem);
  await page.waitForSelector('#decode-results .card');
  assert.ok((await page.textContent('#decode-results .card')).includes(cert.fingerprint256));
});

app.test('generate: keys and signatures made by WebCrypto pass OpenSSL, for every key type', '#/generate', async ({ page, problems, context }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-keys-'));
  const openssl = (...args) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let before = '';
  for (const type of ['p256', 'p384', 'ed25519', 'rsa2048']) {
    await page.selectOption('#gen-key-type', type);
    await page.click('#gen-run');
    await page.waitForFunction((b) => (document.querySelector('#gen-cert')?.value ?? '') !== b, before);
    before = await page.inputValue('#gen-cert');
    const cert = path.join(dir, `${type}.pem`);
    const key = path.join(dir, `${type}.key`);
    fs.writeFileSync(cert, await page.inputValue('#gen-cert'));
    fs.writeFileSync(key, await page.inputValue('#gen-key'));
    assert.match(openssl('verify', '-CAfile', cert, '-purpose', 'sslserver', cert), /: OK/, `${type}: openssl verify`);
    assert.equal(openssl('x509', '-in', cert, '-noout', '-pubkey'), openssl('pkey', '-in', key, '-pubout'),
      `${type}: key.pem is the certificate's key, as OpenSSL reads it`);
  }
  fs.rmSync(dir, { recursive: true });
});

app.test('generate: bundle.p12 and DER files download, and OpenSSL opens them', '#/generate', async ({ page, problems, context }) => {
  await page.fill('#gen-p12-password', 'p12 secret');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-bundle-download');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-p12-'));
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };
  const openssl = (...args) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const p12 = await save('#gen-bundle-download');
  assert.equal(path.basename(p12), 'bundle.p12');
  const inside = openssl('pkcs12', '-in', p12, '-nodes', '-passin', 'pass:p12 secret');
  assert.match(inside, /BEGIN PRIVATE KEY/);
  assert.match(inside, /BEGIN CERTIFICATE/);
  assert.throws(() => openssl('pkcs12', '-in', p12, '-nodes', '-passin', 'pass:wrong'), 'the wrong password is refused');
  const der = await save('#gen-cert-der-download');
  assert.equal(path.basename(der), 'cert.der');
  assert.match(openssl('x509', '-inform', 'DER', '-in', der, '-noout', '-subject'), /CN ?= ?localhost/);
  const keyDer = await save('#gen-key-der-download');
  assert.match(openssl('pkey', '-inform', 'DER', '-in', keyDer, '-noout', '-text'), /Private-Key/);
  fs.rmSync(dir, { recursive: true });
});

app.test('generate: the preview shows what the certificate will say, as the form changes', '#/generate', async ({ page, problems, context }) => {
  // The values only: the explanations beside the names mention every key usage. The worker
  // answers each change of the form a moment later, so each expectation waits for it.
  const preview = () => page.$$eval('#gen-preview dd, #gen-preview td', (cells) => cells.map((c) => c.textContent).join('\n'));
  const shows = async (re, message) => {
    for (let i = 0; i < 100 && !re.test(await preview()); i++) await page.waitForTimeout(50);
    assert.match(await preview(), re, message);
  };
  await shows(/CN=localhost/);
  await shows(/DNS:localhost/);
  assert.doesNotMatch(await preview(), /keyEncipherment/);
  await page.selectOption('#gen-action', 'root');
  await page.fill('#gen-san', '');
  await page.fill('#gen-cn', 'Preview Root');
  await shows(/CN=Preview Root/);
  await shows(/CA:TRUE/);
  await page.fill('#gen-days', 'ten');
  await page.waitForSelector('#gen-preview-problem');
  assert.match(await page.textContent('#gen-preview-problem'), /days: ten is not a whole number of 1 or more/);
  await page.fill('#gen-days', '3650');
  await page.selectOption('#gen-action', 'server');
  await page.selectOption('#gen-key-type', 'rsa2048');
  await page.fill('#gen-san', 'DNS:app.example');
  await shows(/keyEncipherment/, 'RSA server certificates may encipher keys');
  await shows(/serverAuth/);
});

app.test('generate: a key of my own (OpenSSL-encrypted) is certified, not a new one', '#/generate', async ({ page, problems, context }) => {
  await page.click('.own-key > summary');
  await page.fill('#gen-own-key', fixture('leaf.enc.key'));
  await page.fill('#gen-own-key-password', 'wrong');
  await page.click('#gen-run');
  assert.match(await page.textContent('[role=alert]'), /your key: .*password/);
  await page.fill('#gen-own-key-password', 'fixture');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-cert');
  const cert = new X509Certificate(await page.inputValue('#gen-cert'));
  const mine = createPublicKey(createPrivateKey({ key: fixture('leaf.enc.key'), passphrase: 'fixture' }));
  assert.ok(cert.publicKey.equals(mine), 'the certificate carries my key');
  assert.ok(cert.verify(mine), 'signed by my key');
});

app.test('generate: the whole chain in one click validates in Node and on the Verify tab', '#/generate', async ({ page, problems, context }) => {
  await page.click('#gen-chain');
  await page.waitForSelector('#gen-server-fullchain');
  const rootPem = await page.inputValue('#gen-root');
  const fullchain = await page.inputValue('#gen-server-fullchain');
  const [leafPem, intPem] = fullchain.split(/(?<=-----END CERTIFICATE-----\n)/);
  const [root, int, leaf] = [rootPem, intPem, leafPem].map((p) => new X509Certificate(p));
  assert.ok(leaf.verify(int.publicKey) && int.verify(root.publicKey) && root.verify(root.publicKey), 'signatures chain up');
  // Every file in one .zip, which Info-ZIP reads back intact.
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#gen-zip')]);
  assert.equal(zip.suggestedFilename(), 'certbench.zip');
  execFileSync('unzip', ['-tq', await zip.path()]);
  const names = execFileSync('unzip', ['-Z1', await zip.path()], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(names, ['root.pem', 'server-fullchain.pem', 'server-key.pem', 'client-fullchain.pem', 'client-key.pem']);
  assert.equal(execFileSync('unzip', ['-p', await zip.path(), 'root.pem'], { encoding: 'utf8' }), rootPem);
  assert.match(leaf.subjectAltName, /DNS:localhost/);
  assert.ok(int.ca && root.ca && !leaf.ca);
  const client = new X509Certificate((await page.inputValue('#gen-client-fullchain')).split(/(?<=-----END CERTIFICATE-----\n)/)[0]);
  assert.match(client.keyUsage.join(','), /1\.3\.6\.1\.5\.5\.7\.3\.2/, 'client certificate has clientAuth');
  await page.click('#tab-verify');
  await fillVerify(page, { chain: fullchain, roots: rootPem, host: 'localhost' });
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
});

test('generate: signing an OpenSSL CSR shows what it asks for; the user copies clientAuth, never CA rights', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-csr-'));
  const key = path.join(dir, 'k.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  const csr = execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/CN=asks.example',
    '-addext', 'extendedKeyUsage=clientAuth', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'subjectAltName=DNS:asks.example'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/generate`);
  await page.selectOption('#gen-action', 'root');
  await page.fill('#gen-san', '');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Root CA")');
  await page.selectOption('#gen-action', 'sign');
  await page.selectOption('#gen-ca', 'made:0');
  await page.fill('#gen-csr', csr);
  const table = await page.textContent('#gen-requested');
  assert.match(table, /basicConstraints[\s\S]*never: CA rights come from the profile/);
  await page.check('#gen-requested .copy-requested[data-oid="2.5.29.37"]');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Signed the CSR")');
  const cert = new X509Certificate(await page.inputValue('#gen-cert'));
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.2'], 'clientAuth, as requested and accepted');
  assert.equal(cert.ca, false, 'never a CA from a request');
  assert.match(cert.subjectAltName, /DNS:asks\.example/);
  assert.match(await page.textContent('#gen-output'), /Not copied from the CSR: basicConstraints CA:TRUE/);
  assert.deepEqual(problems, []);
  await context.close();
});

app.test('generate: an RSA root from the form signs a server certificate; RSA-4096 keeps the page responsive', '#/generate', async ({ page, problems, context }) => {
  await page.selectOption('#gen-action', 'root');
  await page.selectOption('#gen-key-type', 'rsa2048');
  await page.fill('#gen-cn', 'Form Root');
  await page.fill('#gen-key-password', 'correct horse');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Root CA")');
  const root = new X509Certificate(await page.inputValue('#gen-cert'));
  assert.equal(root.publicKey.asymmetricKeyDetails.modulusLength, 2048);
  assert.ok(root.ca && root.verify(root.publicKey));
  assert.match(await page.inputValue('#gen-key'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/, 'key.pem is encrypted');
  await page.fill('#gen-key-password', '');
  assert.match(await page.textContent('#gen-output details.recipe'), /openssl req -x509 -new -key key\.pem/);
  await page.selectOption('#gen-action', 'server');
  await page.selectOption('#gen-key-type', 'p256');
  await page.fill('#gen-cn', 'api.example.test');
  await page.fill('#gen-san', 'DNS:api.example.test');
  await page.selectOption('#gen-ca', 'made:0');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-fullchain');
  const leaf = new X509Certificate(await page.inputValue('#gen-cert'));
  assert.ok(leaf.verify(root.publicKey), 'signed by the root made in the page');
  assert.match(await page.textContent('#gen-output'), /Lint: no findings/, 'a generated server certificate is lint-clean');
  assert.equal(leaf.issuer, root.subject);
  // RSA-4096 through WebCrypto: measure how long the main thread is blocked while it runs, as
  // the largest gap between ticks of a 10 ms heartbeat (the longtask API reports nothing headless).
  const startHeartbeat = () => page.evaluate(() => {
    window.longest = 0;
    let last = performance.now();
    clearInterval(window.heartbeat);
    window.heartbeat = setInterval(() => { const now = performance.now(); window.longest = Math.max(window.longest, now - last - 10); last = now; }, 10);
  });
  await startHeartbeat();
  // Calibrate: a deliberate 120 ms task must show, or the measurement proves nothing.
  await page.evaluate(() => { const end = performance.now() + 120; while (performance.now() < end); });
  await page.waitForFunction(() => window.longest >= 100);
  await startHeartbeat();
  await page.selectOption('#gen-action', 'root');
  await page.selectOption('#gen-key-type', 'rsa4096');
  await page.fill('#gen-cn', 'Big Root');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Big Root")', { timeout: 120000 });
  const longest = await page.evaluate(() => window.longest);
  console.log(`# longest main-thread block during RSA-4096 generation: ${Math.round(longest)} ms`);
  assert.ok(longest < 100, `main thread blocked for ${longest} ms (target: no task over 100 ms)`);
});
