// End-to-end: the Verify tab in Chromium: chains pasted and dropped, the Mozilla store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot, fillVerify } from './harness.mjs';

const app = useApp();

app.test('verify: a shuffled chain is valid; without its intermediate it is not', '#/verify', async ({ page, problems, context }) => {
  await fillVerify(page, { chain: fixture('int.pem') + fixture('leaf.pem'), roots: fixture('root.pem'), host: 'www.example.test' });
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
  await fillVerify(page, { chain: fixture('fullchain.pem') + fixture('root.pem'), roots: '' });
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
});

app.test('verify: dropped PEM and DER files fill the chain and anchors; a wrong file says why', '#/verify', async ({ page, problems, context }) => {
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
});

test('verify: the Mozilla store, loaded after first paint, trusts its roots; altered bytes are refused', async () => {
  const { page, requests, problems, context } = await open(app.browser, `${app.server.base}#/verify`);
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => u.endsWith('/mozilla-roots.der')), 'the store is fetched at load');
  await page.fill('#verify-chain', mozillaRoot('ISRG Root X1'));
  await page.check('#verify-mozilla');
  await page.click('#verify-run');
  // A root in a server's place is refused by the browser rules (Firefox: CA used as an end
  // entity); for any purpose, the store's root is trusted.
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'ca_as_leaf');
  await page.selectOption('#verify-purpose', 'any');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  await context.close();
  // A store file that is not the one this build ships is never trusted.
  const altered = await app.browser.newContext();
  await altered.route('**/mozilla-roots.der', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[100] ^= 1;
    await route.fulfill({ body, contentType: 'application/octet-stream' });
  });
  const tampered = await altered.newPage();
  await tampered.goto(`${app.server.base}#/verify`);
  await tampered.fill('#verify-chain', mozillaRoot('ISRG Root X1'));
  await tampered.check('#verify-mozilla');
  await tampered.click('#verify-run');
  await tampered.waitForSelector('text=not the one this build ships');
  await altered.close();
  assert.deepEqual(problems, []);
});

app.test('verify: the rules selector; a SHA-1 chain is invalid for browsers, valid under RFC 5280, and each verdict names the other', '#/verify/sample=sha1-signature', async ({ page, problems, context }) => {
  await page.waitForSelector('#verify-verdict');
  assert.equal(await page.textContent('#verify-verdict'), 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'weak_signature');
  assert.equal(await page.getAttribute('#verify-other-profile', 'data-profile'), 'rfc5280');
  assert.match(await page.textContent('#verify-other-profile'), /Valid under RFC 5280 alone; Chrome and Firefox refuse it .*SHA-1/);
  await page.selectOption('#verify-profile', 'rfc5280');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.equal(await page.getAttribute('#verify-other-profile', 'data-profile'), 'webpki');
  assert.match(await page.textContent('#verify-other-profile'), /SHA-1/);
  // The choice travels in a link and comes back.
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  assert.match(page.url(), /&profile=rfc5280$/);
  const fresh = await open(app.browser, page.url());
  await fresh.page.waitForFunction(() => document.querySelector('#verify-chain').value.includes('BEGIN CERTIFICATE'));
  assert.equal(await fresh.page.inputValue('#verify-profile'), 'rfc5280');
  await fresh.context.close();
  assert.deepEqual(problems, []);
});

app.test('verify: CRLs dropped, pasted or in the chain decide revocation; requiring a status fails an unknown one; a link keeps them', '#/verify', async ({ page, problems }) => {
  await page.uncheck('#verify-mozilla');
  await fillVerify(page, { chain: fixture('fullchain.pem'), roots: fixture('root.pem'), host: 'www.example.test' });
  // big.crl (DER, 1,500 entries, by the root) does not list the intermediate.
  await dropFiles(page, '#verify-revocation-input', [{ name: 'big.crl', bytes: fixtureBytes('big.crl') }]);
  await page.waitForFunction(() => document.querySelector('#verify-revocation-input').value.startsWith('-----BEGIN X509 CRL-----'));
  await page.click('#verify-run');
  await page.waitForSelector('#verify-revocation');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.equal(await page.getAttribute('#verify-revocation li >> nth=1', 'data-status'), 'good');
  // No CRL of the intermediate's covers the leaf: unknown, which fails only when required.
  assert.equal(await page.getAttribute('#verify-revocation li >> nth=0', 'data-status'), 'unknown');
  await page.check('#verify-require-revocation');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'revocation_unknown');
  // root.crl revokes the intermediate (keyCompromise).
  await page.fill('#verify-revocation-input', fixture('root.crl'));
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('.failure')?.dataset.code === 'revoked');
  assert.match(await page.textContent('#verify-revocation li >> nth=1'), /revoked \(keyCompromise, \d{4}-\d\d-\d\dT/);
  // The CRLs and the switch travel in a link, and its verdict shows at once.
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  assert.match(page.url(), /&revocation=[A-Za-z0-9_-]+/);
  assert.match(page.url(), /&flags=require-revocation$/);
  const fresh = await open(app.browser, page.url());
  await fresh.page.waitForFunction(() => document.querySelector('.failure')?.dataset.code === 'revoked');
  assert.match(await fresh.page.inputValue('#verify-revocation-input'), /^-----BEGIN X509 CRL-----/);
  assert.equal(await fresh.page.isChecked('#verify-require-revocation'), true);
  await fresh.context.close();
  // Without CRLs or the switch, revocation is not looked at; a CRL pasted with the chain
  // counts as one in its own field.
  await page.fill('#verify-revocation-input', '');
  await page.uncheck('#verify-require-revocation');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.equal(await page.$('#verify-revocation'), null);
  await page.fill('#verify-chain', fixture('fullchain.pem') + fixture('root.crl'));
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'revoked');
  assert.deepEqual(problems, []);
});

