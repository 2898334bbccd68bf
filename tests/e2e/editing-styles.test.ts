/**
 * The styles panel as a page designer uses it in the browser host: change
 * the body style's size to 小四 and every story reflows (more lines), change
 * its 避头尾 level and the line breaks move, undo each step and the pages
 * come back exactly; the override is shown and can be cleared; the labels
 * follow the interface language.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { readFolio } from '../../main/storage';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { startTestHost } from './support/web-host';

/** Waits for what the user would see; the page repaints within a few hundred ms. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

/** Every composed line on every page, as "block:start" of the paragraph it sets. */
async function lineStarts(page: Page): Promise<string[]> {
  return page
    .locator('g.line')
    .evaluateAll((lines) =>
      lines.map((l) => `${l.getAttribute('data-block')}:${l.getAttribute('data-start')}`),
    );
}

/** The lines once the pages have stopped changing (pages repaint one after another after a change). */
async function settledLines(page: Page): Promise<string[]> {
  let previous = await lineStarts(page);
  let stableReads = 0;
  for (let i = 0; i < 40 && stableReads < 2; i++) {
    await page.waitForTimeout(300);
    const now = await lineStarts(page);
    stableReads = now.join() === previous.join() ? stableReads + 1 : 0;
    previous = now;
  }
  if (stableReads < 2) throw new Error('the pages kept changing for 12 s');
  return previous;
}

/** Lines that begin with closing punctuation — what 避头尾 forbids. */
async function linesStartingWithClosingPunctuation(page: Page): Promise<number> {
  const firsts = await page
    .locator('g.line')
    .evaluateAll((lines) => lines.map((l) => (l.textContent ?? '').charAt(0)));
  return firsts.filter((c) => '，。、；：？！）」』”'.includes(c)).length;
}

