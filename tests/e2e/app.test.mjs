// End-to-end: the built site in Chromium, used like a person would (paste, click, download).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { serve, launch, open, fixture, root } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fixture file's bytes, as a user's file would be. */
const fixtureBytes = (name) => fs.readFileSync(path.join(root, 'tests/fixtures', name));

/** Every request a page made went to the app's own static assets. */
function assertOnlyOwnAssets(requests) {
  for (const url of requests) {
    if (url.startsWith('blob:') || url.startsWith('data:')) continue;
    assert.ok(url.startsWith(server.base), `request outside the app: ${url}`);
    assert.match(new URL(url).pathname, /^\/app\/([\w.-]+\.(js|wasm|css|html|json|webmanifest|svg|png|der))?$/, `not a static asset: ${url}`);
  }
}

test('shell: header, promise and five tabs with hash routing', async () => {
  const { page, problems, context } = await open(browser, server.base);
  assert.equal(await page.textContent('h1'), 'certbench');
  assert.match(await page.textContent('.promise'), /Nothing is uploaded/);
  assert.deepEqual(await page.$$eval('nav a', (as) => as.map((a) => a.textContent)), ['Decode', 'Generate', 'Verify', 'Ciphers', 'Samples']);
  await page.click('#tab-verify');
  await page.waitForSelector('#verify-chain');
  assert.match(page.url(), /#\/verify$/);
  await page.goto(`${server.base}#/ciphers`);
  await page.waitForSelector('#cipher-input');
  assert.deepEqual(problems, []);
  await context.close();
});

test('shell: the theme follows the system, and the header toggle picks dark, light or back to auto', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await background();
  assert.notEqual(dark, light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await background(), light, 'light chosen wins over a dark system');
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.equal(await background(), dark, 'auto follows the (dark) system again');
  assert.match(await page.textContent('#theme-toggle'), /auto/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: a pasted chain shows every certificate; garbage shows an error', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', `junk before\n${fixture('fullchain.pem')}\ntrailing text`);
  await page.waitForSelector('#decode-results .card >> nth=1');
  const cards = await page.$$eval('#decode-results .card', (cs) => cs.map((c) => c.textContent));
  assert.equal(cards.length, 2);
  const leaf = new X509Certificate(fixture('leaf.pem'));
  assert.match(cards[0], /CN=www\.example\.test,O=certbench fixtures/);
  assert.ok(cards[0].includes(leaf.fingerprint256), `leaf fingerprint ${leaf.fingerprint256} shown`);
  // "All fields" is built when first opened (a bundle's cards stay light), then shows them all.
  const fields = page.locator('#decode-results .card >> nth=0').locator('details.fields');
  assert.equal(await fields.locator('dl').count(), 0);
  await fields.locator('summary').click();
  assert.match(await fields.textContent(), /C0:FF:EE:01:23:45:67:89 \(decimal 13907095862997510025\)/);
  assert.match(await fields.textContent(), /subjectAltName/);
  assert.match(cards[1], /certbench Test Intermediate/);
  // Lint findings appear on the card, bundle findings above the cards.
  await page.fill('#decode-input', fixture('int.pem') + fixture('keys/rsa1024.pem'));
  await page.waitForSelector('#decode-results .finding[data-code=weak_rsa_key]');
  assert.match(await page.textContent('#decode-results .finding[data-code=weak_rsa_key]'), /error.*RSA-1024 is breakable.*6\.1\.5/s);
  await page.fill('#decode-input', fixture('int.pem') + fixture('leaf.pem'));
  await page.waitForSelector('#decode-results .finding[data-code=wrong_order]');
  // PEM whose line breaks became spaces on the way (a web form, an environment variable).
  await page.fill('#decode-input', fixture('fullchain.pem').replace(/\n/g, ' '));
  await page.waitForFunction(() => /CN=www\.example\.test/.test(document.querySelector('#decode-results .card')?.textContent ?? ''));
  assert.equal(await page.locator('#decode-results .card.block').count(), 2);
  assert.equal(await page.locator('#decode-results .error').count(), 0);
  // A whole `kubectl get secret -o yaml` (base64 of PEM): the chain and its key, matched.
  const b64 = (name) => Buffer.from(fixture(name)).toString('base64');
  await page.fill('#decode-input', `apiVersion: v1\ndata:\n  tls.crt: ${b64('fullchain.pem')}\n  tls.key: ${b64('leaf.key')}\nkind: Secret\ntype: kubernetes.io/tls\n`);
  await page.waitForSelector('#decode-results .card >> nth=2');
  assert.match(await page.textContent('#decode-results .card >> nth=2'), /block 1: its certificate or CSR carries this key's public key/);
  // A server's dhparam.pem gets a verdict; a CSR lists its attributes.
  await page.fill('#decode-input', fixture('dh-1024.pem') + fixture('attributes.csr'));
  await page.waitForSelector('#decode-results .finding[data-code=weak_dh]');
  assert.match(await page.textContent('#decode-results .card >> nth=0'), /DH parameters[^]*1024 bits[^]*Logjam/);
  assert.match(await page.textContent('#decode-results .card >> nth=1'), /challengePassword[^]*s3cret-challenge/);
  await page.fill('#decode-input', 'this is not a certificate');
  const error = await page.textContent('#decode-results [role=alert]');
  assert.match(error, /nothing recognisable/);
  await page.fill('#decode-input', '-----BEGIN CERTIFICATE-----\nMIIB*\n-----END CERTIFICATE-----');
  assert.match(await page.textContent('#decode-results [role=alert]'), /block 1 .*line 2/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: picked files (a PEM bundle and a DER file) show every block, fields and ASN.1', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.setInputFiles('#decode-files', [
    path.join(root, 'tests', 'fixtures', 'fullchain.pem'),
    path.join(root, 'tests', 'fixtures', 'leaf.der'),
  ]);
  await page.waitForSelector('#decode-results .card >> nth=2');
  const origins = await page.$$eval('#decode-results .origin', (ps) => ps.map((p) => p.textContent));
  assert.equal(origins.length, 3);
  assert.match(origins[0], /fullchain\.pem, block 1 \(CERTIFICATE, line 1\)/);
  assert.match(origins[2], /leaf\.der, block 1 \(DER\)/);
  const der = await page.$$eval('#decode-results .card', (cs) => cs[2].textContent);
  assert.ok(der.includes(new X509Certificate(fixture('leaf.pem')).fingerprint256), 'DER file decoded to the same certificate');
  // Every field, the extensions and the ASN.1 tree are there.
  const card = page.locator('#decode-results .card').first();
  await card.locator('details.fields > summary').click();
  assert.match(await card.locator('details.fields').textContent(), /subjectAltName.*DNS:www\.example\.test/s);
  assert.match(await card.locator('details.fields').textContent(), /pin-sha256="/);
  await card.locator('details.asn1 > summary').click();
  // The tree is built once the browser has opened the element (its toggle event).
  await card.locator('details.asn1 .tree').waitFor();
  assert.match(await card.locator('details.asn1').textContent(), /SEQUENCE @0/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('.download-der').click()]);
  assert.equal(download.suggestedFilename(), 'certificate-1.der');
  assert.deepEqual(fs.readFileSync(await download.path()), fs.readFileSync(path.join(root, 'tests', 'fixtures', 'leaf.der')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: files dropped on the page (a key and a CRL) decode like picked ones', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await dropFiles(page, '#decode-input', [{ name: 'leaf.key', bytes: fixtureBytes('leaf.key') }, { name: 'root.crl', bytes: fixtureBytes('root.crl') }]);
  await page.waitForSelector('#decode-results .card >> nth=1');
  const origins = await page.$$eval('#decode-results .origin', (ps) => ps.map((p) => p.textContent));
  assert.equal(origins.length, 2);
  assert.match(origins[0], /leaf\.key, block 1/);
  assert.match(origins[1], /root\.crl, block 1/);
  const cards = await page.$$eval('#decode-results .card', (cs) => cs.map((c) => c.textContent));
  assert.match(cards[0], /private key/i);
  assert.match(cards[1], /CRL|revocation list/i);
  assert.equal(await page.inputValue('#decode-input'), '', 'dropped files are not pasted as text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: the 144-root Mozilla bundle decodes and renders well under a second', async () => {
  const bundlePath = path.join(root, 'crates', 'core', 'data', 'mozilla-roots.pem');
  const bundle = fs.readFileSync(bundlePath, 'utf8');
  const count = (bundle.match(/BEGIN CERTIFICATE/g) || []).length;
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  const times = [];
  for (let run = 0; run < 3; run++) {
    await page.click('#decode-clear');
    // Measured in the page: from the input event to the last card in the DOM.
    const ms = await page.evaluate(async (text) => {
      const area = document.querySelector('#decode-input');
      const start = performance.now();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (document.querySelectorAll('#decode-results .card').length > 0 ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    }, bundle);
    times.push(ms);
  }
  // An overview of all 144, and the first window of cards.
  assert.match(await page.textContent('#decode-overview h3'), new RegExp(`${count} blocks, ${count} certificates`));
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card.block').length === 25);
  times.sort((a, b) => a - b);
  console.log(`# decode + render ${count} certificates: median ${Math.round(times[1])} ms (runs: ${times.map(Math.round).join(', ')})`);
  assert.ok(times[1] < 1000, `median ${times[1]} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: a big CRL shows its first 1,000 entries when opened, and all on request', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.setInputFiles('#decode-files', [path.join(root, 'tests', 'fixtures', 'big.crl')]);
  const revoked = page.locator('#decode-results details.revoked');
  await revoked.waitFor();
  assert.equal(await revoked.locator('summary').textContent(), 'Revoked certificates (1500)');
  assert.equal(await revoked.locator('li').count(), 0, 'nothing built before it is opened');
  await revoked.locator('summary').click();
  assert.equal(await revoked.locator('li').count(), 1000);
  assert.match(await revoked.locator('li').first().textContent(), /^07:?D0 on .*\(superseded\)$/i);
  // The rest comes from the worker, which reads them again from the CRL.
  await revoked.locator('button.show-all-revoked').click();
  await page.waitForFunction(() => document.querySelectorAll('#decode-results details.revoked li').length === 1500);
  assert.equal(await revoked.locator('button.show-all-revoked').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: a bundle of hundreds of certificates shows 25 cards at a time', async () => {
  const store = fs.readFileSync(path.join(root, 'crates', 'core', 'data', 'mozilla-roots.pem'), 'utf8');
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  const paste = (text) => page.evaluate((t) => {
    const area = document.querySelector('#decode-input');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  const cards = (n) => page.waitForFunction((count) => document.querySelectorAll('#decode-results .card.block').length === count, n);
  const more = page.locator('#decode-results button.show-more-cards');
  await paste(store.repeat(3));
  await cards(25);
  assert.equal(await more.textContent(), 'Show 25 more (25 of 432 blocks shown)');
  await more.click();
  await cards(50);
  assert.equal(await more.textContent(), 'Show 25 more (50 of 432 blocks shown)');
  for (let shown = 50; shown < 432; shown += 25) {
    await more.click();
    await cards(Math.min(shown + 25, 432));
  }
  assert.equal(await more.count(), 0);
  // Another input starts again at the first 25.
  await paste(store.repeat(2));
  await cards(25);
  assert.equal(await more.textContent(), 'Show 25 more (25 of 288 blocks shown)');
  // A paste this big is kept out of the text box, which says so and shows it on request.
  assert.equal(await page.inputValue('#decode-input'), '');
  assert.match(await page.textContent('#decode-pasted'), /KB pasted/);
  await page.click('#decode-show-text');
  assert.equal((await page.inputValue('#decode-input')).length, store.length * 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('files dropped anywhere on the page open on the Decode tab', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/ciphers`);
  await dropFiles(page, 'header h1', [{ name: 'leaf.der', bytes: fixtureBytes('leaf.der') }, { name: 'root.crl', bytes: fixtureBytes('root.crl') }]);
  await page.waitForSelector('#decode-results .card >> nth=1');
  assert.match(page.url(), /#\/decode$/);
  const origins = await page.$$eval('#decode-results .origin', (ps) => ps.map((p) => p.textContent));
  assert.match(origins[0], /leaf\.der, block 1/);
  assert.match(origins[1], /root\.crl, block 1/);
  // A drop on a Verify field still goes into that field, not to Decode.
  await page.click('#tab-verify');
  await dropFiles(page, '#verify-chain', [{ name: 'leaf.der', bytes: fixtureBytes('leaf.der') }]);
  await page.waitForFunction(() => document.querySelector('#verify-chain').value.includes('BEGIN CERTIFICATE'));
  assert.match(page.url(), /#\/verify$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: a key says which certificate it goes with, a CRL whether its issuer signed it', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', fixture('root.pem') + fixture('root.crl') + fixture('leaf.pem') + fixture('leaf.key'));
  await page.waitForSelector('#decode-results .card >> nth=3');
  const cards = await page.$$eval('#decode-results .card', (cs) => cs.map((c) => c.textContent));
  assert.match(cards[1], /Signature\?[^]*?RFC[^]*?valid: verified with the certificate in block 1/);
  assert.match(cards[3], /Goes with\?[^]*?block 3: its certificate or CSR carries this key/);
  // Without the issuer the CRL's signature is not checked, and says what to paste.
  await page.fill('#decode-input', fixture('root.crl'));
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card').length === 1);
  assert.match(await page.textContent('#decode-results .card'), /not checked: paste the issuer's certificate/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: choosing a field shows the bytes that hold it in the ASN.1 tree', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', fixture('everything.pem'));
  const card = page.locator('#decode-results .card').first();
  await card.locator('.asn1-field-select').selectOption({ label: 'Serial' });
  const marked = card.locator('.tree li.highlight');
  assert.equal(await marked.count(), 1);
  assert.match(await marked.textContent(), /^INTEGER @\d+/);
  await card.locator('.asn1-field-select').selectOption({ label: 'subjectAltName' });
  assert.match(await card.locator('.tree li.highlight').textContent(), /^SEQUENCE @\d+[\s\S]*subjectAltName/);
  assert.ok(await card.locator('.tree li.highlight').isVisible(), 'its enclosing nodes are opened');
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: validity is shown against a chosen date as well as now', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', fixture('leaf.pem'));
  await page.waitForSelector('#decode-results h3 .badge.ok');
  assert.match(await page.textContent('#decode-results h3'), /valid, expires in \d+ days/);
  await page.fill('#decode-at', '2050-01-01T00:00');
  await page.waitForFunction(() => /expired/.test(document.querySelector('#decode-results h3')?.textContent ?? ''));
  assert.match(await page.textContent('#decode-results dl.summary'), /at 2050-01-01T00:00:00Z/);
  await page.fill('#decode-at', '2020-01-01T00:00');
  await page.waitForFunction(() => /not yet valid/.test(document.querySelector('#decode-results h3')?.textContent ?? ''));
  await page.fill('#decode-at', '');
  await page.waitForFunction(() => /valid, expires in/.test(document.querySelector('#decode-results h3')?.textContent ?? ''));
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: an encrypted key decrypts with its password, in the page', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', fixture('leaf.enc.key'));
  await page.waitForSelector('.key-password');
  await page.fill('.key-password', 'wrong');
  await page.click('.decrypt-key');
  assert.match(await page.textContent('.decrypt [role=alert]'), /password is wrong/);
  await page.fill('.key-password', 'fixture');
  await page.click('.decrypt-key');
  await page.waitForSelector('.decrypted');
  assert.match(await page.textContent('.decrypted'), /EC, 384 bits, curve P-384/);
  // The older encryptions users still have: legacy PEM (Proc-Type, DEK-Info) and PKCS#12 PBE.
  for (const [file, scheme] of [['leaf.legacy-enc.key', /OpenSSL legacy PEM encryption \(AES-256-CBC/], ['leaf.pbe-3des.key', /pbeWithSHA1And3-KeyTripleDES-CBC \(PKCS#12 PBE, legacy\), 2048 iterations/]]) {
    await page.fill('#decode-input', '');
    await page.fill('#decode-input', fixture(file));
    await page.waitForSelector('.key-password');
    assert.match(await page.textContent('#decode-results'), scheme, file);
    await page.fill('.key-password', 'fixture');
    await page.click('.decrypt-key');
    await page.waitForSelector('.decrypted');
    assert.match(await page.textContent('.decrypted'), /EC, 384 bits, curve P-384/, file);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: a dropped PKCS#12 file opens with its password: key and certificates, in the page', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await dropFiles(page, '#decode-input', [{ name: 'leaf.p12', bytes: fixtureBytes('leaf.p12') }]);
  await page.waitForSelector('.p12-password');
  await page.fill('.p12-password', 'wrong');
  await page.click('.open-p12');
  assert.match(await page.textContent('.decrypt [role=alert]'), /wrong password/);
  await page.fill('.p12-password', 'fixture');
  await page.click('.open-p12');
  await page.waitForSelector('.p12-contents .card');
  const cards = await page.$$eval('.p12-contents .card h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(cards.length, 3, `key, leaf and intermediate: ${cards}`);
  assert.match(cards[0], /Private key/);
  assert.match(await page.textContent('.p12-contents'), /its certificate or CSR carries this key's public key/, 'the key is matched to its certificate');
  assert.deepEqual(problems, []);
  await context.close();
});

test('decode: opening a slow PKCS#12 file shows the wait and stops on request, and a new paste is not held up by it', async () => {
  // Five million PBKDF2 and PKCS#12-KDF iterations (certbench's limit): about 7 s of work in
  // wasm, which would hold every later job if the worker were not stopped.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-slow-'));
  const slow = path.join(dir, 'slow.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-in', path.join(root, 'tests/fixtures/leaf.pem'),
    '-inkey', path.join(root, 'tests/fixtures/leaf.key'), '-passin', 'pass:fixture', '-passout', 'pass:slow',
    '-iter', '5000000', '-out', slow]);
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await dropFiles(page, '#decode-input', [{ name: 'slow.p12', bytes: fs.readFileSync(slow) }]);
  await page.waitForSelector('.p12-password');
  await page.fill('.p12-password', 'slow');
  await page.click('.open-p12');
  assert.match(await page.textContent('.decrypt [role=status]'), /Deriving the key/, 'the wait is shown');
  assert.ok(await page.isDisabled('.open-p12'), 'and the button waits with it');
  await page.click('.stop-unlock');
  assert.match(await page.textContent('.decrypt [role=alert]'), /stopped before the password was checked/);
  // Asked again, then left: the card goes with the input, and the work with it.
  await page.click('.open-p12');
  await page.waitForTimeout(300);
  await page.click('#decode-clear');
  const started = Date.now();
  await page.fill('#decode-input', fixture('root.pem'));
  await page.waitForSelector('#decode-results .card:has-text("certbench Test Root")');
  const waited = Date.now() - started;
  assert.ok(waited < 2500, `the paste waited ${waited} ms behind the abandoned key derivation`);
  assert.equal(await page.$('.p12-password'), null, 'the PKCS#12 card is gone');
  // The fresh worker opens a PKCS#12 file as before.
  await page.click('#decode-clear');
  await dropFiles(page, '#decode-input', [{ name: 'leaf.p12', bytes: fixtureBytes('leaf.p12') }]);
  await page.fill('.p12-password', 'fixture');
  await page.click('.open-p12');
  await page.waitForSelector('.p12-contents .card');
  // Another encrypted key pasted over a decrypted one: what the last one opened is not shown
  // under it.
  await page.click('#decode-clear');
  await page.fill('#decode-input', fixture('leaf.enc.key'));
  await page.fill('.key-password', 'fixture');
  await page.click('.decrypt-key');
  await page.waitForSelector('.decrypted');
  await page.fill('#decode-input', fixture('leaf.pbe-3des.key'));
  await page.waitForFunction(() => document.querySelector('#decode-results')?.textContent.includes('pbeWithSHA1And3-KeyTripleDES-CBC'));
  assert.equal(await page.$('.decrypted'), null, 'what the key before opened is gone');
  assert.equal(await page.inputValue('.key-password'), '', 'and so is its password');
  assert.deepEqual(problems, []);
  await context.close();
  fs.rmSync(dir, { recursive: true });
});

test('generate: one click makes a localhost certificate that downloads and decodes', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: keys and signatures made by WebCrypto pass OpenSSL, for every key type', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: bundle.p12 and DER files download, and OpenSSL opens them', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: the preview shows what the certificate will say, as the form changes', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: a key of my own (OpenSSL-encrypted) is certified, not a new one', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: the whole chain in one click validates in Node and on the Verify tab', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  await page.fill('#verify-chain', fullchain);
  await page.fill('#verify-roots', rootPem);
  await page.fill('#verify-host', 'localhost');
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.deepEqual(problems, []);
  await context.close();
});

test('generate: signing an OpenSSL CSR shows what it asks for; the user copies clientAuth, never CA rights', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-csr-'));
  const key = path.join(dir, 'k.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  const csr = execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/CN=asks.example',
    '-addext', 'extendedKeyUsage=clientAuth', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'subjectAltName=DNS:asks.example'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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

test('generate: an RSA root from the form signs a server certificate; RSA-4096 keeps the page responsive', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/generate`);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('verify: a shuffled chain is valid; without its intermediate it is not', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/verify`);
  await page.fill('#verify-chain', fixture('int.pem') + fixture('leaf.pem'));
  await page.fill('#verify-roots', fixture('root.pem'));
  await page.fill('#verify-host', 'www.example.test');
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.equal(await page.$$eval('#verify-result ol li', (li) => li.length), 3);
  assert.match(await page.textContent('#verify-lint'), /wrong_order|not in leaf-to-root order/, 'the shuffled bundle is linted');
  // "How TLS uses this" draws this chain and says where each check happens in the handshake.
  await page.click('#verify-how-tls > summary');
  const how = await page.textContent('#verify-how-tls');
  assert.match(how, /Intermediate[\s\S]*signed the certificate above it/);
  assert.match(how, /trust anchor/);
  assert.match(how, /CertificateVerify/);
  await page.fill('#verify-chain', fixture('leaf.pem'));
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.match(await page.textContent('#verify-reason'), /issuer .*certbench Test Intermediate.* is missing.*http:\/\/ca\.example\.test\/int\.crt/);
  // With the built-in Mozilla store instead of the fixture root, the private root is untrusted.
  await page.fill('#verify-chain', fixture('fullchain.pem') + fixture('root.pem'));
  await page.fill('#verify-roots', '');
  await page.check('#verify-mozilla');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-reason')?.textContent.includes('not among the trust anchors'));
  assert.match(await page.textContent('label:has(#verify-mozilla)'), /Trust Mozilla's root store \(139 roots, as of 11 March 2023\)/);
  await page.uncheck('#verify-mozilla');
  await page.fill('#verify-roots', fixture('root.pem'));
  // Past the leaf's expiry, the verdict says so.
  await page.fill('#verify-chain', fixture('fullchain.pem'));
  await page.fill('#verify-at', '2080-01-01T00:00');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-reason')?.textContent.includes('expired'));
  assert.match(await page.textContent('#verify-reason'), /expired on .* renew it.*ERR_CERT_DATE_INVALID/s);
  // A path longer than the intermediate limit is refused, as openssl -verify_depth does.
  await page.fill('#verify-at', '');
  await page.fill('#verify-max', '0');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-reason')?.textContent.includes('at most 0'));
  await page.fill('#verify-max', '1');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Drops files (name and bytes) on `selector` the way a file manager does: one drop event. */
async function dropFiles(page, selector, files) {
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

test('verify: dropped PEM and DER files fill the chain and anchors; a wrong file says why', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/verify`);
  await dropFiles(page, '#verify-chain', [{ name: 'leaf.der', bytes: fixtureBytes('leaf.der') }, { name: 'int.pem', bytes: fixtureBytes('int.pem') }]);
  await page.waitForFunction(() => (document.querySelector('#verify-chain').value.match(/BEGIN CERTIFICATE/g) || []).length === 2);
  await dropFiles(page, '#verify-roots', [{ name: 'root.pem', bytes: fixtureBytes('root.pem') }]);
  await page.waitForFunction(() => document.querySelector('#verify-roots').value.includes('BEGIN CERTIFICATE'));
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  await dropFiles(page, '#verify-roots', [{ name: 'leaf.key', bytes: fixtureBytes('leaf.key') }]);
  await page.waitForSelector('.error');
  assert.match(await page.textContent('.error'), /leaf\.key: .*expected a certificate/);
  assert.equal((await page.inputValue('#verify-roots')).match(/BEGIN CERTIFICATE/g).length, 1, 'the bad file adds nothing');
  assert.deepEqual(problems, []);
  await context.close();
});

test('ciphers: a name and a hex code explain the same suite', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/ciphers`);
  await page.fill('#cipher-input', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  await page.waitForSelector('#cipher-parts');
  assert.match(await page.textContent('#cipher-parts'), /ECDHE \(forward secrecy\).*RSA.*AES 256 bits, GCM/s);
  assert.equal(await page.textContent('#cipher-rating'), 'recommended');
  await page.fill('#cipher-input', '0xC0,0x30');
  assert.match(await page.textContent('#cipher-result h3'), /TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384/);
  await page.fill('#cipher-input', 'TLS_RSA_WITH_RC4_128_MD5');
  assert.equal(await page.textContent('#cipher-rating'), 'insecure');
  // OpenSSL's spelling, and the fragment follows the query.
  await page.fill('#cipher-input', 'DHE-RSA-CHACHA20-POLY1305');
  assert.match(await page.textContent('#cipher-result h3'), /TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 \(0xCC,0xAA\)/);
  assert.match(page.url(), /#\/ciphers\/DHE-RSA-CHACHA20-POLY1305$/);
  // A shared link opens the explanation in a fresh page.
  const shared = await open(browser, `${server.base}#/ciphers/TLS_AES_128_GCM_SHA256`);
  await shared.page.waitForSelector('#cipher-parts');
  assert.match(await shared.page.textContent('#cipher-parts'), /HKDF-SHA-256/);
  assert.deepEqual(shared.problems, []);
  await shared.context.close();
  // The registry table filters, and a row opens its explanation.
  await page.fill('#cipher-input', '');
  await page.fill('#cipher-filter', 'ecdhe chacha20');
  const rows = await page.$$eval('.registry-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.length >= 3 && rows.every((r) => /ECDHE/.test(r) && /CHACHA20/.test(r)), rows.join('\n'));
  await page.click('.registry-table tbody tr:first-child button.link');
  await page.waitForSelector('#cipher-parts');
  // An nginx line expands to what OpenSSL would use, each suite rated.
  await page.fill('#cipher-string', "ssl_ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL';");
  await page.waitForSelector('#cipher-expansion tbody tr');
  const expanded = await page.$$eval('#cipher-expansion tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(expanded.slice(3, 5), ['ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384']);
  assert.equal(expanded.length, 9);
  assert.equal(await page.textContent('#cipher-expansion-rating'), 'recommended');
  await page.fill('#cipher-string', 'HIGH:RC4:3DES:aNULL');
  await page.waitForFunction(() => document.querySelector('#cipher-expansion-rating')?.textContent === 'insecure');
  assert.deepEqual(problems, []);
  await context.close();
});

test('explanations: fields, checks and cipher parts say what they are and why they matter', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/decode`);
  await page.fill('#decode-input', fixture('leaf.pem'));
  await page.click('#decode-results details.fields > summary');
  const serial = page.locator('#decode-results dt:has-text("Serial") details.why');
  await serial.locator('summary').click();
  assert.match(await serial.locator('.why-text').textContent(), /unique per CA.*RFC 5280 §4\.1\.2\.2/s);
  // Keyboard: Enter on a focused "?" opens it too.
  const san = page.locator('#decode-results dt:has-text("Names (SAN)") details.why');
  await san.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await san.getAttribute('open'), '');
  assert.match(await san.locator('.why-text').textContent(), /host name/);
  const bc = page.locator('#decode-results .extensions th:has-text("basicConstraints") details.why');
  await bc.locator('summary').click();
  assert.match(await bc.locator('.why-text').textContent(), /RFC 5280 §4\.2\.1\.9/);
  await page.goto(`${server.base}#/ciphers/TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`);
  const kx = page.locator('#cipher-parts dt:has-text("Key exchange") details.why');
  await kx.locator('summary').click();
  assert.match(await kx.locator('.why-text').textContent(), /forward secrecy/);
  await page.goto(`${server.base}#/samples`);
  await page.click('#sample-hostname-mismatch a.open-sample');
  await page.waitForSelector('#verify-verdict');
  const host = page.locator('table.checks td:has-text("hostname") details.why');
  await host.locator('summary').click();
  assert.match(await host.locator('.why-text').textContent(), /RFC 6125/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('samples: each sample opens in its tool and shows what it claims', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/samples`);
  await page.waitForSelector('.sample');
  const samples = await page.$$eval('.sample', (cards) => cards.map((c) => ({
    id: c.id, href: c.querySelector('a.open-sample').getAttribute('href'), text: c.textContent,
  })));
  assert.ok(samples.length >= 16, `${samples.length} samples`);
  // What each sample must show: the verdict (and first failure), or a lint finding, or ratings.
  const expected = {
    'valid-chain': ['valid', 'validity_too_long'], 'expired-leaf': ['expired'], 'not-yet-valid': ['not_yet_valid'],
    'self-signed-leaf': ['self_signed_leaf'], 'untrusted-root': ['untrusted_root'], 'missing-intermediate': ['missing_issuer'],
    'wrong-order': ['valid', 'wrong_order'], 'hostname-mismatch': ['hostname'], 'wildcard-too-deep': ['hostname'],
    'sha1-signature': ['valid', 'sha1_signature'], 'rsa-1024': ['weak_key'], 'ca-true-leaf': ['valid', 'ca_flag_on_leaf'],
    'client-as-server': ['extended_key_usage'], 'pathlen-exceeded': ['path_length'], 'name-constraints': ['name_constraints'],
  };
  for (const sample of samples) {
    assert.match(sample.text, /What is wrong: .+Fix: .+/s, sample.id);
    await page.goto(`${server.base}${sample.href}`);
    const id = sample.id.replace(/^sample-/, '');
    if (sample.href.startsWith('#/ciphers')) {
      await page.waitForSelector('#cipher-string');
      assert.match(await page.inputValue('#cipher-string'), /TLS_RSA_WITH_RC4_128_SHA/);
      await page.waitForSelector('#cipher-expansion-rating');
      assert.equal(await page.textContent('#cipher-expansion-rating'), 'insecure', id);
      continue;
    }
    await page.waitForSelector('#verify-verdict');
    const [verdict, code] = expected[id] ?? assert.fail(`no expectation for ${id}`);
    if (verdict === 'valid') {
      assert.equal(await page.textContent('#verify-verdict'), 'valid', id);
      await page.waitForSelector(`[data-code="${code}"]`);
    } else {
      assert.equal(await page.textContent('#verify-verdict'), 'invalid', id);
      assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), verdict, id);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('worker: started with this build\'s version, which both of its files are fetched with', async () => {
  const { page, requests, problems, context } = await open(browser, `${server.base}#/decode`);
  const loader = await page.getAttribute('meta[name=certbench-worker]', 'content');
  const version = /\?v=[0-9a-f]{16}$/.exec(loader)?.[0] ?? assert.fail(`no version in ${loader}`);
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results .card >> nth=1');
  for (const file of ['worker-loader.js', 'certbench-worker.js', 'certbench-worker_bg.wasm']) {
    assert.ok(requests.some((url) => url.endsWith(`/${file}${version}`)), `${file}${version} in ${requests.join(' ')}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('privacy: a whole session requests only the app\'s own assets, and nothing after load', async () => {
  const { page, requests, problems, context } = await open(browser, server.base);
  await page.waitForLoadState('networkidle');
  const atLoad = requests.length;
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results .card');
  await page.click('#tab-generate');
  await page.click('#gen-selfsigned');
  await page.waitForSelector('#gen-key');
  await Promise.all([page.waitForEvent('download'), page.click('#gen-key-download')]);
  await page.click('#tab-verify');
  await page.fill('#verify-chain', fixture('fullchain.pem'));
  await page.fill('#verify-roots', fixture('root.pem'));
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  await page.click('#tab-ciphers');
  await page.fill('#cipher-input', '0x1301');
  await page.waitForSelector('#cipher-parts');
  await page.waitForTimeout(300);
  assertOnlyOwnAssets(requests);
  const afterLoad = requests.slice(atLoad).filter((u) => !u.startsWith('blob:'));
  assert.deepEqual(afterLoad, [], 'no request after load');
  // Nothing was stored: no localStorage, sessionStorage, cookies, IndexedDB or caches.
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    indexedDb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: '', indexedDb: 0, caches: 0 });
  assertOnlyOwnAssets(server.requests.map((p) => server.origin + p));
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline: after "Use offline", the app reloads and decodes with the network off; not before', async () => {
  const { page, problems, context } = await open(browser, server.base);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'no service worker unless asked');
  await page.click('#offline');
  await page.waitForSelector('#offline-ready');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.getAttribute('link[rel=manifest]', 'href'), './manifest.webmanifest');
  const cached = await page.evaluate(async () => (await caches.keys()).length);
  assert.equal(cached, 1, 'one cache of the app\'s own files');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('nav[role=tablist]');
  assert.ok(await page.isVisible('#offline-ready'), 'the page says it works offline');
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results .card >> nth=1');
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('privacy: the Content-Security-Policy is strict and enforced', async () => {
  const { page, context } = await open(browser, server.base);
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /base-uri 'none'/);
  assert.match(policy, /form-action 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:/);
  // Even code running in the page cannot send anything elsewhere.
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const fetched = await fetch('https://example.com/steal').then(() => 'sent', () => 'blocked');
    const img = new Image();
    img.src = 'https://example.com/pixel.png';
    await new Promise((r) => { img.onerror = r; img.onload = r; });
    await new Promise((r) => setTimeout(r, 100));
    return { fetched, violations };
  });
  assert.equal(outcome.fetched, 'blocked');
  assert.ok(outcome.violations.includes('connect-src') && outcome.violations.includes('img-src'), JSON.stringify(outcome.violations));
  await context.close();
});

test('accessibility: axe-core finds no moderate, serious or critical violation on any tab, light or dark', async () => {
  const axePath = path.join(root, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js');
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it for the audit only.
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const scenes = {
      decode: async () => { await page.fill('#decode-input', fixture('fullchain.pem')); await page.waitForSelector('#decode-results .card'); },
      generate: async () => { await page.click('#gen-selfsigned'); await page.waitForSelector('#gen-cert'); },
      verify: async () => {
        await page.fill('#verify-chain', fixture('leaf.pem'));
        await page.fill('#verify-roots', fixture('root.pem'));
        await page.click('#verify-run');
        await page.waitForSelector('#verify-verdict');
      },
      ciphers: async () => { await page.fill('#cipher-input', '0xC030'); await page.waitForSelector('#cipher-parts'); },
    };
    for (const [tab, act] of Object.entries(scenes)) {
      await page.goto(`${server.base}#/${tab}`);
      await page.waitForSelector('nav[role=tablist]');
      await act();
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact !== 'minor')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      found.push(...result.map((r) => `${colorScheme} ${tab}: ${r}`));
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('accessibility: the Verify tab works with the keyboard alone, with visible focus', async () => {
  const { page, problems, context } = await open(browser, server.base);
  // Tab to the Verify tab link and follow it with Enter.
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'tab-verify'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-verify');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#verify-chain');
  const tabTo = async (id) => {
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), id);
  };
  await tabTo('verify-chain');
  await page.keyboard.insertText(fixture('fullchain.pem'));
  await tabTo('verify-roots');
  await page.keyboard.insertText(fixture('root.pem'));
  await tabTo('verify-run');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.deepEqual(problems, []);
  await context.close();
});

test('deep links: a chain shared from Verify opens the same state in a fresh page; keys never travel', async () => {
  const { page, problems, context } = await open(browser, `${server.base}#/verify`);
  await page.fill('#verify-chain', fixture('int.pem') + fixture('leaf.pem'));
  await page.fill('#verify-roots', fixture('root.pem'));
  await page.fill('#verify-host', 'www.example.test');
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  const link = page.url();
  assert.match(link, /#\/verify\/chain=[\w-]+&roots=[\w-]+&host=www\.example\.test/);
  const fresh = await open(browser, link);
  await fresh.page.waitForSelector('#verify-chain');
  assert.equal(await fresh.page.inputValue('#verify-host'), 'www.example.test');
  // The link's certificates are read by the worker: the fields fill a moment later.
  await fresh.page.waitForFunction(() => document.querySelector('#verify-chain').value.includes('BEGIN CERTIFICATE'));
  await fresh.page.click('#verify-run');
  await fresh.page.waitForSelector('#verify-verdict');
  assert.equal(await fresh.page.textContent('#verify-verdict'), 'valid');
  assert.equal(await fresh.page.$$eval('#verify-result ol li', (li) => li.length), 3);
  await fresh.context.close();
  // Decode: certificates yes, a private key never.
  await page.goto(`${server.base}#/decode`);
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.fill('#decode-at', '2050-01-01T00:00');
  await page.click('#decode-link');
  await page.waitForSelector('#decode-link-done');
  const decodeLink = page.url();
  assert.match(decodeLink, /#\/decode\/[\w-]+&at=2050-01-01T00%3A00$/);
  const shared = await open(browser, decodeLink);
  await shared.page.waitForSelector('#decode-results .card >> nth=1');
  assert.equal(await shared.page.$$eval('#decode-results .card', (c) => c.length), 2);
  assert.equal(await shared.page.inputValue('#decode-at'), '2050-01-01T00:00', 'the chosen time travels too');
  assert.match(await shared.page.textContent('#decode-results h3'), /expired/);
  await shared.context.close();
  await page.fill('#decode-at', '');
  await page.fill('#decode-input', fixture('fullchain.pem') + fixture('leaf.key'));
  await page.click('#decode-link');
  assert.match(await page.textContent('[role=alert]'), /never carry keys/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** One root of the committed Mozilla PEM, by its common name. */
function mozillaRoot(commonName) {
  const pem = fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8');
  const block = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)
    .find((b) => new X509Certificate(b).subject.includes(`CN=${commonName}`));
  assert.ok(block, `${commonName} is in the store`);
  return block;
}

test('verify: the Mozilla store, loaded after first paint, trusts its roots; altered bytes are refused', async () => {
  const { page, requests, problems, context } = await open(browser, `${server.base}#/verify`);
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => u.endsWith('/mozilla-roots.der')), 'the store is fetched at load');
  await page.fill('#verify-chain', mozillaRoot('ISRG Root X1'));
  await page.check('#verify-mozilla');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  await context.close();
  // A store file that is not the one this build ships is never trusted.
  const altered = await browser.newContext();
  await altered.route('**/mozilla-roots.der', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[100] ^= 1;
    await route.fulfill({ body, contentType: 'application/octet-stream' });
  });
  const tampered = await altered.newPage();
  await tampered.goto(`${server.base}#/verify`);
  await tampered.fill('#verify-chain', mozillaRoot('ISRG Root X1'));
  await tampered.check('#verify-mozilla');
  await tampered.click('#verify-run');
  await tampered.waitForSelector('text=not the one this build ships');
  await altered.close();
  assert.deepEqual(problems, []);
});