/** A root, an intermediate and a leaf made by OpenSSL, both below the root under the CA/B DV policy. */
function policyChain() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-policy-'));
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = (name) => ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`];
  fs.writeFileSync(path.join(dir, 'ext.cnf'), [
    '[ca]', 'basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign',
    'certificatePolicies=2.23.140.1.2.1', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid',
    '[leaf]', 'basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth',
    'subjectAltName=DNS:policy.example.test', 'certificatePolicies=2.23.140.1.2.1', 'authorityKeyIdentifier=keyid', '',
  ].join('\n'));
  openssl('req', '-x509', ...key('root'), '-out', 'root.pem', '-subj', '/CN=Policy Root', '-days', '30');
  for (const [name, cn, issuer, section, serial] of [['int', 'Policy Intermediate', 'root', 'ca', '2'], ['leaf', 'policy.example.test', 'int', 'leaf', '3']]) {
    openssl('req', '-new', ...key(name), '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-out', `${name}.pem`,
      '-days', '30', '-extfile', 'ext.cnf', '-extensions', section, '-set_serial', serial);
  }
  const read = (name) => fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8');
  const chain = { chain: read('leaf') + read('int'), roots: read('root') };
  fs.rmSync(dir, { recursive: true, force: true });
  return chain;
}

app.test('verify: certificate policies: an explicit policy the path lacks fails; one it has passes, and the valid policy tree is drawn', '#/verify', async ({ page, problems }) => {
  const { chain, roots } = policyChain();
  await page.uncheck('#verify-mozilla');
  await fillVerify(page, { chain, roots, host: 'policy.example.test' });
  await page.click('#verify-policy-options > summary');
  await page.fill('#verify-policies', 'EV');
  await page.check('#verify-require-explicit-policy');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'policy');
  assert.match(await page.textContent('.failure >> nth=0'), /none of the path's policies \(2\.23\.140\.1\.2\.1\) is among those accepted/);
  await page.fill('#verify-policies', 'DV');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.match(await page.textContent('#verify-policies-result'), /Valid for 2\.23\.140\.1\.2\.1/);
  // anyPolicy, then one level per certificate below the anchor.
  assert.equal(await page.$$eval('#verify-policy-tree li', (li) => li.length), 3);
  assert.match(await page.textContent('#verify-policy-tree > li'), /^2\.5\.29\.32\.0 \(anyPolicy\)2\.23\.140\.1\.2\.1 \(DV\)2\.23\.140\.1\.2\.1 \(DV\)$/);
  // The policy inputs travel in a link.
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  assert.match(page.url(), /&policies=DV&flags=require-explicit-policy$/);
  const fresh = await open(app.browser, page.url());
  await fresh.page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.equal(await fresh.page.inputValue('#verify-policies'), 'DV');
  assert.equal(await fresh.page.isChecked('#verify-require-explicit-policy'), true);
  await fresh.context.close();
  assert.deepEqual(problems, []);
});

app.test('verify: an OCSP response dropped with the CRLs answers for the leaf: revoked fails the path; good, with a CRL for the intermediate, meets a required status', '#/verify', async ({ page, problems }) => {
  await page.uncheck('#verify-mozilla');
  await fillVerify(page, { chain: fixture('fullchain.pem'), roots: fixture('root.pem'), host: 'www.example.test' });
  await dropFiles(page, '#verify-revocation-input', [{ name: 'leaf-revoked.ocsp', bytes: fixtureBytes('leaf-revoked.ocsp') }]);
  await page.waitForFunction(() => document.querySelector('#verify-revocation-input').value.startsWith('-----BEGIN OCSP RESPONSE-----'));
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'invalid');
  assert.equal(await page.getAttribute('.failure >> nth=0', 'data-code'), 'revoked');
  assert.equal(await page.getAttribute('#verify-revocation li >> nth=0', 'data-status'), 'revoked');
  assert.match(await page.textContent('#verify-revocation li >> nth=0'), /keyCompromise[^]*OCSP/);
  // The leaf good by OCSP and the intermediate good by the root's CRL: every status known.
  await page.fill('#verify-revocation-input', '');
  await dropFiles(page, '#verify-revocation-input', [
    { name: 'leaf-good.ocsp', bytes: fixtureBytes('leaf-good.ocsp') },
    { name: 'big.crl', bytes: fixtureBytes('big.crl') },
  ]);
  await page.waitForFunction(() => /BEGIN OCSP RESPONSE[^]*BEGIN X509 CRL/.test(document.querySelector('#verify-revocation-input').value));
  await page.check('#verify-require-revocation');
  await page.click('#verify-run');
  await page.waitForFunction(() => document.querySelector('#verify-verdict')?.textContent === 'valid');
  assert.deepEqual(await page.$$eval('#verify-revocation li', (li) => li.map((l) => l.dataset.status)), ['good', 'good']);
  assert.deepEqual(problems, []);
});
