// End-to-end: the Samples tab in Chromium: every sample opens in its tool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { open, useApp, fixture, root, fixtureBytes, assertOnlyOwnAssets, dropFiles, mozillaRoot } from './harness.mjs';

const app = useApp();

app.test('samples: each sample opens in its tool and shows what it claims', '#/samples', async ({ page, problems, context }) => {
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
    'sha1-signature': ['weak_signature'], 'rsa-1024': ['weak_key'], 'ca-true-leaf': ['ca_as_leaf'],
    'client-as-server': ['extended_key_usage'], 'pathlen-exceeded': ['path_length'], 'name-constraints': ['name_constraints'],
  };
  for (const sample of samples) {
    assert.match(sample.text, /What is wrong: .+Fix: .+/s, sample.id);
    await page.goto(`${app.server.base}${sample.href}`);
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
});
