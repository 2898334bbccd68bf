/**
 * Column balancing as the designer meets it: a module of the sample page
 * ends with its columns level; switching "Balance columns" off in the
 * properties panel lets the text run down the first column, and undo
 * brings the level ending back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { startTestHost } from './support/web-host';

let host: WebHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: AppPage;

beforeAll(async () => {
  [host, browser] = await Promise.all([startTestHost(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  app = new AppPage(page);
  await app.open(host.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.close();
});

/**
 * Printed lines per column of a frame as the canvas paints them, below the
 * headline (block 0, which spans the columns); a run-in lead-in and its
 * paragraph share a baseline and count once.
 */
async function columnCounts(frameId: string): Promise<number[]> {
  return app.canvas
    .pageView(1)
    .locator(`[data-frame-id="${frameId}"] g.line:not([data-block="0"])`)
    .evaluateAll((lines) => {
      const seen = new Set<string>();
      const counts: number[] = [];
      for (const line of lines) {
        const column = Number(line.getAttribute('data-column'));
        const key = `${column}:${line.getAttribute('data-line-y')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        counts[column] = (counts[column] ?? 0) + 1;
      }
      return Array.from(counts, (n) => n ?? 0);
    });
}

describe('column balancing in the app', () => {
  it('shows a level module, lets the designer switch it off, and undo brings it back', async () => {
    // The two-column module under the lead (做实以案促改工作): its headline spans both columns.
    const frameId = 'fr-7';
    const level = await columnCounts(frameId);
    expect(level).toHaveLength(2);
    expect(Math.abs(level[0] - level[1])).toBeLessThanOrEqual(1);

    await app.canvas.selectFrame(frameId);
    const toggle = page.getByTestId('prop-balance-columns');
    expect(await toggle.isChecked()).toBe(true);
    // A controlled box: it shows the edition's value once the change is applied.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(() => columnCounts(frameId)).not.toEqual(level);
    const ragged = await columnCounts(frameId);
    expect(ragged[0] - (ragged[1] ?? 0)).toBeGreaterThan(1);
    expect(ragged.reduce((a, b) => a + b, 0)).toBe(level.reduce((a, b) => a + b, 0));

    await app.menu.choose('edit', 'edit.undo');
    await expect.poll(() => columnCounts(frameId)).toEqual(level);
    expect(await page.getByTestId('prop-balance-columns').isChecked()).toBe(true);
  }, 60_000);
});
