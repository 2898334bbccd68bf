/**
 * Tracked changes (修订) in the browser host, as a proofreader corrects the
 * sample page: Review ▸ Track Changes, delete a phrase and insert another
 * in the lead story; on the canvas the deleted words stay on the page
 * struck through and the inserted ones are underlined, in the user's
 * colour; the story editor and the Changes panel show both with who and
 * when. Accept one (a button), reject the other (the keyboard), undo each;
 * the final view composes the page as if all were accepted, with the same
 * copyfit; bold, a role change and Find/Replace are tracked too; the saved
 * .folio carries the records.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { readFolio } from '../../main/storage';
import { blockText } from '../../shared/model/operations';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { selectInEditor, caretBefore } from './support/story-editor-text';
import { callHost, startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

/** In the lead story (st-3, frame fr-5), first body paragraph: the phrase deleted and where text goes in. */
const DELETED = '市政项目完成投资21.8亿元，';
const BEFORE_INSERT = '签约入驻企业';
const INSERTED = '目前';
const COLOR = '#2563eb';

/**
 * The characters painted on page 1 under the marks of one kind, in reading
 * order: every glyph that starts within a marked line's box (the change
 * bar's height) and the underline's or strike's horizontal extent.
 */
async function wordsUnderMarks(page: Page, kind: 'insert' | 'delete' | 'format'): Promise<string> {
  return page.getByTestId('page-1').evaluate((svg, wanted) => {
    const boxes: { x1: number; x2: number; y1: number; y2: number }[] = [];
    for (const mark of svg.querySelectorAll(`[data-testid="change-mark"][data-kind="${wanted}"]`))
      for (const line of mark.querySelectorAll(
        '[data-testid="change-strike"], [data-testid="change-underline"]',
      )) {
        const bar = line.parentElement!.querySelector('[data-testid="change-bar"]') as SVGLineElement;
        const l = line as SVGLineElement;
        boxes.push({
          x1: l.x1.baseVal.value,
          x2: l.x2.baseVal.value,
          y1: bar.y1.baseVal.value,
          y2: bar.y2.baseVal.value,
        });
      }
    let out = '';
    for (const run of svg.querySelectorAll<SVGTextElement>('text.glyph-run')) {
      const n = run.getNumberOfChars();
      for (let i = 0; i < n; i++) {
        const box = run.getExtentOfChar(i);
        // The glyph's start: a full-width mark compressed to half an em (标点挤压) draws past its advance.
        const x = box.x + 0.25;
        const y = box.y + box.height / 2;
        if (boxes.some((b) => x >= b.x1 && x < b.x2 && y >= b.y1 && y <= b.y2)) out += run.textContent![i];
      }
    }
    return out;
  }, kind);
}

/** The characters painted on page 1 inside the boxes of `selector` (Find's marks), in reading order. */
async function wordsInBoxes(page: Page, selector: string): Promise<string> {
  return page.getByTestId('page-1').evaluate((svg, wanted) => {
    const boxes = [...svg.querySelectorAll(wanted)].map((r) => (r as SVGGraphicsElement).getBBox());
    let out = '';
    for (const run of svg.querySelectorAll<SVGTextElement>('text.glyph-run')) {
      const n = run.getNumberOfChars();
      for (let i = 0; i < n; i++) {
        const box = run.getExtentOfChar(i);
        const x = box.x + 0.25;
        const y = box.y + box.height / 2;
        if (boxes.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y <= b.y + b.height))
          out += run.textContent![i];
      }
    }
    return out;
  }, selector);
}

/** Every character painted on page 1. */
const pageText = (page: Page) =>
  page
    .getByTestId('page-1')
    .locator('text.glyph-run')
    .allTextContents()
    .then((runs) => runs.join(''));

