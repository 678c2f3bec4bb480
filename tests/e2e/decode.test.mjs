// End-to-end: the Decode tab in Chromium, used like a person would (paste, pick, drop, open).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot } from './harness.mjs';

const app = useApp();

app.test('decode: a pasted chain shows every certificate; garbage shows an error', '#/decode', async ({ page, problems, context }) => {
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
});

app.test('decode: picked files (a PEM bundle and a DER file) show every block, fields and ASN.1', '#/decode', async ({ page, problems, context }) => {
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
});

app.test('decode: files dropped on the page (a key and a CRL) decode like picked ones', '#/decode', async ({ page, problems, context }) => {
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
});

test('decode: the 144-root Mozilla bundle decodes and renders well under a second', async () => {
  const bundlePath = path.join(root, 'crates', 'core', 'data', 'mozilla-roots.pem');
  const bundle = fs.readFileSync(bundlePath, 'utf8');
  const count = (bundle.match(/BEGIN CERTIFICATE/g) || []).length;
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/decode`);
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

app.test('decode: a big CRL shows its first 1,000 entries when opened, and all on request', '#/decode', async ({ page, problems, context }) => {
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
});

test('decode: a bundle of hundreds of certificates shows 25 cards at a time', async () => {
  const store = fs.readFileSync(path.join(root, 'crates', 'core', 'data', 'mozilla-roots.pem'), 'utf8');
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/decode`);
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

app.test('files dropped anywhere on the page open on the Decode tab', '#/ciphers', async ({ page, problems, context }) => {
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
});

app.test('decode: a key says which certificate it goes with, a CRL whether its issuer signed it', '#/decode', async ({ page, problems, context }) => {
  await page.fill('#decode-input', fixture('root.pem') + fixture('root.crl') + fixture('leaf.pem') + fixture('leaf.key'));
  await page.waitForSelector('#decode-results .card >> nth=3');
  const cards = await page.$$eval('#decode-results .card', (cs) => cs.map((c) => c.textContent));
  assert.match(cards[1], /Signature\?[^]*?RFC[^]*?valid: verified with the certificate in block 1/);
  assert.match(cards[3], /Goes with\?[^]*?block 3: its certificate or CSR carries this key/);
  // The key shows its RFC 7638 thumbprint, `certbench decode --json`'s for it and its certificate.
  assert.match(cards[3], /JWK thumbprint\?[^]*?SouOjJwS53cg7_9hxddeQdyLr-oF4YAmIHz1iSdA7Gs/);
  // Without the issuer the CRL's signature is not checked, and says what to paste.
  await page.fill('#decode-input', fixture('root.crl'));
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card').length === 1);
  assert.match(await page.textContent('#decode-results .card'), /not checked: paste the issuer's certificate/);
});

app.test('decode: choosing a field shows the bytes that hold it in the ASN.1 tree', '#/decode', async ({ page, problems, context }) => {
  await page.fill('#decode-input', fixture('everything.pem'));
  const card = page.locator('#decode-results .card').first();
  await card.locator('.asn1-field-select').selectOption({ label: 'Serial' });
  // The tree is parsed in the worker: wait for it before counting what is marked.
  const marked = card.locator('.tree li.highlight');
  await marked.first().waitFor();
  assert.equal(await marked.count(), 1);
  assert.match(await marked.textContent(), /^INTEGER @\d+/);
  await card.locator('.asn1-field-select').selectOption({ label: 'subjectAltName' });
  await page.waitForFunction(() => /^SEQUENCE @\d+[\s\S]*subjectAltName/.test(document.querySelector('#decode-results .card .tree li.highlight')?.textContent ?? ''));
  assert.ok(await card.locator('.tree li.highlight').isVisible(), 'its enclosing nodes are opened');
});

app.test('decode: validity is shown against a chosen date as well as now', '#/decode', async ({ page, problems, context }) => {
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
});

app.test('decode: an encrypted key decrypts with its password, in the page', '#/decode', async ({ page, problems, context }) => {
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
});

app.test('decode: a dropped PKCS#12 file opens with its password: key and certificates, in the page', '#/decode', async ({ page, problems, context }) => {
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
});

test('decode: opening a slow PKCS#12 file shows the wait and stops on request, and a new paste is not held up by it', async () => {
  // Five million PBKDF2 and PKCS#12-KDF iterations (certbench's limit): about 7 s of work in
  // wasm, which would hold every later job if the worker were not stopped.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-slow-'));
  const slow = path.join(dir, 'slow.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-in', path.join(root, 'tests/fixtures/leaf.pem'),
    '-inkey', path.join(root, 'tests/fixtures/leaf.key'), '-passin', 'pass:fixture', '-passout', 'pass:slow',
    '-iter', '5000000', '-out', slow]);
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/decode`);
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

app.test('decode: an OCSP response and request read in the page: status, responder, CertID, nonce, and the signature checked with the issuer pasted beside it', '#/decode', async ({ page, problems }) => {
  await dropFiles(page, '#decode-input', [
    { name: 'leaf-revoked.ocsp', bytes: fixtureBytes('leaf-revoked.ocsp') },
    { name: 'int.pem', bytes: fixtureBytes('int.pem') },
    { name: 'leaf.ocsp-request', bytes: fixtureBytes('leaf.ocsp-request') },
  ]);
  await page.waitForFunction(() => /valid: verified with/.test(document.querySelector('#decode-results')?.textContent ?? ''));
  const response = await page.textContent('#decode-results .card.block >> nth=0');
  assert.match(response, /OCSP response: successful/);
  assert.match(response, /Certificate serial[^]*c0ffee0123456789/);
  assert.match(response, /revoked on \d{4}-\d\d-\d\dT[^(]*\(keyCompromise\)/);
  assert.match(response, /Responder[^]*certbench Test Intermediate/);
  assert.match(response, /valid: verified with CN=certbench Test Intermediate/);
  const request = await page.textContent('#decode-results .card.block >> nth=2');
  assert.match(request, /OCSP request for 1 certificate\(s\)/);
  assert.match(request, /Nonce[^]*[0-9a-f]{32}/);
  // The "?" beside a field explains it.
  assert.ok(await page.locator('#decode-results .card.block >> nth=0').locator('details.why').count() >= 5);
  // An unsuccessful response still reads, and says why there is nothing more.
  await dropFiles(page, '#decode-input', [{ name: 'unauthorized.ocsp', bytes: fixtureBytes('unauthorized.ocsp') }]);
  await page.waitForFunction(() => /OCSP response: unauthorized/.test(document.querySelector('#decode-results')?.textContent ?? ''));
  assert.deepEqual(problems, []);
});

app.test('decode: the OCSP request the page cannot send: made for a certificate whose issuer is pasted too, downloaded, and read by OpenSSL as asking about it', '#/decode', async ({ page, problems }) => {
  await page.fill('#decode-input', fixture('everything.pem') + fixture('root.pem'));
  const card = page.locator('#decode-results .card.block >> nth=0');
  await card.locator('.ocsp-request').click();
  await card.locator('.download-ocsp-request').waitFor();
  const commands = await card.locator('.ocsp-made code').allTextContents();
  assert.equal(commands[0], 'openssl ocsp -issuer certificate-2.pem -cert certificate-1.pem -url http://ocsp.example.test -resp_text -noverify');
  assert.match(commands[1], /^curl -sS --data-binary @certificate-1\.ocsp-request\.der -H 'Content-Type: application\/ocsp-request' http:\/\/ocsp\.example\.test -o response\.der$/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('.download-ocsp-request').click()]);
  assert.equal(download.suggestedFilename(), 'certificate-1.ocsp-request.der');
  const text = execFileSync('openssl', ['ocsp', '-reqin', await download.path(), '-req_text'], { encoding: 'utf8' });
  const serial = new X509Certificate(fixture('everything.pem')).serialNumber;
  assert.match(text.replace(/:/g, ""), new RegExp(`Serial Number 0*${serial.replace(/^0+/, "")}\\b`, "i"));
  assert.match(text, /OCSP Nonce/);
  // Without its issuer in the input, the card says what to paste.
  await page.fill('#decode-input', fixture('everything.pem'));
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card.block').length === 1);
  await page.locator('#decode-results .card.block >> nth=0').locator('.ocsp-request').click();
  await page.waitForSelector('#decode-results .ocsp-ask .error');
  assert.match(await page.textContent('#decode-results .ocsp-ask .error'), /issuer's certificate .*certbench Test Root.* is not in this input/);
  assert.deepEqual(problems, []);
});
