/**
 * `npm run screenshots`: the pictures in the README, made from the real app so
 * they never go stale — the browser host on the built-in sample edition in
 * each UI language, and the sample page exported to PDF by the `folio` CLI
 * and rasterised by poppler's pdftoppm, as a printer's proof would be viewed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchBrowser } from '../tests/e2e/support/browser';
import { ROOT, startHostProcess } from '../tests/e2e/support/web-host';
import { buildRenderer } from './build';

const OUT = join(ROOT, 'docs', 'images');
const VIEWPORT = { width: 1600, height: 1000 };

async function appScreenshot(locale: string, file: string): Promise<void> {
  const host = await startHostProcess();
  const browser = await launchBrowser({ viewport: VIEWPORT, locale });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => document.body.dataset.painted !== undefined, null, { timeout: 60_000 });
    if ((await page.evaluate(() => document.body.dataset.painted)) !== 'true')
      throw new Error(`the app did not paint the sample edition (${locale})`);
    // Fonts and thumbnails settle after the first paint.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(OUT, file) });
  } finally {
    await browser.close();
    await host.stop();
  }
}

async function exportedPageImage(file: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'folio-screenshots-'));
  const folio = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'main', 'cli', 'folio.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  folio('sample', '-o', join(work, 'sample.folio'));
  folio('export', join(work, 'sample.folio'), '-o', join(work, 'sample.pdf'), '--preset', 'proof');
  // Rendered at 100 dpi and scaled down: poppler drops some photos when it renders a page below ~60 dpi.
  execFileSync('pdftoppm', [
    '-r',
    '100',
    '-png',
    '-singlefile',
    join(work, 'sample.pdf'),
    join(work, 'page'),
  ]);
  await sharp(join(work, 'page.png'))
    .resize({ width: 760 })
    .png({ compressionLevel: 9 })
    .toFile(join(OUT, file));
}

await buildRenderer({ quiet: true });
await appScreenshot('zh-CN', 'app-zh-Hans.png');
await appScreenshot('en-US', 'app-en.png');
await exportedPageImage('sample-page.png');
console.log(
  `wrote ${['app-zh-Hans.png', 'app-en.png', 'sample-page.png'].map((f) => join('docs/images', f)).join(', ')}`,
);
