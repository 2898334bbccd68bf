/**
 * PDF comments in the app (browser host, the real renderer in Chromium), as
 * a proofreader uses them: set your name and colour (the status bar's
 * badge), File ▸ Export Proof with Notes… writes a proof PDF; a reviewer
 * marks it up in another tool (pdf-lib writes a highlight with a comment, a
 * sticky note without an author and a drawing, at the words' positions
 * found with pdf.js); Review ▸ Import PDF Comments… brings them back as
 * notes on those words in one undo step, says how many came in and which
 * one was skipped and why; a file that is not a PDF is one message and
 * changes nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import type { Edition } from '../../shared/model/types';
import { rangeText } from '../../shared/review';
import { readGlyphs, type PdfGlyph } from '../unit/pdf/helpers/read-pdf';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { callHost, startTestHost } from './support/web-host';

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** A run of Han characters printed once on the page, on one line. */
function uniqueRun(glyphs: PdfGlyph[], length: number, from: number): { text: string; run: PdfGlyph[] } {
  const text = glyphs.map((g) => g.unicode).join('');
  for (let at = from; at + length < glyphs.length; at++) {
    const words = text.slice(at, at + length);
    if (!/^\p{Script=Han}+$/u.test(words) || text.indexOf(words) !== at || text.lastIndexOf(words) !== at)
      continue;
    const run = glyphs.slice(at, at + length + 1);
    if (run.every((g) => Math.abs(g.y - run[0].y) < 0.01)) return { text: words, run: run.slice(0, length) };
  }
  throw new Error('no unique one-line run of Han characters on the page');
}

/** The glyphs' box in PDF space (y up), as a reader's highlight tool draws it. */
function boxOf(run: PdfGlyph[]): [number, number, number, number] {
  const last = run[run.length - 1];
  return [run[0].x, run[0].y - 0.15 * run[0].size, last.x + last.size, run[0].y + 0.85 * run[0].size];
}

