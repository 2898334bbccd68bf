/**
 * Proof rounds (校次) and sign-off (签版) in the browser host, as the desk
 * uses them on the sample page: Review ▸ Start Proof Round… (一校 by
 * default), an edit in the lead story, 二校, Review ▸ Compare Rounds… — the
 * redline shows exactly the typed words and the page shows the changed
 * region, the same region the model finds in the saved file; a click on
 * the story or the region goes there. Then sign the page off, see the
 * status in the pages panel and on the page, edit it (it reopens and says
 * so; undo signs it again), and a press export with "require sign-off for
 * press" refuses the unsigned page with a message that names it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { readFolio } from '../../main/storage';
import { createNodeComposer } from '../../main/fonts';
import { composeEdition } from '../../shared/layout/compose-edition';
import { diffEditions, editionOfSnapshot } from '../../shared/review';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { caretBefore } from './support/story-editor-text';
import { callHost, startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

/** The sample's lead story (st-3, frame fr-5) and where the edit goes. */
const BEFORE = '智慧岛核心区';
const TYPED = '据悉，';

describe('proof rounds and sign-off on the sample page', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'folio-rounds-'));

  beforeAll(async () => {
    host = await startTestHost();
    await callHost(host, 'preferences.set', { userName: '王校对', userColor: '#2563eb' });
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

  it('starts 一校 from the Review menu: the default name, who and when, the page goes in proof', async () => {
    expect(await page.getByTestId('page-status-1').count()).toBe(0);
    await app.menu.choose('review', 'review.startRound');
    await page.getByTestId('start-round-dialog').waitFor();
    expect(await page.getByTestId('start-round-name').inputValue()).toBe('一校');
    await page.getByTestId('start-round-ok').click();
    await page.getByTestId('rounds-panel').waitFor();
    await poll(() => page.getByTestId('round').count()).toBe(1);
    expect(await page.getByTestId('round-name').textContent()).toBe('一校');
    expect(await page.getByTestId('round-by').textContent()).toContain('王校对');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('in-proof');
    expect(await page.getByTestId('page-status-1').textContent()).toBe('In proof');
    expect(await page.getByTestId('page-1').getByTestId('page-status-badge').textContent()).toBe('In proof');
    await poll(() => app.notices()).toEqual(
      expect.arrayContaining([expect.stringContaining('Started 一校')]),
    );
  });

  it('edits the lead story, starts 二校 under a name of its own, renames it back', async () => {
    await app.canvas.frame('fr-5').scrollIntoViewIfNeeded();
    const box = (await app.canvas.frame('fr-5').boundingBox())!;
    await page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.getByTestId('story-editor-text').waitFor();
    await caretBefore(page, BEFORE, 20_000);
    await page.keyboard.type(TYPED);
    await poll(async () => (await page.getByTestId('story-editor-text').textContent()) ?? '').toContain(
      TYPED + BEFORE,
    );
    await page.mouse.click(5, 300);
    await app.menu.choose('review', 'review.startRound');
    expect(await page.getByTestId('start-round-name').inputValue()).toBe('二校');
    await page.getByTestId('start-round-name').fill('二校（夜班）');
    await page.getByTestId('start-round-ok').click();
    await poll(() => page.getByTestId('round').count()).toBe(2);
    const second = page.getByTestId('round').nth(1);
    expect(await second.getByTestId('round-name').textContent()).toBe('二校（夜班）');
    await second.getByTestId('round-rename').click();
    await second.getByTestId('round-rename-input').fill('二校');
    await second.getByTestId('round-rename-save').click();
    await poll(() => second.getByTestId('round-name').textContent()).toBe('二校');
  });

  it('compares 二校 with 一校: the redline is exactly the typed words, the page region the one the model finds', async () => {
    await app.menu.choose('review', 'review.compare');
    await poll(() => page.getByTestId('compare-view').getAttribute('data-status')).toBe('ready');
    expect(await page.getByTestId('compare-title').textContent()).toBe('Compare 一校 → 二校');
    // One story changed, by exactly the typed words: inserted, nothing deleted.
    expect(await page.getByTestId('compare-story').count()).toBe(1);
    const story = page.getByTestId('compare-story').first();
    expect(await story.getAttribute('data-story-id')).toBe('st-3');
    expect(await story.getByTestId('redline-ins').allTextContents()).toEqual([TYPED]);
    expect(await story.getByTestId('redline-del').count()).toBe(0);
    expect(await story.getByTestId('redline').textContent()).toContain(TYPED + BEFORE);
    // One page changed; its regions drawn over both pictures, side by side.
    expect(await page.getByTestId('compare-page').count()).toBe(1);
    expect(await page.getByTestId('compare-pictures').getAttribute('data-mode')).toBe('side');
    expect(await page.getByTestId('compare-picture').count()).toBe(2);
    const shown = await page
      .getByTestId('compare-picture')
      .nth(1)
      .getByTestId('compare-region')
      .evaluateAll((rects) => rects.map((r) => r.getAttribute('data-rect')!.split(',').map(Number)));
    expect(shown.length).toBeGreaterThan(0);

    // The file as saved: the model's own diff of its two rounds gives the same regions.
    const path = join(folder, 'rounds.folio');
    await page.getByTestId('compare-close').click();
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(path);
    await poll(() => app.notices()).toEqual(expect.arrayContaining([expect.stringContaining(path)]));
    const { edition } = await readFolio(path);
    const [one, two] = edition.review!.rounds;
    expect([one.name, two.name, one.author]).toEqual(['一校', '二校', '王校对']);
    const a = editionOfSnapshot(edition, one.snapshot);
    const b = editionOfSnapshot(edition, two.snapshot);
    const composer = await createNodeComposer();
    const [listA, listB] = [composeEdition(a, composer), composeEdition(b, composer)];
    const diff = diffEditions(a, b, listA, listB);
    expect(diff.pages.map((p) => p.number)).toEqual([1]);
    const expected = diff.pages[0].rects.map((r) => [r.x, r.y, r.width, r.height]);
    expect(shown.length).toBe(expected.length);
    for (const [i, rect] of shown.entries())
      for (const [k, v] of rect.entries()) expect(v).toBeCloseTo(expected[i][k], 1);
    // And the region holds the line the words were typed into, in 二校's composition, and no line of another story.
    const lines = listB.pages[0].items.flatMap((item) => (item.kind === 'text' ? item.lines : []));
    const inside = (l: (typeof lines)[number]) =>
      expected.some(
        ([x, y, w, h]) => l.x >= x - 0.5 && l.x + l.width <= x + w + 0.5 && l.y >= y && l.y <= y + h + 0.5,
      );
    expect(lines.some((l) => l.text.includes(TYPED) && inside(l))).toBe(true);
    expect(lines.filter(inside).every((l) => l.storyId === 'st-3')).toBe(true);
  });

  it('overlays the two states, and a click on the region marks it on the page', async () => {
    await app.menu.choose('review', 'review.compare');
    await poll(() => page.getByTestId('compare-view').getAttribute('data-status')).toBe('ready');
    await page.getByTestId('compare-mode-overlay').check();
    await poll(() => page.getByTestId('compare-pictures').getAttribute('data-mode')).toBe('overlay');
    expect(await page.getByTestId('compare-picture').count()).toBe(1);
    expect(await page.getByTestId('compare-ghost').count()).toBe(1);
    await page.getByTestId('compare-region').first().click();
    await poll(() => page.getByTestId('compare-view').count()).toBe(0);
    const marked = page.getByTestId('page-1').locator('[data-testid="diff-region"][data-focused="true"]');
    await poll(() => marked.count()).toBe(1);
  });

  it('a click on the changed story opens it at the change, the inserted words selected', async () => {
    await page.keyboard.press('Escape');
    await app.menu.choose('review', 'review.compare');
    await poll(() => page.getByTestId('compare-view').getAttribute('data-status')).toBe('ready');
    await page.getByTestId('compare-story-go').first().click();
    await poll(() => page.getByTestId('compare-view').count()).toBe(0);
    await poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(TYPED);
  });

  it('signs the page off: the status with who and which round in the pages panel and on the page', async () => {
    await page.mouse.click(5, 300);
    const item = await app.menu.item('review', 'review.reopenPage');
    expect(await item.isDisabled()).toBe(true);
    expect(await item.getAttribute('title')).toBe('the page is not signed off');
    await page.mouse.click(800, 940);
    await page.locator('.menu-items').waitFor({ state: 'detached' });
    await app.menu.choose('review', 'review.signOff');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('signed');
    expect(await page.getByTestId('page-status-1').textContent()).toBe('Signed off · 王校对');
    expect(await page.getByTestId('page-status-1').getAttribute('title')).toMatch(
      /^Signed off by 王校对, .+, in 二校$/,
    );
    const badge = page.getByTestId('page-1').getByTestId('page-status-badge');
    expect(await badge.getAttribute('data-status')).toBe('signed');
    expect(await badge.textContent()).toContain('in 二校');
    expect(await page.getByTestId('signoff-page-1').getAttribute('data-status')).toBe('signed');
  });

  it('editing the signed page reopens it and says so; undo signs it off again', async () => {
    await app.canvas.frame('fr-5').scrollIntoViewIfNeeded();
    const box = (await app.canvas.frame('fr-5').boundingBox())!;
    await page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await caretBefore(page, BEFORE, 20_000);
    await page.keyboard.type('一');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('in-proof');
    await poll(() => app.notices()).toEqual(
      expect.arrayContaining(['Page 1 was signed off; this edit reopened it']),
    );
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('signed');
    expect(await page.getByTestId('story-editor-text').textContent()).not.toContain(TYPED + '一');
  });

  it('with “require sign-off for press”, File ▸ Export PDF refuses the unsigned page and names it', async () => {
    await page.getByTestId('require-signoff').check();
    await app.menu.choose('review', 'review.reopenPage');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('in-proof');
    const pdf = join(folder, 'press.pdf');
    await app.menu.choose('file', 'file.exportPdf');
    await app.answerPathDialog(pdf);
    await poll(() => page.locator('.notice-error').allTextContents()).toEqual(
      expect.arrayContaining([
        'Not exported: page 1 is not signed off, and this edition requires sign-off for press (Review ▸ Sign Off Page)',
      ]),
    );
    expect(existsSync(pdf)).toBe(false);
    // Signed off, the same export goes through.
    await app.menu.choose('review', 'review.signOff');
    await poll(() => page.getByTestId('page-status-1').getAttribute('data-status')).toBe('signed');
    await app.menu.choose('file', 'file.exportPdf');
    await app.answerPathDialog(pdf);
    await poll(() => existsSync(pdf)).toBe(true);
  });

  it('without the requirement, preflight lists the unsigned page as a warning', async () => {
    await page.getByTestId('require-signoff').uncheck();
    await app.menu.choose('review', 'review.reopenPage');
    await app.menu.choose('file', 'file.preflight');
    const finding = page
      .getByTestId('preflight-finding')
      .filter({ hasText: 'not signed off for press (in proof)' });
    await poll(() => finding.count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
