/**
 * Auto-layout in the app, as the designer meets it in the browser host:
 * Layout ▸ Auto-Layout Page… on the sample page shows three proposals,
 * each a picture of the page and its score (no overset, the empty column
 * area, lead on top …); picking one lays the page out in one undo step with
 * every story's text still on the page and nothing overset; the designer
 * goes on by hand (a nudge is its own step), and Undo brings the hand-made
 * page back. Then the same on copy of our own, imported as Markdown, and a
 * page with no stories, which says so in one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'en-US' });
  page = await context.newPage();
  app = new AppPage(page);
  await app.open(host.url);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.close();
});

const dialog = () => page.getByTestId('auto-layout-dialog');

/** Page n's own frames as the canvas paints them: id and box, in paint order. */
async function frames(n: number): Promise<string[]> {
  return app.canvas
    .pageView(n)
    .locator('[data-frame-id]:not([data-master])')
    .evaluateAll((elements) =>
      elements.map((element) => {
        const box = (element as SVGGraphicsElement).getBBox();
        return `${element.getAttribute('data-frame-id')} ${box.x.toFixed(0)},${box.y.toFixed(0)} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`;
      }),
    );
}

/** Every character the page's own text frames print (not generated lines), sorted: what a reader could read. */
async function printedCharacters(n: number): Promise<string> {
  const texts = await app.canvas
    .pageView(n)
    .locator('[data-kind="text"]:not([data-master]) g.line:not([data-generated])')
    .allTextContents();
  return [...texts.join('').replace(/\s/g, '')].sort().join('');
}

const oversetMarkers = (n: number) => app.canvas.pageView(n).locator('[data-testid^="overset-"]').count();

async function proposals(): Promise<{ rank: number; score: number; empty: number; overset: string }[]> {
  await expect.poll(() => dialog().getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
  const cards = dialog().locator('[data-testid^="al-proposal-"]');
  const count = await cards.count();
  const found = [];
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const rank = i + 1;
    found.push({
      rank,
      score: Number(await card.getAttribute('data-score')),
      empty: Number(/([\d.]+) %/.exec((await card.getByTestId(`al-empty-${rank}`).textContent())!)![1]),
      overset: (await card.getByTestId(`al-overset-${rank}`).textContent())!,
    });
  }
  return found;
}

describe('auto-layout in the app', () => {
  it('proposes three layouts of the sample page with their scores, and applies the one picked as one undo step', async () => {
    const handMade = await frames(1);
    const text = await printedCharacters(1);
    expect(text.length).toBeGreaterThan(500);
    expect(await oversetMarkers(1)).toBe(0);

    await app.menu.choose('layout', 'layout.autoLayout');
    await dialog().waitFor();
    expect(await dialog().locator('h2').textContent()).toBe('Auto-layout of page 1');
    const shown = await proposals();
    expect(shown).toHaveLength(3);
    for (const p of shown) expect(p.overset).toBe('No overset');
    // Ranked by the stated score, best first; the best leaves under 2 % of the column area empty.
    expect(shown.map((p) => p.score)).toEqual([...shown.map((p) => p.score)].sort((a, b) => a - b));
    expect(shown[0].empty).toBeLessThan(2);
    expect(await dialog().getByTestId('al-source').textContent()).toMatch(
      /^\d+ stories laid out on this page/,
    );
    // Each proposal is a picture of the page as the composer set it: its lines, its photos.
    for (const rank of [1, 2, 3]) {
      const thumb = dialog().getByTestId(`al-thumb-${rank}`);
      expect(await thumb.locator('text.glyph-run').count()).toBeGreaterThan(50);
      expect(await thumb.locator('image').count()).toBeGreaterThan(0);
    }

    // The second proposal, picked: the page is laid out anew with every story's text, nothing overset.
    await dialog().getByTestId('al-use-2').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => app.notices()).toContain('Page 1 laid out as proposal 2; Undo takes it back');
    await expect.poll(() => frames(1)).not.toEqual(handMade);
    await expect.poll(() => printedCharacters(1)).toBe(text);
    expect(await oversetMarkers(1)).toBe(0);
    const laidOut = await frames(1);

    // The designer goes on by hand: a nudge is its own step.
    const first = await app.canvas
      .pageView(1)
      .locator('[data-kind="text"]:not([data-master])')
      .first()
      .getAttribute('data-frame-id');
    await app.canvas.selectFrame(first!);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => frames(1)).not.toEqual(laidOut);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => frames(1)).toEqual(laidOut);
    // One more undo: the hand-made page as it was.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => frames(1)).toEqual(handMade);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => frames(1)).toEqual(laidOut);
  }, 120_000);

  it('leaves the page as it was when cancelled', async () => {
    const before = await frames(1);
    await app.menu.choose('layout', 'layout.autoLayout');
    await proposals();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await frames(1)).toEqual(before);
  }, 60_000);

  it('lays out copy of our own, imported from Markdown, with no overset and no story dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-autolayout-'));
    const copy = join(dir, 'council.md');
    const paragraph = (n: number, words: string) =>
      Array.from({ length: n }, (_, i) => `${words} (paragraph ${i + 1}) runs on for a while.`).join('\n\n');
    writeFileSync(
      copy,
      [
        '# Council approves the new river bridge after a long night',
        paragraph(9, 'The council voted eleven to four for the bridge, which will carry trams and bicycles'),
        '# Harbour ferries return for the summer',
        paragraph(5, 'Ferries to the islands run every hour again from the first of June'),
        '# Library opens on Sundays',
        paragraph(2, 'The central library opens from noon to five on Sundays'),
      ].join('\n\n'),
    );
    await app.menu.choose('file', 'file.import');
    await app.answerPathDialog(copy);
    await expect.poll(() => app.canvas.pageView(1).textContent(), { timeout: 30_000 }).toContain('Harbour');
    const text = await printedCharacters(1);
    await app.menu.choose('layout', 'layout.autoLayout');
    const shown = await proposals();
    expect(shown).toHaveLength(3);
    for (const p of shown) expect(p.overset).toBe('No overset');
    await dialog().getByTestId('al-use-1').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => printedCharacters(1)).toBe(text);
    expect(await oversetMarkers(1)).toBe(0);
  }, 120_000);
});