describe('PDF comments in the app: export a proof with notes, import a reviewer’s comments as notes', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  const errors: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'folio-pdf-comments-'));
  const proofPath = join(folder, 'proof.pdf');
  const reviewedPath = join(folder, 'reviewed.pdf');
  let highlighted = '';
  let stuck = '';
  const notes = () => page.getByTestId('note');
  const notices = () => app.notices();

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

  it('sets the user’s name and colour from the status bar, kept in preferences', async () => {
    const badge = page.getByTestId('user-badge');
    await badge.waitFor();
    await badge.click();
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-name').fill('');
    await page.getByTestId('user-save').click();
    // An empty name is refused with one line; the form stays open.
    expect(await page.getByTestId('user-problem').textContent()).toBe(
      'Type your name (at most 100 characters)',
    );
    await page.getByTestId('user-name').fill('王校对');
    await page.getByTestId('user-color').fill('#2563eb');
    await page.getByTestId('user-save').click();
    await poll(() => page.getByTestId('user-form').count()).toBe(0);
    expect(await badge.textContent()).toBe('王校对');
    const prefs = (await callHost(host, 'preferences.get', {})) as { userName: string; userColor: string };
    expect(prefs).toMatchObject({ userName: '王校对', userColor: '#2563eb' });
    // Review ▸ Your Name and Colour… opens the same form with the values kept.
    await app.menu.choose('review', 'review.user');
    expect(await page.getByTestId('user-name').inputValue()).toBe('王校对');
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('user-form').count()).toBe(0);
  });

  it('File ▸ Export Proof with Notes… writes a proof PDF that says which edition it shows', async () => {
    await app.menu.choose('file', 'file.exportProof');
    await app.answerPathDialog(proofPath);
    await poll(() => notices()).toEqual(
      expect.arrayContaining([`Exported a proof with notes: 1 page to ${proofPath}`]),
    );
    const { edition } = (await callHost(host, 'edition.current', {})) as { edition: Edition };
    const doc = await getDocument({ data: new Uint8Array(readFileSync(proofPath)), verbosity: 0 }).promise;
    const info = (await doc.getMetadata()).info as { Custom?: Record<string, string> };
    expect(doc.numPages).toBe(1);
    expect(info.Custom?.FolioEdition).toBe(edition.id);
    await doc.destroy();
  });

  it('imports a reviewer’s comments as notes on the words under them, as one undo step', async () => {
    // The reviewer's PDF reader: a highlight with a comment, a sticky note (no author), a drawing.
    const glyphs = (await readGlyphs(readFileSync(proofPath)))[0].glyphs;
    const first = uniqueRun(glyphs, 4, Math.floor(glyphs.length / 3));
    const second = uniqueRun(glyphs, 1, Math.floor((glyphs.length * 2) / 3));
    highlighted = first.text;
    stuck = second.text;
    const pdf = await PDFDocument.load(readFileSync(proofPath));
    const sheet = pdf.getPage(0);
    const add = (dict: Record<string, unknown>) =>
      sheet.node.addAnnot(
        pdf.context.register(
          pdf.context.obj({ Type: 'Annot', F: 4, M: PDFString.fromDate(new Date()), ...dict } as never),
        ),
      );
    const [x0, y0, x1, y1] = boxOf(first.run);
    add({
      Subtype: 'Highlight',
      Rect: [x0, y0, x1, y1],
      QuadPoints: [x0, y1, x1, y1, x0, y0, x1, y0],
      Contents: PDFHexString.fromText('请核实'),
      T: PDFHexString.fromText('张编辑'),
      C: [0.1, 0.6, 0.2],
    });
    const [kx0, , , ky1] = boxOf(second.run);
    add({
      Subtype: 'Text',
      Rect: [kx0 + 1, ky1 - 20, kx0 + 21, ky1 - 1],
      Contents: PDFHexString.fromText('Wrong character?'),
      Name: 'Comment',
    });
    add({
      Subtype: 'Ink',
      Rect: [40, 40, 90, 90],
      InkList: [[40, 40, 90, 90]],
      T: PDFHexString.fromText('张编辑'),
    });
    writeFileSync(reviewedPath, await pdf.save());

    await app.menu.choose('review', 'review.importComments');
    await app.answerPathDialog(reviewedPath);
    await poll(() => notes().count()).toBe(2);
    const shown = await notices();
    expect(shown).toContain('reviewed.pdf: 2 notes imported (2 on text, 0 on page points; 1 skipped)');
    expect(shown).toContain(
      'Skipped: page 1, drawing by 张编辑: not a kind of comment Folio imports (sticky notes, text boxes, highlights, underlines, strike-outs, carets)',
    );
    // Each note on its words, by its reviewer; the one without an author is the user's.
    const quotes = await notes().getByTestId('note-quote').allTextContents();
    expect(quotes.sort()).toEqual([highlighted, expect.stringContaining(stuck)].sort());
    const cards = await notes().allTextContents();
    expect(cards.find((c) => c.includes('请核实'))).toContain('张编辑');
    expect(cards.find((c) => c.includes('Wrong character?'))).toContain('王校对');
    // One undo step takes both notes away, redo puts them back.
    await page.mouse.click(5, 300);
    await app.menu.choose('edit', 'edit.undo');
    await poll(() => notes().count()).toBe(0);
    await app.menu.choose('edit', 'edit.redo');
    await poll(() => notes().count()).toBe(2);
    // Saved: each note's range holds the words the reviewer marked.
    const saved = join(folder, 'reviewed.folio');
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(saved);
    await poll(() => notices()).toEqual(expect.arrayContaining([expect.stringContaining(saved)]));
    const { readFolio } = await import('../../main/storage');
    const back = (await readFolio(saved)).edition;
    const byText = Object.fromEntries(back.review!.notes.map((n) => [n.text, n]));
    const mark = byText['请核实'];
    expect(mark.author).toBe('张编辑');
    expect(mark.color).toBe('#1a9933');
    if (mark.anchor.kind !== 'text') throw new Error('the highlight note is not on text');
    expect(rangeText(back, mark.anchor.storyId, mark.anchor.from, mark.anchor.to)).toBe(highlighted);
    const sticky = byText['Wrong character?'];
    expect(sticky.author).toBe('王校对');
    expect(sticky.color).toBe('#2563eb');
    if (sticky.anchor.kind !== 'text') throw new Error('the sticky note is not on text');
    expect(rangeText(back, sticky.anchor.storyId, sticky.anchor.from, sticky.anchor.to)).toContain(stuck);
  });

  it('exports the imported notes as PDF comments again: sticky notes by their authors, highlights on their words', async () => {
    const again = join(folder, 'proof-2.pdf');
    await app.menu.choose('file', 'file.exportProof');
    await app.answerPathDialog(again);
    await poll(() => notices()).toEqual(
      expect.arrayContaining([`Exported a proof with notes: 1 page to ${again}`]),
    );
    const doc = await getDocument({ data: new Uint8Array(readFileSync(again)), verbosity: 0 }).promise;
    const annotations = (await (await doc.getPage(1)).getAnnotations()) as {
      subtype: string;
      titleObj?: { str: string };
      contentsObj?: { str: string };
    }[];
    await doc.destroy();
    const stickies = annotations
      .filter((a) => a.subtype === 'Text')
      .map((a) => `${a.titleObj?.str}: ${a.contentsObj?.str}`)
      .sort();
    expect(stickies).toEqual(['张编辑: 请核实', '王校对: Wrong character?']);
    expect(annotations.filter((a) => a.subtype === 'Highlight')).toHaveLength(2);
  });

  it('importing the same PDF again adds nothing and says so', async () => {
    await app.menu.choose('review', 'review.importComments');
    await app.answerPathDialog(reviewedPath);
    await poll(() => notices()).toEqual(
      expect.arrayContaining([
        'reviewed.pdf: 0 notes imported (0 on text, 0 on page points; 2 already in the edition; 1 skipped)',
      ]),
    );
    expect(await notes().count()).toBe(2);
  });

  it('refuses a file that is not a PDF with one message, and changes nothing', async () => {
    const notPdf = join(folder, 'notes.txt');
    writeFileSync(notPdf, 'not a PDF at all');
    await app.menu.choose('review', 'review.importComments');
    await app.answerPathDialog(notPdf);
    await poll(() => notices()).toEqual(
      expect.arrayContaining(['notes.txt is not a PDF file (it has no %PDF- header)']),
    );
    expect(await notes().count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
