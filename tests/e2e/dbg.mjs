import { serve, launch, open } from '/work/main/tests/e2e/harness.mjs';
import fs from 'node:fs';
const server = await serve(); const browser = await launch();
const { page } = await open(browser, `${server.base}#/decode`);
await page.waitForTimeout(1500);
const store = fs.readFileSync('/work/main/crates/core/data/mozilla-roots.pem', 'utf8');
const r = await page.evaluate(async (text) => {
  const long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  const area = document.querySelector('#decode-input');
  const start = performance.now();
  area.value = text; area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await new Promise((resolve) => { const check = () => (document.querySelectorAll('#decode-results .card').length > 0 ? resolve() : requestAnimationFrame(check)); check(); });
  const first = performance.now() - start;
  await new Promise((r) => setTimeout(r, 3000));
  return { first, long, mem: performance.memory?.usedJSHeapSize };
}, store.repeat(69));
console.log(JSON.stringify(r));
await browser.close(); await server.close();
