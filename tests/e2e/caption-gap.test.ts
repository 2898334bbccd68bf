/**
 * The caption gap as a page designer sets it: in the styles panel, the
 * Caption style's "gap under photo" is 1 mm; typing 2mm moves every
 * caption's first line 1 mm further from its photo on the page (the caption
 * frames have that much room), and undo puts it back.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { mmToPt } from '../../shared/model/units';
import { buildSampleEdition } from '../../shared/sample';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { sampleAvailable, startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

/** The caption frames of the sample edition (its ids are deterministic). */
function captionFrameIds(): string[] {
  const { edition } = buildSampleEdition();
  const ids: string[] = [];
  for (const page of edition.pages)
    for (const frame of page.frames)
      if (frame.kind === 'image' && frame.captionStoryId)
        ids.push(edition.stories[frame.captionStoryId].thread[0]);
  return ids;
}

async function firstBaseline(page: Page, frameId: string): Promise<number> {
  const y = await page.getByTestId(`frame-${frameId}`).locator('g.line').first().getAttribute('data-line-y');
  return Number(y);
}

describe.skipIf(!sampleAvailable())('the caption gap in the styles panel', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    page = await browser.newPage();
    app = new AppPage(page);
    await app.open(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('moves the captions when the Caption style gap changes, and back on undo', async () => {
    const frames = captionFrameIds();
    expect(frames.length).toBe(2);
    const before = await Promise.all(frames.map((id) => firstBaseline(page, id)));
    await page.getByTestId('styles-panel-toggle').click();
    await page.getByTestId('style-item-ps-caption').click();
    const gap = page.getByTestId('style-captionGap');
    expect(await gap.inputValue()).toMatch(/^1(\.0+)?\s*mm$/);
    await gap.fill('2mm');
    await gap.press('Enter');
    for (const [i, id] of frames.entries())
      await poll(() => firstBaseline(page, id)).toBeCloseTo(before[i] + mmToPt(1), 2);
    expect(await page.getByTestId('style-row-captionGap').getAttribute('data-overridden')).toBe('true');
    await app.menu.choose('edit', 'edit.undo');
    for (const [i, id] of frames.entries())
      await poll(() => firstBaseline(page, id)).toBeCloseTo(before[i], 2);
  });
});