describe('paragraph styles in the browser host', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    app = new AppPage(page);
    await app.open(host.url);
    await page.getByTestId('styles-panel-toggle').click();
    await page.getByTestId('style-item-ps-body').click();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('sets the body in 小四: stories reflow onto more lines; undo brings the pages back', async () => {
    const original = await settledLines(page);
    expect(original.length).toBeGreaterThan(0);
    expect(await linesStartingWithClosingPunctuation(page)).toBe(0); // 避头尾 basic
    const size = page.getByTestId('style-size');
    // The body's first-line indent is kept in em (字): two characters of whatever size the body has.
    const indent = page.getByTestId('style-firstLineIndent');
    expect(await indent.inputValue()).toBe('2em');
    await size.fill('小四');
    await size.press('Enter');
    // 12 pt instead of 9 pt: the same text needs more lines.
    await poll(async () => (await lineStarts(page)).length).toBeGreaterThan(original.length);
    expect(await size.inputValue()).toBe('小四');
    expect(await indent.inputValue()).toBe('2em');
    expect(await page.getByTestId('style-row-fontSize').getAttribute('data-overridden')).toBe('true');

    const atTwelve = await settledLines(page);
    await page.getByTestId('style-kinsoku').selectOption('none');
    // Without 避头尾 some lines break elsewhere (a comma may now start a line).
    await poll(async () => (await lineStarts(page)).join()).not.toBe(atTwelve.join());
    expect(await page.getByTestId('style-kinsoku').inputValue()).toBe('none');
    await settledLines(page);
    expect(await linesStartingWithClosingPunctuation(page)).toBeGreaterThan(0);

    await app.menu.choose('edit', 'edit.undo');
    await poll(async () => (await lineStarts(page)).join()).toBe(atTwelve.join());
    expect(await page.getByTestId('style-kinsoku').inputValue()).not.toBe('none');
    expect(await linesStartingWithClosingPunctuation(page)).toBe(0);
    await app.menu.choose('edit', 'edit.undo');
    await poll(async () => (await lineStarts(page)).join()).toBe(original.join());
    expect(await size.inputValue()).not.toBe('小四');
    expect(errors).toEqual([]);
  });

  it('shows an override and clears it back to the inherited value in one step', async () => {
    const original = await settledLines(page);
    const tracking = page.getByTestId('style-tracking');
    const inherited = await tracking.inputValue();
    await tracking.fill('100');
    await tracking.press('Enter');
    await poll(() => page.getByTestId('style-row-tracking').getAttribute('data-overridden')).toBe('true');
    await poll(async () => (await lineStarts(page)).join()).not.toBe(original.join());
    const tracked = await settledLines(page);
    // Enter left the field, so Ctrl+Z and Ctrl+Shift+Z undo and redo the style change itself.
    await page.keyboard.press('Control+z');
    await poll(() => page.getByTestId('style-row-tracking').getAttribute('data-overridden')).toBe('false');
    await poll(async () => (await lineStarts(page)).join()).toBe(original.join());
    await page.keyboard.press('Control+Shift+z');
    await poll(async () => (await lineStarts(page)).join()).toBe(tracked.join());
    expect(await tracking.inputValue()).toBe('100');
    await page.getByTestId('style-clear-tracking').click();
    await poll(() => page.getByTestId('style-row-tracking').getAttribute('data-overridden')).toBe('false');
    expect(await tracking.inputValue()).toBe(inherited);
    await poll(async () => (await lineStarts(page)).join()).toBe(original.join());
  });

  it('refuses a size it cannot read, with a message, and changes nothing', async () => {
    const original = await settledLines(page);
    const size = page.getByTestId('style-size');
    await size.fill('大五');
    await size.press('Enter');
    await poll(() => page.getByTestId('editing-notice').textContent()).toContain('“大五” is not a type size');
    expect((await lineStarts(page)).join()).toBe(original.join());
  });

  it('deletes the body style, replaced by the section-head style, and undoes it in one step', async () => {
    const original = await settledLines(page);
    await page.getByTestId('style-item-ps-body').click();
    // Cancel closes the form and changes nothing.
    await page.getByTestId('style-delete').click();
    await page.getByTestId('style-delete-cancel').click();
    await poll(() => page.getByTestId('style-delete-form').count()).toBe(0);
    await page.getByTestId('style-delete').click();
    expect(await page.getByTestId('style-delete-form').count()).toBe(1);
    // The body style is the body role's default: the form says so and offers no "none".
    await poll(() => page.getByTestId('style-delete-usage').textContent()).toContain(
      'Default style of: Body',
    );
    const replace = page.getByTestId('style-delete-replace');
    expect(await replace.locator('option[value=""]').count()).toBe(0);
    await replace.selectOption('ps-section-head');
    await page.getByTestId('style-delete-confirm').click();
    await poll(() => page.getByTestId('style-item-ps-body').count()).toBe(0);
    // Body text now set in the bold sans section-head style: the lines move.
    await poll(async () => (await lineStarts(page)).join()).not.toBe(original.join());
    const replaced = await settledLines(page);

    // What is saved is a valid edition without the style (readFolio validates it).
    const copy = join(mkdtempSync(join(tmpdir(), 'folio-style-delete-')), 'deleted.folio');
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(copy);
    await expect
      .poll(() => app.notices(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(copy)]));
    const saved = (await readFolio(copy)).edition;
    expect(saved.styles.paragraph['ps-body']).toBeUndefined();
    expect(saved.styles.roleStyles.body).toBe('ps-section-head');
    expect((await lineStarts(page)).join()).toBe(replaced.join());

    await app.menu.choose('edit', 'edit.undo');
    await poll(() => page.getByTestId('style-item-ps-body').count()).toBe(1);
    await poll(async () => (await lineStarts(page)).join()).toBe(original.join());
    expect(errors).toEqual([]);
  });

  it('labels the style fields in Chinese when the interface is Chinese', async () => {
    await app.switchLanguage('zh-Hans');
    await poll(() => page.getByTestId('style-row-kinsoku').textContent()).toBe('避头尾');
    expect(await page.getByTestId('style-kinsoku').locator('option:checked').textContent()).toBe('基本');
    await app.switchLanguage('en');
    await poll(() => page.getByTestId('style-row-kinsoku').textContent()).toContain('Kinsoku');
  });
});