describe('tracked changes on the sample page: track, mark, accept, reject, undo, final view', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'folio-tracking-'));
  const changes = () => page.getByTestId('change');
  const card = (kind: string) => page.locator(`[data-testid="change"][data-kind="${kind}"]`);
  const marks = (kind: string) =>
    page.getByTestId('page-1').locator(`[data-testid="change-mark"][data-kind="${kind}"]`);
  const editorText = async () => (await page.getByTestId('story-editor-text').textContent()) ?? '';

  beforeAll(async () => {
    host = await startTestHost();
    await callHost(host, 'preferences.set', { userName: '王校对', userColor: COLOR });
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

  it('Review ▸ Track Changes turns tracking on for the edition, with a check mark and the status bar saying so', async () => {
    expect(await page.getByTestId('tracking-status').textContent()).toBe('Track changes: off');
    await app.menu.choose('review', 'review.trackChanges');
    await poll(() => page.getByTestId('tracking-status').textContent()).toBe('Track changes: on');
    const item = await app.menu.item('review', 'review.trackChanges');
    expect(await item.getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
  });

  it('records a deleted phrase and an inserted one, in the user’s name and colour', async () => {
    await app.canvas.frame('fr-5').scrollIntoViewIfNeeded();
    const box = (await app.canvas.frame('fr-5').boundingBox())!;
    await page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.getByTestId('story-editor-text').waitFor();
    // The story panel's switch says the open story is tracked (by the edition's switch).
    expect(await page.getByTestId('story-tracking').isChecked()).toBe(true);
    await selectInEditor(page, DELETED);
    await page.keyboard.press('Backspace');
    // The story holds the final text: the phrase is gone from it.
    await poll(editorText).not.toContain(DELETED);
    await caretBefore(page, BEFORE_INSERT);
    await page.keyboard.type(INSERTED);
    await poll(editorText).toContain(INSERTED + BEFORE_INSERT);

    await app.menu.choose('review', 'review.changes');
    await page.getByTestId('changes-panel').waitFor();
    await poll(() => changes().count()).toBe(2);
    expect(await card('delete').getByTestId('change-text').textContent()).toBe(DELETED);
    expect(await card('insert').getByTestId('change-text').textContent()).toBe(INSERTED);
    for (const kind of ['delete', 'insert']) {
      const text = (await card(kind).textContent()) ?? '';
      expect(text).toContain('王校对');
      expect(text).toContain('p. 1');
    }
    expect(await page.getByTestId('tracking-status').textContent()).toBe('Track changes: on · pending: 2');
  });

  it('shows both on the canvas: the deleted words struck through, the inserted ones underlined', async () => {
    await poll(() => wordsUnderMarks(page, 'delete')).toBe(DELETED);
    await poll(() => wordsUnderMarks(page, 'insert')).toBe(INSERTED);
    expect(await marks('delete').first().getByTestId('change-strike').first().getAttribute('stroke')).toBe(
      COLOR,
    );
    expect(await marks('insert').first().getByTestId('change-underline').first().getAttribute('stroke')).toBe(
      COLOR,
    );
    // The markup view puts the deleted words back on the page, before the inserted ones' paragraph goes on.
    expect(await pageText(page)).toContain(`已建成，${INSERTED}${BEFORE_INSERT}359家，${DELETED}`);
  });

  it('marks them in the story editor too: the insertion underlined, the deletion’s words beside their place', async () => {
    const insertId = (await card('insert').getAttribute('data-change-id'))!;
    const deleteId = (await card('delete').getAttribute('data-change-id'))!;
    const editor = page.getByTestId('story-editor-text');
    await poll(async () =>
      (await editor.locator(`[data-decoration="change:${insertId}"]`).allTextContents()).join(''),
    ).toBe(INSERTED);
    expect(await editor.locator(`[data-decoration="change:${deleteId}"]`).getAttribute('data-label')).toBe(
      DELETED,
    );
  });

  it('the final view composes the page as if all were accepted, with the same copyfit', async () => {
    const status = await page.getByTestId('story-status').textContent();
    await app.menu.choose('review', 'review.finalView');
    await poll(() => marks('delete').count()).toBe(0);
    expect(await pageText(page)).not.toContain(DELETED);
    expect(await pageText(page)).toContain(INSERTED + BEFORE_INSERT);
    expect(await page.getByTestId('story-status').textContent()).toBe(status);
    expect(await page.getByTestId('tracking-status').textContent()).toContain('Final');
    await page.getByTestId('tracking-view-markup').click();
    await poll(() => wordsUnderMarks(page, 'delete')).toBe(DELETED);
  });

  it('accepts the insertion with its button and rejects the deletion from the keyboard', async () => {
    await card('insert').getByTestId('change-accept').click();
    await poll(() => changes().count()).toBe(1);
    await poll(() => marks('insert').count()).toBe(0);
    expect(await editorText()).toContain(INSERTED + BEFORE_INSERT);
    // The list takes the keyboard: ↓ picks the remaining change (outlined on the page), R rejects it.
    await page.getByTestId('changes-list').focus();
    await page.keyboard.press('ArrowDown');
    await poll(() => card('delete').getAttribute('aria-selected')).toBe('true');
    await poll(() => marks('delete').first().getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('r');
    await poll(() => changes().count()).toBe(0);
    await poll(editorText).toContain(`359家，${DELETED}`);
    await poll(() => page.getByTestId('page-1').getByTestId('change-mark').count()).toBe(0);
    expect(await page.getByTestId('changes-empty').isVisible()).toBe(true);
  });

  it('undoes each decision as one step: the deletion is pending again, then the insertion', async () => {
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => card('delete').count()).toBe(1);
    await poll(editorText).not.toContain(DELETED);
    await poll(() => wordsUnderMarks(page, 'delete')).toBe(DELETED);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => card('insert').count()).toBe(1);
    await poll(() => wordsUnderMarks(page, 'insert')).toBe(INSERTED);
  });

  it('tracks bold, a paragraph’s role and Find/Replace as well', async () => {
    await selectInEditor(page, '智慧岛');
    await page.keyboard.press('Control+b');
    await poll(() => card('format').count()).toBe(1);
    expect(await card('format').textContent()).toContain('bold');
    await poll(() => wordsUnderMarks(page, 'format')).toBe('智慧岛');
    // The section head becomes body text: a paragraph change.
    await caretBefore(page, '提能力强组织');
    await page.getByTestId('role-menu').selectOption('body');
    await poll(() => card('paragraph').count()).toBe(1);
    expect(await card('paragraph').textContent()).toContain('Section head → Body');

    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.find');
    // Find marks its matches where the page shows them, after deleted words the markup view puts back.
    await page.getByTestId('find-pattern').fill('四上');
    await poll(() => wordsInBoxes(page, '[data-testid="find-mark"]')).toMatch(/^(四上)+$/);
    await page.getByTestId('find-pattern').fill('同心圆');
    await poll(() => page.getByTestId('find-result').count()).toBeGreaterThan(0);
    await page.getByTestId('find-result').first().click();
    await page.getByTestId('find-replacement').fill('同心环');
    await page.getByTestId('find-replace').click();
    await poll(() => card('insert').count()).toBe(2);
    expect(await card('delete').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('同心圆')]),
    );
    await page.getByTestId('find-close').click();
  });

  it('accepts all by an author and saves the records in the .folio', async () => {
    const path = join(folder, 'tracked.folio');
    await page.mouse.click(5, 300);
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(path);
    await poll(() => app.notices()).toEqual(expect.arrayContaining([expect.stringContaining(path)]));
    const { edition } = await readFolio(path);
    expect(edition.review!.settings.trackChanges).toBe(true);
    const kinds = edition.review!.changes.map((c) => c.kind).sort();
    expect(kinds).toEqual(['delete', 'delete', 'format', 'insert', 'insert', 'paragraph']);
    expect(new Set(edition.review!.changes.map((c) => c.author))).toEqual(new Set(['王校对']));
    const deletion = edition.review!.changes.find(
      (c) => c.kind === 'delete' && c.content.some((b) => blockText(b) === DELETED),
    );
    expect(deletion).toBeDefined();

    // The caret put in a change picks it in the panel; Review ▸ Accept Change settles that one.
    await caretBefore(page, '环');
    const replaced = page.locator('[data-testid="change"][aria-selected="true"]');
    await poll(() => replaced.getByTestId('change-text').textContent()).toBe('同心环');
    await page.mouse.click(5, 300);
    await app.menu.choose('review', 'review.acceptChange');
    await poll(() => card('insert').count()).toBe(1);
    expect(await changes().count()).toBe(5);

    await page.getByTestId('changes-filter-author').selectOption('王校对');
    await page.getByTestId('changes-accept-all').click();
    await poll(() => changes().count()).toBe(0);
    expect(await page.getByTestId('tracking-status').textContent()).toBe('Track changes: on');
    expect(errors).toEqual([]);
  });
});
