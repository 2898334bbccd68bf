/**
 * Notes (批注) in the browser host, as a proofreader uses them on the
 * sample page: select words of the lead story, Review ▸ New Note
 * (Ctrl+Alt+M), write it; the words are highlighted on the page with a
 * numbered marker in the margin and marked in the story editor; type text
 * before them and the note still covers the same words (on the canvas, in
 * the panel, and in the .folio the host saves); reply, resolve, filter by
 * status, author and page, reopen, delete, and undo each step.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { readFolio } from '../../main/storage';
import { rangeText } from '../../shared/review';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { selectInEditor, caretBefore } from './support/story-editor-text';
import { callHost, startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

/** The sample's lead story (st-3, frame fr-5) and words of its first body paragraph. */
const WORDS = '签约入驻企业359家';

/**
 * The characters painted on page 1 under a note's highlight, in reading
 * order: every glyph whose middle lies in one of the note's rectangles.
 */
async function wordsUnderHighlight(page: Page, noteId: string): Promise<string> {
  return page.getByTestId('page-1').evaluate((svg, id) => {
    const rects = [
      ...svg.querySelectorAll(
        `[data-testid="note-mark"][data-note-id="${id}"] [data-testid="note-highlight"]`,
      ),
    ].map((r) => (r as SVGRectElement).getBBox());
    let out = '';
    for (const run of svg.querySelectorAll<SVGTextElement>('text.glyph-run')) {
      const n = run.getNumberOfChars();
      for (let i = 0; i < n; i++) {
        const box = run.getExtentOfChar(i);
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        if (rects.some((r) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height))
          out += run.textContent![i];
      }
    }
    return out;
  }, noteId);
}

