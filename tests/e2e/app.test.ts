/**
 * The app in a browser, as a user drives it: the sample edition opens and is
 * painted, zoom works, clicking a frame selects it and shows its properties,
 * the UI switches between Chinese and English, and Export PDF writes a PDF
 * whose text reads back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { startTestHost } from './support/web-host';

describe('Folio in the browser host', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    app = new AppPage(page);
    await app.open(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('opens the edition and paints its first page with the composed text', async () => {
    const frames = await app.canvas.frameIds(1);
    expect(frames.length).toBeGreaterThan(0);
    const textRuns = await app.canvas.pageView(1).locator('text.glyph-run').count();
    expect(textRuns).toBeGreaterThan(10);
    // Every run names a face registered from the composer's own font bytes.
    const families = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family),
    );
    const used = await app.canvas
      .pageView(1)
      .locator('text.glyph-run')
      .evaluateAll((runs) => [...new Set(runs.map((run) => run.getAttribute('font-family')))]);
    for (const family of used) expect(families.map((name) => name.replace(/"/g, ''))).toContain(family);
    expect(errors).toEqual([]);
  });

  it('zooms in from actual size, and the page grows with the zoom', async () => {
    await app.canvas.actualSize();
    expect(await app.canvas.zoomLabel()).toBe('100%');
    const before = (await app.canvas.pageView(1).boundingBox())!.width;
    await app.canvas.zoomIn();
    expect(await app.canvas.zoomLabel()).toBe('125%');
    const after = (await app.canvas.pageView(1).boundingBox())!.width;
    expect(after / before).toBeCloseTo(1.25, 2);
    await page.keyboard.press('Control+0');
    expect(await app.canvas.zoomLabel()).not.toBe('125%');
  });

  it('selects a text frame by clicking it and shows its properties', async () => {
    // A story frame of the page itself (master frames such as the folio line are not selectable on a page).
    const ids = await app.canvas
      .pageView(1)
      .locator('[data-kind="text"]:not([data-master])')
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.querySelector('text'))
          .sort((a, b) => (b as SVGGElement).getBBox().height - (a as SVGGElement).getBBox().height)
          .map((element) => element.getAttribute('data-frame-id')!),
      );
    expect(ids.length).toBeGreaterThan(0);
    await app.canvas.selectFrame(ids[0]);
    await expect.poll(() => app.propertiesTitle()).toContain('Text frame');
    expect(await page.getByTestId('prop-width').inputValue()).toMatch(/^\d+(\.\d+)?$/);
    expect(await app.canvas.pageView(1).locator('rect.selection').count()).toBe(1);
  });

  it('switches the UI to Chinese and back to English', async () => {
    await app.switchLanguage('zh-Hans');
    await expect.poll(() => app.menu.label('file')).toBe('文件');
    expect(await app.menu.label('view')).toBe('视图');
    await app.switchLanguage('en');
    await expect.poll(() => app.menu.label('file')).toBe('File');
  });

  it('greys out menu items that cannot work yet, saying why', async () => {
    const find = await app.menu.item('edit', 'edit.find');
    expect(await find.isDisabled()).toBe(true);
    expect(await find.getAttribute('title')).toMatch(/not available/i);
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 300);
  });

  it('exports a PDF through File → Export PDF, and the PDF reads back', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'folio-export-')), 'page.pdf');
    await app.menu.choose('file', 'file.exportPdf');
    await app.answerPathDialog(output);
    await expect
      .poll(() => app.notices(), { timeout: 60_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(output)]));
    expect(existsSync(output)).toBe(true);
    const info = execFileSync('pdfinfo', [output], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    const text = execFileSync('pdftotext', ['-raw', output, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // The longest lines on the canvas are in the PDF's text, as set.
    const lines = await app.canvas
      .pageView(1)
      .locator('g.line')
      .evaluateAll((groups) => groups.map((group) => (group.textContent ?? '').replace(/\s+/g, '')));
    const longest = lines.sort((a, b) => b.length - a.length).slice(0, 10);
    expect(longest[0].length).toBeGreaterThan(5);
    const found = longest.filter((line) => text.includes(line));
    expect(found.length).toBeGreaterThanOrEqual(8);
  });
});
