// End-to-end: the Ciphers tab in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot } from './harness.mjs';

const app = useApp();

app.test('ciphers: a name and a hex code explain the same suite', '#/ciphers', async ({ page, problems, context }) => {
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
  const shared = await open(app.browser, `${app.server.base}#/ciphers/TLS_AES_128_GCM_SHA256`);
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
});
