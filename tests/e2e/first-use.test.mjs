// End-to-end: what a first-time user hit, each as a person would meet it in Chromium, and the
// siblings of each (other kinds of block, other fields, other commands).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { open, useApp, fixture, root, fillVerify } from './harness.mjs';

const app = useApp();

const sample = (name) => fs.readFileSync(path.join(root, 'crates/core/data/samples', name), 'utf8');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-first-use-'));

/** Runs a command shown in the page, as a shell would, in `dir`; returns its output. */
function runShown(command, dir, extra = '') {
  return execFileSync('sh', ['-c', `${command}${extra}`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Pastes `text` into a field as Ctrl+V does: a paste event, then (unless the page took the
 * text) the text in the box and one input event (page.fill types a long text line by line,
 * an input event each). */
async function paste(page, selector, text) {
  await page.$eval(selector, (area, text) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', text);
    if (area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))) {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }, text);
}

/** A CSR made by OpenSSL asking for `names`. */
function opensslCsr(cn, names) {
  const dir = tempDir();
  const key = path.join(dir, 'k.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  const csr = execFileSync('openssl', ['req', '-new', '-key', key, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${names}`], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  return csr;
}

test('generate: signing a pasted CSR keeps its names and subject; only typed names replace them', async () => {
  const csr = opensslCsr('api.example.test', 'DNS:api.example.test,DNS:api2.example.test,IP:10.0.0.5');
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/generate`);
  await page.selectOption('#gen-action', 'root');
  assert.equal(await page.inputValue('#gen-san'), '', 'a root starts without localhost names');
  await page.fill('#gen-cn', 'Example Root CA');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Root CA")');
  await page.selectOption('#gen-action', 'sign');
  // What does not apply to signing is hidden; the SAN box starts empty.
  for (const hidden of ['#gen-key-type', '#gen-cn', '#gen-org', '#gen-key-password', '#gen-own-key']) {
    assert.equal(await page.locator(hidden).count(), 0, `${hidden} hidden when signing a CSR`);
  }
  assert.equal(await page.inputValue('#gen-san'), '');
  await page.selectOption('#gen-ca', 'made:0');
  await page.fill('#gen-csr', csr);
  await page.waitForSelector('#gen-preview-names');
  assert.match(await page.textContent('#gen-preview-names'), /the CSR's: DNS:api\.example\.test, DNS:api2\.example\.test, IP:10\.0\.0\.5/);
  assert.match(await page.textContent('#gen-preview'), /CN=api\.example\.test/);
  assert.match(await page.getAttribute('#gen-san', 'placeholder'), /DNS:api\.example\.test, DNS:api2\.example\.test, IP:10\.0\.0\.5/,
    'the empty SAN box shows the names that will be used');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Signed the CSR")');
  const cert = new X509Certificate(await page.inputValue('#gen-cert'));
  assert.equal(cert.subjectAltName, 'DNS:api.example.test, DNS:api2.example.test, IP Address:10.0.0.5');
  assert.equal(cert.subject, 'CN=api.example.test', 'the form\'s CN never leaks into the certificate');
  // Typed names replace the CSR's, and the preview says so first.
  await page.fill('#gen-san', 'DNS:typed.example.test');
  await page.waitForFunction(() => /replace the CSR's/.test(document.querySelector('#gen-preview-names')?.textContent ?? ''));
  const before = await page.inputValue('#gen-cert');
  await page.click('#gen-run');
  await page.waitForFunction((before) => document.querySelector('#gen-cert')?.value !== before, before);
  assert.equal(new X509Certificate(await page.inputValue('#gen-cert')).subjectAltName, 'DNS:typed.example.test');
  // A CSR has no validity: days and valid-from are hidden.
  await page.selectOption('#gen-action', 'csr');
  assert.equal(await page.locator('#gen-days').count(), 0);
  assert.equal(await page.locator('#gen-not-before').count(), 0);
  assert.equal(await page.inputValue('#gen-san'), 'DNS:typed.example.test', 'typed names stay');
  assert.deepEqual(problems, []);
  await context.close();
});

app.test('generate: a negative validity names the days field once, in plain words', '#/generate', async ({ page, problems, context }) => {
  await page.fill('#gen-days', '-5');
  await page.waitForSelector('#gen-preview-problem');
  const shown = await page.textContent('#gen-preview-problem');
  assert.match(shown, /days: -5 is not a whole number of 1 or more/);
  assert.doesNotMatch(shown, /`|RFC 3339|notAfter/);
  assert.equal(shown.match(/days/g).length, 1, shown);
  await page.click('#gen-run');
  await page.waitForSelector('#gen-error');
  const errors = await page.$$eval('[role=alert]', (es) => es.map((e) => e.textContent));
  assert.equal(errors.filter((e) => /days/.test(e)).length, 1, `one error for the field: ${errors}`);
});

app.test('verify: a missing root is advised as a trust anchor, never as a missing intermediate', '#/verify', async ({ page, problems, context }) => {
  assert.equal(await page.isChecked('#verify-mozilla'), true, 'Mozilla\'s store is trusted by default');
  assert.match(await page.textContent('#verify-mozilla-hint'), /On by default/);
  await page.uncheck('#verify-mozilla');
  await page.fill('#verify-chain', fixture('leaf.pem') + fixture('int.pem'));
  await page.click('#verify-run');
  await page.waitForSelector('#verify-reason');
  const reason = await page.textContent('#verify-reason');
  assert.match(reason, /certbench Test Root/);
  assert.match(reason, /add it as a trust anchor/);
  assert.doesNotMatch(reason, /add the intermediate/);
  // Without the intermediate, it is the intermediate that is missing.
  await page.fill('#verify-chain', fixture('leaf.pem'));
  await page.click('#verify-run');
  await page.waitForFunction(() => /add the intermediate certificate/.test(document.querySelector('#verify-reason')?.textContent ?? ''));
});

app.test('verify: lint judges at the validation time, and knows an intermediate from a server', '#/verify', async ({ page, problems, context }) => {
  await fillVerify(page, { chain: sample('expired.pem') + sample('intermediate.pem'), roots: sample('root.pem'), at: '2001-02-01T00:00' });
  await page.click('#verify-run');
  await page.waitForSelector('#verify-lint');
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.equal(await page.locator('#verify-lint [data-code=expired]').count(), 0, 'not expired at the verdict\'s time');
  assert.equal(await page.locator('#verify-lint [data-code=issuer_not_in_bundle]').count(), 0, 'the root is an anchor');
  // An intermediate with the serverAuth EKU (as CA/B subordinates carry it) is no app.server.
  const dir = tempDir();
  const sh = (cmd) => execFileSync('sh', ['-c', cmd], { cwd: dir, stdio: 'pipe' });
  sh('openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout r.key -out r.pem -subj "/CN=EKU Root" -days 30 '
    + '-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign');
  fs.writeFileSync(path.join(dir, 'int.cnf'), 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n'
    + 'extendedKeyUsage=serverAuth,clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  sh('openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout i.key -out i.csr -subj "/CN=EKU Intermediate"');
  sh('openssl x509 -req -in i.csr -CA r.pem -CAkey r.key -CAcreateserial -days 30 -extfile int.cnf -out i.pem');
  fs.writeFileSync(path.join(dir, 'leaf.cnf'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n'
    + 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:eku.example.test\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  sh('openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout l.key -out l.csr -subj "/CN=eku.example.test"');
  sh('openssl x509 -req -in l.csr -CA i.pem -CAkey i.key -CAcreateserial -days 20 -extfile leaf.cnf -out l.pem');
  const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
  await fillVerify(page, { chain: read('l.pem') + read('i.pem'), roots: read('r.pem'), at: '' });
  await page.click('#verify-run');
  await page.waitForFunction(() => /EKU Intermediate/.test(document.querySelector('#verify-lint')?.textContent ?? ''));
  assert.equal(await page.textContent('#verify-verdict'), 'valid');
  assert.equal(await page.locator('#verify-lint [data-code=ca_flag_on_leaf]').count(), 0);
  fs.rmSync(dir, { recursive: true });
});

app.test('decode: the validity bar is full and red for an expired certificate, empty and red before it starts', '#/decode', async ({ page, problems, context }) => {
  await page.fill('#decode-input', sample('expired.pem') + sample('future.pem') + sample('valid.pem'));
  await page.waitForSelector('#decode-results .card >> nth=2');
  const bars = await page.$$eval('#decode-results .validity-bar', (bs) => bs.map((b) => {
    const fill = b.querySelector('.fill');
    return { cls: b.className, width: fill.getBoundingClientRect().width / b.getBoundingClientRect().width, colour: getComputedStyle(fill).backgroundColor };
  }));
  const bad = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--bad)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
  assert.match(bars[0].cls, /\bbad\b/);
  assert.ok(bars[0].width > 0.95, `expired: full (${bars[0].width})`);
  assert.equal(bars[0].colour, bad, 'expired: red');
  assert.match(bars[1].cls, /\bbad\b/);
  assert.ok(bars[1].width < 0.05, `not yet valid: empty (${bars[1].width})`);
  assert.notEqual(bars[2].colour, bad, 'a valid certificate is not red');
});

app.test('decode: every "With OpenSSL" command runs on the file the card offers, PKCS#12 and what it holds included', '#/decode', async ({ page, problems, context }) => {
  await page.setInputFiles('#decode-files', [path.join(root, 'tests/fixtures/leaf.p12'), path.join(root, 'tests/fixtures/root.crl'),
    path.join(root, 'tests/fixtures/leaf.csr'), path.join(root, 'tests/fixtures/fullchain.p7b')]);
  await page.waitForSelector('#decode-results .card >> nth=3');
  const dir = tempDir();
  const cards = page.locator('#decode-results > .card.block');
  for (let i = 0; i < await cards.count(); i++) {
    const card = cards.nth(i);
    const command = await card.locator('.openssl-command').first().textContent();
    const button = card.locator('.actions > .download-pem, .actions > .download-der').first();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    assert.ok(command.includes(download.suggestedFilename()), `${command} reads ${download.suggestedFilename()}`);
    runShown(command, dir, /pkcs12/.test(command) ? ' -passin pass:fixture' : '');
  }
  // Inside the PKCS#12 file: each item its own number and file.
  await page.fill('.p12-password', 'fixture');
  await page.click('.open-p12');
  await page.waitForSelector('.p12-contents .card >> nth=2');
  const origins = await page.$$eval('.p12-contents .origin', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(origins.map((o) => o.match(/item \d+/)?.[0]), ['item 1', 'item 2', 'item 3']);
  const names = [];
  const inside = page.locator('.p12-contents .card');
  for (let i = 0; i < 3; i++) {
    const [download] = await Promise.all([page.waitForEvent('download'), inside.nth(i).locator('.download-pem').first().click()]);
    names.push(download.suggestedFilename());
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    runShown(await inside.nth(i).locator('.openssl-command').first().textContent(), dir);
  }
  assert.equal(new Set(names).size, 3, `distinct files: ${names}`);
  assert.match(await page.textContent('.p12-contents'), /item 2: its certificate or CSR carries this key's public key/);
  fs.rmSync(dir, { recursive: true });
});

app.test('ciphers: the weak-cipher sample shows a command that runs, in OpenSSL\'s names, and every version', '#/samples', async ({ page, problems, context }) => {
  await page.click('#sample-weak-ciphers a.open-sample');
  await page.waitForSelector('#cipher-command');
  const command = await page.textContent('#cipher-command');
  assert.doesNotMatch(command, /TLS_RSA_WITH/, 'OpenSSL names, not IANA ones');
  const printed = runShown(command, os.tmpdir());
  assert.match(printed, /ECDHE-RSA-AES128-GCM-SHA256/);
  const versions = await page.$$eval('.registry-table tbody tr', (rows) => rows.map((r) => r.children[1].textContent));
  assert.ok(versions.length >= 5 && versions.every((v) => v.trim() !== ''), `versions: ${versions}`);
  // The registry's rating filter shows what it filters by: any.
  await page.goto(`${app.server.base}#/ciphers`);
  await page.waitForSelector('#cipher-rating-filter');
  assert.equal(await page.inputValue('#cipher-rating-filter'), '');
  assert.equal(await page.$eval('#cipher-rating-filter', (s) => s.selectedOptions[0].textContent), 'any');
});

app.test('decode: the ASN.1 view opens on the first click and Enter, and each kind has its own field list', '#/decode', async ({ page, problems, context }) => {
  await page.fill('#decode-input', fixture('leaf.pem'));
  await page.waitForSelector('#decode-results .card');
  await page.click('#decode-results details.asn1 > summary');
  await page.waitForSelector('#decode-results details.asn1 .tree');
  assert.equal(await page.$eval('#decode-results details.asn1', (d) => d.open), true, 'open after one click');
  await page.click('#decode-results details.asn1 > summary');
  assert.equal(await page.$eval('#decode-results details.asn1', (d) => d.open), false, 'closed after the second');
  await page.focus('#decode-results details.asn1 > summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#decode-results details.asn1 .tree');
  // The field list comes from the worker: wait until it names the field each kind must have.
  const options = async (expected) => {
    await page.waitForSelector(`#decode-results .asn1-field-select option:text-is("${expected}")`, { state: 'attached' });
    return page.$$eval('#decode-results .asn1-field-select option', (os) => os.map((o) => o.textContent));
  };
  // A CSR: its subject, not a certificate's serial.
  await page.fill('#decode-input', fixture('leaf.csr'));
  await page.waitForSelector('#decode-results .card h3:has-text("Certificate request")');
  let names = await options('Attributes');
  assert.ok(names.includes('Subject') && names.includes('Attributes') && !names.includes('Serial'), `${names}`);
  await page.selectOption('#decode-results .asn1-field-select', { label: 'Subject' });
  await page.waitForSelector('#decode-results .tree .highlight');
  assert.match(await page.textContent('#decode-results .tree .highlight'), /^SEQUENCE/);
  // A CRL: its updates, no subject.
  await page.fill('#decode-input', fixture('root.crl'));
  await page.waitForSelector('#decode-results .card h3:has-text("Revocation list")');
  names = await options('Next update');
  assert.ok(names.includes('Next update') && !names.includes('Subject'), `${names}`);
  await page.selectOption('#decode-results .asn1-field-select', { label: 'Next update' });
  await page.waitForFunction(() => /^(UTCTime|GeneralizedTime)/.test(document.querySelector('#decode-results .tree .highlight')?.textContent ?? ''));
});

app.test('links: the address follows the input: a copied link goes when the input is cleared or changed', '#/decode', async ({ page, problems, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results .card');
  await page.click('#decode-link');
  await page.waitForSelector('#decode-link-done');
  assert.match(page.url(), /#\/decode\/.+/);
  await page.click('#decode-clear');
  await page.waitForURL(/#\/decode$/);
  await page.fill('#decode-input', fixture('leaf.key'));
  await page.reload();
  await page.waitForSelector('#decode-input');
  assert.equal(await page.inputValue('#decode-input'), '', 'a reload brings nothing back');
  // Verify: the same after a field changes.
  await page.goto(`${app.server.base}#/verify`);
  await page.fill('#verify-chain', fixture('fullchain.pem'));
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  assert.match(page.url(), /chain=/);
  await page.fill('#verify-chain', '');
  await page.waitForURL(/#\/verify$/);
  // The 144-root bundle is too long for a link: the message says it is the link's limit.
  await page.goto(`${app.server.base}#/decode`);
  await paste(page, '#decode-input', fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8'));
  await page.waitForSelector('#decode-overview');
  await page.click('#decode-link');
  await page.waitForSelector('section.tool > [role=alert]');
  const said = await page.textContent('section.tool > [role=alert]');
  assert.match(said, /too long for a link/);
  assert.doesNotMatch(said, /reads at most/);
});

app.test('copy: every copy button confirms', '#/decode', async ({ page, problems, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await page.fill('#decode-input', fixture('leaf.pem'));
  await page.waitForSelector('#decode-results .copy-pem');
  await page.click('#decode-results .copy-pem');
  await page.waitForSelector('#decode-results .copied:has-text("Copied")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fixture('leaf.pem'));
  await page.goto(`${app.server.base}#/generate`);
  await page.click('#gen-selfsigned');
  await page.waitForSelector('#gen-cert-copy');
  await page.click('#gen-cert-copy');
  await page.waitForSelector('#gen-output .copied:has-text("Copied")');
});

app.test('theme: the choice survives a reload, kept in the address; nothing is stored', '#/ciphers', async ({ page, problems, context }) => {
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.match(page.url(), /\?theme=dark#\/ciphers$/);
  await page.reload();
  await page.waitForSelector('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.match(await page.textContent('#theme-toggle'), /dark/);
  assert.match(await page.getAttribute('#theme-toggle', 'title'), /nothing is stored/);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: '', databases: 0 });
  await page.click('#theme-toggle');
  await page.click('#theme-toggle');
  assert.doesNotMatch(page.url(), /theme=/, 'auto leaves the address plain');
});

app.test('phone: at 375 px nothing scrolls sideways, "?" texts stay on screen, fingerprints wrap between bytes', '#/verify', async ({ page, problems, context }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await fillVerify(page, { chain: fixture('fullchain.pem'), roots: fixture('root.pem') });
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict-card table.checks', { state: 'attached' });
  await page.click('#verify-verdict-card details:not(.why) > summary');
  assert.ok(await sideways() <= 0, `Verify scrolls sideways by ${await sideways()} px`);
  // A "?" near the right edge opens on screen.
  const why = page.locator('#verify-verdict-card details.why').last();
  await why.locator('summary').click();
  const box = await why.locator('.why-text').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `"?" text at ${box.x}..${box.x + box.width}`);
  await page.goto(`${app.server.base}#/samples`);
  await page.click('#sample-weak-ciphers a.open-sample');
  await page.waitForSelector('#cipher-command');
  assert.ok(await sideways() <= 0, `Ciphers scrolls sideways by ${await sideways()} px`);
  await page.goto(`${app.server.base}#/decode`);
  await page.fill('#decode-input', fixture('leaf.pem'));
  await page.waitForSelector('#decode-results dd.hex');
  const split = await page.$eval('#decode-results dd.hex', (dd) => {
    const pieces = [...dd.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    const lines = new Set();
    let broken = 0;
    for (const node of pieces) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (rects.length > 1) broken++;
      rects.forEach((r) => lines.add(Math.round(r.top)));
    }
    return { broken, lines: lines.size, text: dd.textContent };
  });
  assert.equal(split.broken, 0, 'no byte split across lines');
  assert.ok(split.lines > 1, 'the fingerprint does wrap at this width');
  assert.match(split.text, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'the text copied is the fingerprint, unchanged');
});

app.test('visual: the verdict stands out, results come into view with the focus, every control has the same focus ring', '#/generate', async ({ page, problems, context }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('#gen-selfsigned');
  await page.waitForSelector('#gen-output');
  await page.waitForFunction(() => document.activeElement?.id === 'gen-result');
  const top = await page.$eval('#gen-result', (e) => e.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 900, `the result is in view (top ${top})`);
  await page.goto(`${app.server.base}#/verify`);
  await fillVerify(page, { chain: fixture('fullchain.pem'), roots: fixture('root.pem'), host: 'not-this.example.test' });
  await page.click('#verify-run');
  await page.waitForFunction(() => document.activeElement?.id === 'verify-verdict-card');
  const verdict = await page.$eval('#verify-verdict', (h) => ({ size: parseFloat(getComputedStyle(h).fontSize), shown: h.innerText }));
  const body = await page.$eval('body', (b) => parseFloat(getComputedStyle(b).fontSize));
  assert.ok(verdict.size >= body * 1.5, `verdict ${verdict.size}px vs text ${body}px`);
  assert.match(verdict.shown, /INVALID/);
  // Core's quoted values show as code, never as backticks.
  const reason = await page.$eval('#verify-reason', (r) => ({ text: r.textContent, code: r.querySelectorAll('code').length }));
  assert.doesNotMatch(reason.text, /`/);
  assert.ok(reason.code > 0, reason.text);
  // The depth field is styled like the others; summaries and selects get the focus ring.
  const styled = await page.$eval('#verify-max', (i) => getComputedStyle(i).borderTopLeftRadius);
  assert.equal(styled, await page.$eval('#verify-host', (i) => getComputedStyle(i).borderTopLeftRadius));
  await page.focus('#verify-purpose');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.$eval('#verify-purpose', (s) => getComputedStyle(s).outlineWidth), '3px');
  await page.focus('#verify-verdict-card details:not(.why) > summary');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth), '3px', 'summary');
});

app.test('first use: an empty Decode offers a sample; a key that fits nothing is marked; Enter opens a password file', '#/decode', async ({ page, problems, context }) => {
  await page.click('#decode-try-sample');
  await page.waitForSelector('#decode-results .card >> nth=1');
  assert.equal(await page.locator('#decode-empty').count(), 0, 'the hint goes once there is input');
  await page.fill('#decode-input', fixture('leaf.pem') + fixture('int.key'));
  await page.waitForSelector('#decode-results .key-unmatched');
  await page.fill('#decode-input', fixture('leaf.pem') + fixture('leaf.key'));
  await page.waitForFunction(() => /carries this key's public key/.test(document.querySelector('#decode-results')?.textContent ?? ''));
  assert.equal(await page.locator('#decode-results .key-unmatched').count(), 0);
  await page.fill('#decode-input', '');
  await page.setInputFiles('#decode-files', path.join(root, 'tests/fixtures/leaf.p12'));
  await page.fill('.p12-password', 'fixture');
  await page.press('.p12-password', 'Enter');
  await page.waitForSelector('.p12-contents .card >> nth=2');
});

app.test('generate: a root that signs directly: fullchain.pem explained, no chain offered as DER', '#/generate', async ({ page, problems, context }) => {
  await page.selectOption('#gen-action', 'root');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output h3:has-text("Root CA")');
  await page.selectOption('#gen-action', 'server');
  await page.selectOption('#gen-ca', 'made:0');
  await page.click('#gen-run');
  await page.waitForSelector('#gen-fullchain');
  const output = await page.textContent('#gen-output');
  assert.match(output, /fullchain\.pem is cert\.pem alone/);
  assert.match(output, /-cert_chain chain\.pem/);
  assert.equal(await page.locator('#gen-fullchain-der-download, #gen-chain-der-download').count(), 0);
  assert.equal(await page.locator('#gen-cert-der-download').count(), 1);
});

app.test('decode: a bundle gets an overview by role and status, a filter, an order, and a window of cards', '#/decode', async ({ page, problems, context }) => {
  const store = fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8');
  await paste(page, '#decode-input', store + sample('expired.pem') + sample('future.pem') + sample('intermediate.pem'));
  await page.waitForSelector('#decode-overview');
  assert.match(await page.textContent('#decode-overview h3'), /147 blocks, 147 certificates/);
  const counts = await page.$$eval('#decode-overview .overview-counts .badge', (bs) => bs.map((b) => b.textContent));
  // The store's roots that have expired since it was taken, and the expired sample.
  const now = Date.now();
  const roots = store.split('-----END CERTIFICATE-----').filter((p) => p.includes('BEGIN')).map((p) => new X509Certificate(`${p}-----END CERTIFICATE-----`));
  const expired = roots.filter((c) => Date.parse(c.validTo) < now).length + 1;
  assert.ok(counts.includes(`${expired} expired`), `${counts}`);
  assert.ok(counts.includes('1 not yet valid') && counts.includes('1 intermediate CA') && counts.includes('144 root CA'), `${counts}`);
  assert.ok(counts.some((c) => /with lint errors/.test(c)), `${counts}`);
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card.block').length === 25);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#decode-results .card.block').count(), 25, 'a window of cards, not 147');
  // Filter by status: the expired ones alone, the sample among them.
  await page.selectOption('#overview-status', 'expired');
  await page.waitForFunction((n) => document.querySelectorAll('#decode-results .card.block').length === n, expired);
  assert.match(await page.textContent('#decode-results'), /www\.example\.test/);
  assert.match(await page.textContent('#overview-shown'), new RegExp(`${expired} blocks match`));
  const statuses = await page.$$eval('#decode-results .card.block h3 .badge:last-child', (bs) => bs.map((b) => b.textContent));
  assert.ok(statuses.every((t) => /^expired/.test(t)), `${statuses}`);
  // Text search over subject, issuer, SAN, serial and fingerprint.
  await page.selectOption('#overview-status', '');
  await page.fill('#overview-text', 'ISRG Root');
  await page.waitForFunction(() => [...document.querySelectorAll('#decode-results .card.block h3')].every((h) => /ISRG Root/.test(h.textContent))
    && document.querySelectorAll('#decode-results .card.block').length === 2);
  await page.fill('#overview-text', '');
  // Order by expiry: the expired leaf first; latest first puts it last.
  await page.selectOption('#overview-order', 'expires_first');
  await page.waitForFunction(() => /expired/.test(document.querySelector('#decode-results .card.block h3')?.textContent ?? ''));
  await page.selectOption('#overview-role', 'intermediate CA');
  await page.waitForFunction(() => document.querySelectorAll('#decode-results .card.block').length === 1);
  assert.match(await page.textContent('#decode-results .card.block h3'), /Sample Intermediate/);
});

app.test('decode: a PKCS#7 bundle gets the same bundle findings as its certificates in PEM', '#/decode', async ({ page, problems, context }) => {
  const codes = async () => page.$$eval('#decode-results > .findings .finding', (fs) => fs.map((f) => f.dataset.code));
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results > .findings .finding');
  const fromPem = await codes();
  await page.fill('#decode-input', '');
  await page.setInputFiles('#decode-files', path.join(root, 'tests/fixtures/fullchain.p7b'));
  await page.waitForSelector('#decode-results > .findings .finding');
  assert.deepEqual(await codes(), fromPem);
  assert.ok(fromPem.includes('issuer_not_in_bundle'), `${fromPem}`);
});
