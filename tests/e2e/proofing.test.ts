/**
 * Find/Replace and preflight's copy checks in the browser host, as a
 * proofreader uses them on the sample page: Ctrl+F, type, see the count and
 * the results with page and context, every match marked on the page; click
 * a result and land on it in the story editor and on the canvas; replace
 * one, replace all in one undo step, undo; a bad regular expression says
 * so; File ▸ Preflight lists the doubled 建设建设 with a Fix that works and
 * undoes; switching a check off takes its findings away; a form added to
 * the house list is found and fixed in one click, as a tracked change while
 * tracking is on.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

describe('proofreading the sample page: Find/Replace and copy checks', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];

  const pageText = async () =>
    (await page.getByTestId('page-1').locator('text.glyph-run').allTextContents()).join('');
  const count = async () => (await page.getByTestId('find-count').textContent()) ?? '';

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    app = new AppPage(page);
    await app.open(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('Ctrl+F opens Find; typing lists every match with its page and context, marked on the page', async () => {
    await page.mouse.click(5, 300);
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-panel').waitFor();
    await page.keyboard.type('姬慧洋');
    await poll(count).toBe('7 matches');
    const results = page.getByTestId('find-result');
    expect(await results.count()).toBe(7);
    expect(await results.first().textContent()).toMatch(/^p\. 1 · .+记者 姬慧洋 通讯员 王明杰/);
    await poll(() => page.getByTestId('find-mark').count()).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
  });

  it('goes to a result: the story opens with the match selected, on the page and in the editor', async () => {
    await page.getByTestId('find-result').nth(2).click();
    await page.getByTestId('story-editor-text').waitFor();
    await poll(() => page.getByTestId('proofing-highlight').count()).toBe(1);
    await poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('姬慧洋');
    expect(await page.getByTestId('canvas-selection').count()).toBeGreaterThan(0);
    expect(await count()).toBe('3 of 7');
    // Enter in the field goes on to the next one and keeps the focus in the field.
    await page.getByTestId('find-pattern').focus();
    await page.keyboard.press('Enter');
    await poll(count).toBe('4 of 7');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'find-pattern',
    );
  });

  it('replaces one, then all in one undo step; undo brings the text back', async () => {
    await page.getByTestId('find-replacement').fill('姬记者');
    await page.getByTestId('find-replace').click();
    await poll(count).toMatch(/^(\d) of 6$|^6 matches$/);
    await poll(pageText).toContain('姬记者');
    await page.getByTestId('find-replace-all').click();
    await poll(count).toBe('No matches');
    expect(await page.getByTestId('find-notice').textContent()).toBe('Replaced 6 matches');
    await poll(pageText).not.toContain('姬慧洋');
    // One step undoes the whole Replace all; the next undoes the single Replace.
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(count).toBe('6 matches');
    await app.menu.choose('edit', 'edit.undo');
    await poll(count).toBe('7 matches');
    expect(await pageText()).not.toContain('姬记者');
  });

  it('matches full- and half-width forms alike when asked, and says when a regular expression is wrong', async () => {
    await page.getByTestId('find-pattern').fill('(记者');
    await poll(count).toBe('No matches');
    await page.getByTestId('find-widthInsensitive').check();
    await poll(count).toMatch(/^\d+ matches$/);
    expect(await page.getByTestId('find-result').first().textContent()).toContain('（记者');
    await page.getByTestId('find-regex').check();
    await poll(count).toMatch(/^Invalid regular expression: /);
    await page.getByTestId('find-pattern').fill('(\\d+)个');
    await poll(count).toMatch(/^\d+ matches$/);
    await page.getByTestId('find-close').click();
    expect(await page.getByTestId('find-mark').count()).toBe(0);
  });

  it('File ▸ Preflight lists the copy findings; Fix corrects 建设建设 in one undoable step', async () => {
    await app.menu.choose('file', 'file.preflight');
    await page.getByTestId('preflight-panel').waitFor();
    const doubled = page.locator('[data-testid="preflight-finding"][data-code="copy-doubled"]');
    await poll(() => doubled.count()).toBe(1);
    expect(await doubled.textContent()).toContain('Doubled word');
    expect(await doubled.textContent()).toContain('党风廉政建设建设情况');
    await doubled.locator('.find-result').click();
    await poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('建设建设');
    await doubled.getByTestId('preflight-fix').click();
    await poll(() => doubled.count()).toBe(0);
    await poll(async () => (await page.getByTestId('story-editor-text').textContent()) ?? '').toContain(
      '党风廉政建设情况',
    );
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(async () => (await page.getByTestId('story-editor-text').textContent()) ?? '').toContain(
      '党风廉政建设建设情况',
    );
  });

  it('switching a copy check off in the edition takes its findings away', async () => {
    await page.getByTestId('preflight-run').click();
    const doubled = page.locator('[data-testid="preflight-finding"][data-code="copy-doubled"]');
    await poll(() => doubled.count()).toBe(1);
    await page.getByTestId('copy-settings').locator('summary').click();
    await page.getByTestId('copy-check-doubled').uncheck();
    await page.getByTestId('preflight-run').click();
    await poll(() => page.getByTestId('preflight-summary').textContent()).not.toBe('Checking…');
    await poll(() => doubled.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a form added to the house list is found on its page and fixed in one click, tracked while tracking is on', async () => {
    await page.getByTestId('house-from').fill('入驻');
    await page.getByTestId('house-to').fill('进驻');
    await page.getByTestId('house-add').click();
    await poll(() => page.getByTestId('house-list').textContent()).toContain('进驻');
    await page.getByTestId('preflight-run').click();
    const house = page.locator('[data-testid="preflight-finding"][data-code="copy-house-style"]');
    await poll(() => house.count()).toBeGreaterThan(0);
    const before = await house.count();
    expect(await house.first().textContent()).toContain('入驻');
    expect(await house.first().textContent()).toContain('进驻');
    expect(await house.first().locator('.find-where').nth(1).textContent()).toMatch(/^page 1 · /);
    expect(await house.first().locator('mark').textContent()).toBe('入驻');
    // Tracking on: the one-click fix is a tracked deletion of 入驻 and insertion of 进驻, on the page.
    await app.menu.choose('review', 'review.trackChanges');
    await house.first().getByTestId('preflight-fix').click();
    await poll(() => house.count()).toBe(before - 1);
    const marks = page.getByTestId('page-1').getByTestId('change-mark');
    await poll(() => marks.locator('[data-testid="change-strike"]').count()).toBeGreaterThan(0);
    await poll(() => marks.locator('[data-testid="change-underline"]').count()).toBeGreaterThan(0);
    await poll(pageText).toContain('进驻');
    // One undo step takes the fix and its records away.
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => marks.count()).toBe(0);
    await poll(pageText).not.toContain('进驻');
    expect(errors).toEqual([]);
  });
});