describe('notes on the sample page: add, follow the text, reply, resolve, filter, delete, undo', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  let noteId = '';
  const errors: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'folio-notes-'));
  const notes = () => page.getByTestId('note');

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

  it('Ctrl+Alt+M on words selected in the story editor writes a note on them', async () => {
    await app.canvas.frame('fr-5').scrollIntoViewIfNeeded();
    const box = (await app.canvas.frame('fr-5').boundingBox())!;
    await page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.getByTestId('story-editor-text').waitFor();
    await selectInEditor(page, WORDS);
    await page.keyboard.press('Control+Alt+m');
    await page.getByTestId('note-draft').waitFor();
    expect(await page.getByTestId('note-draft').textContent()).toContain(`New note on “${WORDS}”`);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'note-draft-text',
    );
    await page.keyboard.type('Check the number with the district office');
    await page.keyboard.press('Control+Enter');
    await poll(() => notes().count()).toBe(1);
    expect(await page.getByTestId('note-draft').count()).toBe(0);
    noteId = (await notes().first().getAttribute('data-note-id'))!;
    expect(await notes().first().getByTestId('note-quote').textContent()).toBe(WORDS);
    expect(await notes().first().textContent()).toContain('王校对');
    expect(await notes().first().getByTestId('note-text').textContent()).toBe(
      'Check the number with the district office',
    );
    expect(await page.getByTestId('notes-count').textContent()).toBe('1 of 1');
  });

  it('shows the note on the page: the words highlighted in the author’s colour, a numbered marker in the margin', async () => {
    const mark = page.getByTestId('page-1').locator(`[data-testid="note-mark"][data-note-id="${noteId}"]`);
    await poll(() => mark.locator('[data-testid="note-highlight"]').count()).toBeGreaterThan(0);
    expect(await mark.locator('[data-testid="note-highlight"]').first().getAttribute('fill')).toBe('#2563eb');
    await poll(() => wordsUnderHighlight(page, noteId)).toBe(WORDS);
    const marker = mark.getByTestId('note-marker');
    expect(await marker.getAttribute('data-number')).toBe('1');
    // In the margin: right of the frame the words are in.
    const frame = (await app.canvas.frame('fr-5').boundingBox())!;
    const dot = (await marker.boundingBox())!;
    expect(dot.x).toBeGreaterThan(frame.x + frame.width);
    // And in the story editor: the same words marked.
    const marked = page.getByTestId('story-editor-text').locator(`[data-decoration="note:${noteId}"]`);
    await poll(async () => (await marked.allTextContents()).join('')).toBe(WORDS);
  });

  it('keeps covering the same words when text is typed before them', async () => {
    await caretBefore(page, '智慧岛核心区');
    await page.keyboard.type('据悉，');
    await poll(async () => (await page.getByTestId('story-editor-text').textContent()) ?? '').toContain(
      '据悉，智慧岛核心区',
    );
    await poll(() => notes().first().getByTestId('note-quote').textContent()).toBe(WORDS);
    await poll(() => wordsUnderHighlight(page, noteId)).toBe(WORDS);
    // The model as the host saves it: the note's range holds the same words, after the typed text.
    const path = join(folder, 'noted.folio');
    await page.mouse.click(5, 300);
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(path);
    await poll(() => app.notices()).toEqual(expect.arrayContaining([expect.stringContaining(path)]));
    const { edition } = await readFolio(path);
    const note = edition.review!.notes.find((n) => n.id === noteId)!;
    expect(note.anchor.kind).toBe('text');
    if (note.anchor.kind !== 'text') return;
    expect(rangeText(edition, note.anchor.storyId, note.anchor.from, note.anchor.to)).toBe(WORDS);
    expect(note.anchor.quote).toBe(WORDS);
    expect(note.author).toBe('王校对');
    const paragraph = edition.stories[note.anchor.storyId].blocks[note.anchor.from.block];
    expect(paragraph.children.map((c) => c.text).join('')).toMatch(/^据悉，智慧岛核心区/);
  });

  it('answers the note in a thread and resolves it; resolved notes leave the page and the open list', async () => {
    const card = notes().first();
    await card.getByTestId('note-reply-open').click();
    await page.getByTestId('note-reply-text').fill('Confirmed: 359 firms.');
    await page.keyboard.press('Control+Enter');
    await poll(() => card.getByTestId('note-reply').count()).toBe(1);
    expect(await card.getByTestId('note-reply').textContent()).toContain('Confirmed: 359 firms.');
    await card.getByTestId('note-resolve').click();
    await poll(() => notes().count()).toBe(0);
    expect(await page.getByTestId('notes-empty').textContent()).toBe('No notes match the filter.');
    await poll(() => page.getByTestId('page-1').getByTestId('note-marker').count()).toBe(0);
    await page.getByTestId('notes-filter-status').selectOption('resolved');
    await poll(() => notes().count()).toBe(1);
    expect(await notes().first().getAttribute('data-status')).toBe('resolved');
    expect(await notes().first().getByTestId('note-resolved-by').textContent()).toContain(
      'Resolved by 王校对',
    );
    // Listed resolved notes show on the page too, hollow.
    await poll(() => page.getByTestId('page-1').getByTestId('note-marker').count()).toBe(1);
  });

  it('filters by author and page; another user’s note on a frame and a note on a page point', async () => {
    await callHost(host, 'preferences.set', { userName: 'Li Editor', userColor: '#16a34a' });
    await page.getByTestId('notes-filter-status').selectOption('all');
    await app.canvas.selectFrame('fr-12');
    await page.getByTestId('notes-new').click();
    await page.getByTestId('note-draft').waitFor();
    expect(await page.getByTestId('note-draft').textContent()).toContain('New note on a frame');
    await page.getByTestId('note-draft-text').fill('Caption too long');
    await page.getByTestId('note-draft-text-submit').click();
    await poll(() => notes().count()).toBe(2);
    expect(await page.locator('[data-testid="note-frame"]').count()).toBe(1);

    await page.mouse.click(5, 300);
    await app.menu.choose('review', 'review.notePage');
    await page.getByTestId('notes-placing').waitFor();
    const paper = (await app.canvas.pageView(1).boundingBox())!;
    await page.mouse.click(paper.x + paper.width * 0.5, paper.y + 20);
    await page.getByTestId('note-draft').waitFor();
    expect(await page.getByTestId('note-draft').textContent()).toContain('New note on page 1');
    await page.keyboard.type('Masthead date?');
    await page.keyboard.press('Control+Enter');
    await poll(() => notes().count()).toBe(3);

    await page.getByTestId('notes-filter-author').selectOption('Li Editor');
    await poll(() => notes().count()).toBe(2);
    await page.getByTestId('notes-filter-author').selectOption('王校对');
    await poll(() => notes().count()).toBe(1);
    await page.getByTestId('notes-filter-author').selectOption('');
    await page.getByTestId('notes-filter-page').selectOption('0');
    await poll(() => notes().count()).toBe(3);
    await page.getByTestId('notes-filter-status').selectOption('open');
    await poll(() => notes().count()).toBe(2);
    expect(await page.getByTestId('notes-count').textContent()).toBe('2 of 3');
  });

  it('a click on a note goes to its words: the story editor selects them and the canvas marks the note', async () => {
    await page.getByTestId('notes-filter-status').selectOption('all');
    await notes().first().getByTestId('note-go').click();
    await poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(WORDS);
    await poll(() =>
      page.locator(`[data-testid="note-mark"][data-note-id="${noteId}"]`).getAttribute('data-focused'),
    ).toBe('true');
  });

  it('reopens, deletes, and undoes each step', async () => {
    const first = page.locator(`[data-testid="note"][data-note-id="${noteId}"]`);
    await first.getByTestId('note-reopen').click();
    await poll(() => first.getAttribute('data-status')).toBe('open');
    await first.getByTestId('note-delete').click();
    await poll(() => first.count()).toBe(0);
    await poll(() => notes().count()).toBe(2);
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => first.count()).toBe(1);
    // Back with its thread, open, on its words.
    expect(await first.getByTestId('note-reply').count()).toBe(1);
    expect(await first.getAttribute('data-status')).toBe('open');
    expect(await first.getByTestId('note-quote').textContent()).toBe(WORDS);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => first.getAttribute('data-status')).toBe('resolved');
    await app.menu.choose('edit', 'edit.redo');
    await poll(() => first.getAttribute('data-status')).toBe('open');
  });

  it('keeps a note whose words are deleted, shown as detached; undo puts it back on them', async () => {
    const first = page.locator(`[data-testid="note"][data-note-id="${noteId}"]`);
    await first.getByTestId('note-go').click();
    await poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(WORDS);
    await page.keyboard.press('Backspace');
    await poll(() => first.getAttribute('data-detached')).toBe('true');
    expect(await first.getByTestId('note-detached').textContent()).toBe('Text deleted');
    expect(await first.locator('del').textContent()).toBe(WORDS);
    const mark = page.locator(`[data-testid="note-mark"][data-note-id="${noteId}"]`);
    await poll(() => mark.getAttribute('data-detached')).toBe('true');
    expect(await mark.getByTestId('note-highlight').count()).toBe(0);
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => first.getByTestId('note-quote').textContent()).toBe(WORDS);
    expect(await first.getAttribute('data-detached')).toBeNull();
    await poll(() => wordsUnderHighlight(page, noteId)).toBe(WORDS);
    expect(errors).toEqual([]);
  });
});
