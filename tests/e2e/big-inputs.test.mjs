// Big inputs, timed in Chromium as a user meets them (medians printed for docs/benchmarks.md,
// not asserted as times: this machine's speed varies): the 144-root bundle pasted until its
// cards are painted; 10,080 certificates until the overview is painted; a CRL of a million
// entries (made here, ~40 MB) opened from a file until its card is painted, with the page's
// peak JS heap. Each run also checks the page stayed responsive and showed the right counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { open, useApp, root } from './harness.mjs';
import { makeCrl } from './crl-gen.mjs';

const app = useApp();

const store = fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Pastes `text` as Ctrl+V does and resolves once `selector` is in the page and
 * painted (two animation frames after it appears): the time, and the longest main-thread
 * task meanwhile. */
async function pasteUntil(page, text, selector) {
  // The text reaches the page first, in a task of its own: Playwright's transfer of megabytes
  // into the page is not the paste's work.
  await page.evaluate((text) => { window.clipboardText = text; }, text);
  return page.evaluate(async ({ selector }) => {
    const text = window.clipboardText;
    const longest = { ms: 0 };
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => { longest.ms = Math.max(longest.ms, e.duration); }));
    observer.observe({ type: 'longtask' });
    const area = document.querySelector('#decode-input');
    const start = performance.now();
    // As Ctrl+V: a paste event with the clipboard's text; unless the page takes it, the
    // browser then puts the text in the box and fires input.
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', text);
    if (area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))) {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    let progress = false;
    await new Promise((resolve) => {
      const check = () => {
        progress ||= !!document.querySelector('#decode-reading progress');
        return document.querySelector(selector) ? resolve() : requestAnimationFrame(check);
      };
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return { ms, longest: longest.ms, progress };
  }, { selector });
}

async function clear(page) {
  await page.click('#decode-clear');
  await page.waitForFunction(() => !document.querySelector('#decode-results .card'));
}

app.test('the 144-root bundle: pasted to cards painted', '#/decode', async ({ page, problems, context }) => {
  await page.waitForTimeout(1000); // the worker's warm-up, as a user's first paste meets it
  const runs = [];
  for (let run = 0; run < 7; run++) {
    await clear(page);
    runs.push(await pasteUntil(page, store, '#decode-results .show-more-cards'));
  }
  console.log(`# 144-root bundle, paste to cards painted: median ${Math.round(median(runs.map((r) => r.ms)))} ms (runs ${runs.map((r) => Math.round(r.ms)).join(', ')}); longest main-thread task ${Math.round(Math.max(...runs.map((r) => r.longest)))} ms`);
  assert.equal(await page.locator('#decode-results .card.block').count(), 25);
});

app.test('10,080 certificates: pasted to overview painted, the page responsive', '#/decode', async ({ page, problems, context }) => {
  await page.waitForTimeout(1000);
  const bundle = store.repeat(70);
  const runs = [];
  for (let run = 0; run < 3; run++) {
    await clear(page);
    runs.push(await pasteUntil(page, bundle, '#decode-overview'));
    assert.match(await page.textContent('#decode-overview h3'), /10080 blocks, 10080 certificates/);
    assert.ok(runs.at(-1).progress, 'the wait is shown while the worker reads');
  }
  console.log(`# 10,080 certificates, paste to overview painted: median ${Math.round(median(runs.map((r) => r.ms)))} ms (runs ${runs.map((r) => Math.round(r.ms)).join(', ')}); longest main-thread task ${Math.round(Math.max(...runs.map((r) => r.longest)))} ms`);
  // Filtering the whole bundle answers from the worker's copy.
  await page.fill('#overview-text', 'ISRG Root X1');
  await page.waitForFunction(() => /70 blocks match/.test(document.querySelector('#overview-shown')?.textContent ?? ''));
});

test('a CRL of 1,000,000 entries (~40 MB): opened to card painted, peak JS heap', async () => {
  const crl = makeCrl(1_000_000);
  const file = path.join(fs.mkdtempSync('/tmp/certbench-crl-'), 'million.crl');
  fs.writeFileSync(file, crl);
  const { page, problems, context } = await open(app.browser, `${app.server.base}#/decode`);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const runs = [];
  for (let run = 0; run < 3; run++) {
    await clear(page);
    await page.evaluate(() => {
      window.opened = null;
      document.querySelector('#decode-files').addEventListener('change', () => { window.opened = performance.now(); }, { once: true, capture: true });
    });
    let peak = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize').value);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await page.setInputFiles('#decode-files', file);
    await page.waitForFunction(() => [...document.querySelectorAll('#decode-results dd')].some((d) => d.textContent === '1000000'), null, { timeout: 120000 });
    const ms = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - window.opened;
    });
    polling = false;
    await poll;
    runs.push({ ms, peak });
    console.log(`# run ${run}: ${Math.round(ms)} ms`);
  }
  console.log(`# CRL of 1,000,000 entries (${(crl.length / 1e6).toFixed(1)} MB), file chosen to card painted: median ${Math.round(median(runs.map((r) => r.ms)))} ms (runs ${runs.map((r) => Math.round(r.ms)).join(', ')}); peak JS heap of the page ${(Math.max(...runs.map((r) => r.peak)) / 1e6).toFixed(1)} MB (${(Math.max(...runs.map((r) => r.peak)) / crl.length).toFixed(2)}x the file)`);
  fs.rmSync(path.dirname(file), { recursive: true });
  assert.deepEqual(problems, []);
  await context.close();
});
