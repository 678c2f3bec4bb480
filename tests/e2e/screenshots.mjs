// Regenerates docs/screenshots/: each tab in use, light and dark, desktop and phone width.
// Usage (after trunk build --release): node tests/e2e/screenshots.mjs
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, fixture, root } from './harness.mjs';

const scenes = {
  decode: async (page) => {
    await page.fill('#decode-input', fixture('fullchain.pem'));
    await page.waitForSelector('#decode-results .card');
  },
  generate: async (page) => {
    await page.click('#gen-selfsigned');
    await page.waitForSelector('#gen-cert');
  },
  verify: async (page) => {
    await page.fill('#verify-chain', fixture('leaf.pem'));
    await page.fill('#verify-roots', fixture('root.pem'));
    await page.fill('#verify-host', 'www.example.test');
    await page.click('#verify-run');
    await page.waitForSelector('#verify-verdict');
  },
  ciphers: async (page) => {
    await page.fill('#cipher-input', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    await page.waitForSelector('#cipher-parts');
  },
  samples: async (page) => {
    await page.waitForSelector('.sample');
  },
  // The Decode tab again, with the 144-root bundle: its overview, filter and first cards.
  bundle: async (page) => {
    const store = fs.readFileSync(path.join(root, 'crates/core/data/mozilla-roots.pem'), 'utf8');
    await page.$eval('#decode-input', (area, text) => {
      const clipboard = new DataTransfer();
      clipboard.setData('text/plain', text);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, store);
    await page.waitForSelector('#decode-overview');
    await page.$eval('#decode-overview', (o) => o.scrollIntoView());
  },
};
/** The tab each scene opens (a scene's name when it is a tab). */
const tabOf = { bundle: 'decode' };

const server = await serve();
const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    for (const [width, label] of [[1200, 'desktop'], [375, 'phone']]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [tab, act] of Object.entries(scenes)) {
        const page = await context.newPage();
        await page.goto(`${server.base}#/${tabOf[tab] ?? tab}`);
        await page.waitForSelector('nav[role=tablist]');
        await act(page);
        const file = path.join(root, 'docs', 'screenshots', `${tab}-${scheme}-${label}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('screenshots written to docs/screenshots/');
