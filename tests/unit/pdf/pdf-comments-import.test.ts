/**
 * `folio comments --import`: a proof PDF annotated by another tool (pdf-lib
 * writes the annotations as a PDF reader would, at the words' positions
 * found with pdf.js) comes back as notes on exactly those words, with the
 * reviewer's name, date and colour; Folio's own comments in the proof and
 * a second import add nothing; bad PDFs are refused with one line and no
 * output.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFString, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio, writeFolio } from '../../../main/storage';
import { applyOperation, blockText } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import type { Edition, Note } from '../../../shared/model/types';
import { addNoteOp, makeStamp, rangeText, trackOperations } from '../../../shared/review';
import { readGlyphs, type PdfGlyph } from './helpers/read-pdf';

const dir = mkdtempSync(join(tmpdir(), 'folio-comments-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const WANG = makeStamp({ name: '王校对', color: '#c0392b' }, new Date('2024-05-01T09:30:00Z'));
const REVIEW_TIME = new Date('2024-05-02T08:05:00Z');
let glyphs: PdfGlyph[] = [];
let pageText = '';
/** The words each annotation is put on, by what the annotation says. */
const targets: Record<string, string> = {};
let before: Edition;
/** The edition and the reviewed PDF as they were before any import. */
let untouched: Buffer[] = [];

/** Glyphs of one line showing `text` once on the page (the window slides until it is unique and on one baseline). */
function findOnLine(paragraph: string, length: number, from = 0): { text: string; glyphs: PdfGlyph[] } {
  for (let start = from; start + length <= paragraph.length; start++) {
    const text = paragraph.slice(start, start + length);
    if (!/^\p{Script=Han}+$/u.test(text)) continue;
    const at = pageText.indexOf(text);
    if (at < 0 || pageText.lastIndexOf(text) !== at) continue;
    const run = glyphs.slice(at, at + length);
    if (run.every((g) => Math.abs(g.y - run[0].y) < 0.01) && glyphs[at + length]?.y === run[0].y)
      return { text, glyphs: run };
  }
  throw new Error(`no unique one-line stretch of ${length} in ${paragraph.slice(0, 20)}…`);
}

/** The glyphs' box in PDF space: from the first origin to the next glyph's, baseline −0.15 em to +0.85 em. */
function boxOf(run: PdfGlyph[]): [number, number, number, number] {
  const last = run[run.length - 1];
  const next = glyphs[glyphs.indexOf(last) + 1];
  const x1 = next && next.y === last.y ? next.x : last.x + last.size;
  return [run[0].x, run[0].y - 0.15 * run[0].size, x1, run[0].y + 0.85 * run[0].size];
}

const quad = ([x0, y0, x1, y1]: number[]) => [x0, y1, x1, y1, x0, y0, x1, y0];
const text = (s: string) => PDFHexString.fromText(s);

beforeAll(async () => {
  expect((await run('sample', '-o', 'ed.folio')).code).toBe(0);
  const { edition, assets } = await readFolio(file('ed.folio'));
  const stories = Object.values(edition.stories).sort((a, b) => b.blocks.length - a.blocks.length);
  const lead = stories[0];
  const block = lead.blocks.findIndex((b) => b.type === 'body');
  let e = applyOperation(edition, { type: 'set_review_settings', props: { trackChanges: true } }).edition;
  e = trackOperations(e, [{ type: 'remove_text', storyId: lead.id, block, offset: 2, length: 2 }], {
    stamp: WANG,
  }).edition;
  e = applyOperation(
    e,
    addNoteOp(
      e,
      { kind: 'text', storyId: lead.id, from: { block, offset: 6 }, to: { block, offset: 9 } },
      '核实',
      WANG,
    ),
  ).edition;
  await writeFolio(file('ed.folio'), e, assets);
  before = e;
  expect((await run('export', 'ed.folio', '--preset', 'proof', '--notes', '-o', 'proof.pdf')).code).toBe(0);

  const proof = readFileSync(file('proof.pdf'));
  glyphs = (await readGlyphs(proof))[0].glyphs;
  pageText = glyphs.map((g) => g.unicode).join('');
  // The words, from the second-longest story's body (no tracked changes there), as a reviewer would pick them.
  const paragraphs = stories[1].blocks.filter((b) => b.type === 'body').map(blockText);
  const highlight = findOnLine(paragraphs[0], 4);
  const strike = findOnLine(paragraphs[0], 2, paragraphs[0].indexOf(highlight.text) + 8);
  const sticky = findOnLine(paragraphs[1] ?? paragraphs[0], 1, 3);
  const caret = findOnLine(paragraphs[paragraphs.length - 1], 3, 2);
  const replaced = findOnLine(
    paragraphs[paragraphs.length - 1],
    2,
    paragraphs[paragraphs.length - 1].indexOf(caret.text) + 6,
  );
  targets['请核实这几个字'] = highlight.text;
  targets.strike = strike.text;
  targets['此处有误'] = sticky.text;
  targets.caret = caret.text.slice(0, 1);
  targets.replaced = replaced.text;

  const pdf = await PDFDocument.load(proof);
  const page = pdf.getPage(0);
  const ctx = pdf.context;
  const common = {
    Type: 'Annot',
    T: text('张编辑'),
    M: PDFString.fromDate(REVIEW_TIME),
    C: [0.1, 0.6, 0.2],
    F: 4,
  };
  const add = (dict: Record<string, unknown>): PDFRef => {
    const ref = ctx.register(ctx.obj({ ...common, ...dict } as never));
    page.node.addAnnot(ref);
    return ref;
  };
  const hb = boxOf(highlight.glyphs);
  add({ Subtype: 'Highlight', Rect: hb, QuadPoints: quad(hb), Contents: text('请核实这几个字') });
  const sb = boxOf(strike.glyphs);
  add({ Subtype: 'StrikeOut', Rect: sb, QuadPoints: quad(sb) });
  // A sticky note whose icon's corner is on the character.
  const [kx0, , , ky1] = boxOf(sticky.glyphs);
  const note = add({
    Subtype: 'Text',
    Rect: [kx0 + 2, ky1 - 24, kx0 + 22, ky1 - 4],
    Contents: text('此处有误'),
    Name: 'Comment',
  });
  add({
    Subtype: 'Text',
    Rect: [kx0 + 2, ky1 - 24, kx0 + 22, ky1 - 4],
    Contents: text('同意'),
    T: text('Li Editor'),
    IRT: note,
  });
  // Insert after the first character of the caret stretch: the caret sits on the edge between it and the next.
  const edge = caret.glyphs[1].x;
  const base = caret.glyphs[0].y;
  add({ Subtype: 'Caret', Rect: [edge - 3, base - 2, edge + 3, base + 5], Contents: text('的') });
  // Acrobat's "replace text": a caret with the new words and a strike-out grouped to it.
  const rb = boxOf(replaced.glyphs);
  const caretRef = add({
    Subtype: 'Caret',
    Rect: [rb[2] - 3, rb[1], rb[2] + 3, rb[1] + 7],
    Contents: text('新词'),
  });
  add({ Subtype: 'StrikeOut', Rect: rb, QuadPoints: quad(rb), IRT: caretRef, RT: 'Group' });
  // A text box in the top margin, on no text.
  add({
    Subtype: 'FreeText',
    Rect: [40, page.getHeight() - 14, 200, page.getHeight() - 2],
    Contents: text('版面留白太多'),
    DA: PDFString.of('/Helv 9 Tf 0 g'),
  });
  // A scribble: not a comment Folio imports.
  add({ Subtype: 'Ink', Rect: [300, 300, 320, 320], InkList: [[300, 300, 320, 320]] });
  writeFileSync(file('reviewed.pdf'), await pdf.save());
  untouched = [readFileSync(file('ed.folio')), readFileSync(file('reviewed.pdf'))];
});

function newNotes(edition: Edition): Note[] {
  const old = new Set(reviewOf(before).notes.map((n) => n.id));
  return reviewOf(edition).notes.filter((n) => !old.has(n.id));
}
const words = (edition: Edition, note: Note) =>
  note.anchor.kind === 'text'
    ? rangeText(edition, note.anchor.storyId, note.anchor.from, note.anchor.to)
    : null;

describe('folio comments --import', () => {
  let edition: Edition;
  let report = '';

  beforeAll(async () => {
    const { code, out, err } = await run(
      'comments',
      'ed.folio',
      '--import',
      'reviewed.pdf',
      '-o',
      'out.folio',
    );
    report = out;
    expect(err).toBe('');
    expect(code).toBe(0);
    edition = (await readFolio(file('out.folio'))).edition;
  });

  it('reports what was imported, where, and one line per skipped comment', () => {
    expect(report).toMatch(
      /^6 imported: 5 on text, 1 on page points; 1 reply; \d+ already in the edition; 1 skipped; wrote out\.folio$/m,
    );
    expect(report.split('\n').filter((l) => l.startsWith('skipped'))).toEqual([
      expect.stringMatching(/^skipped page 1: Ink by 张编辑: not a kind of comment Folio imports/),
    ]);
  });

  it('puts a highlight on the words it covers, with the reviewer, date and colour', () => {
    const note = newNotes(edition).find((n) => n.text === '请核实这几个字');
    expect(note && words(edition, note)).toBe(targets['请核实这几个字']);
    expect(note?.author).toBe('张编辑');
    expect(note?.time).toBe(REVIEW_TIME.toISOString());
    expect(note?.color).toBe('#1a9933');
  });

  it('makes a strike-out a note proposing to delete its words', () => {
    const note = newNotes(edition).find((n) => n.text === `删除“${targets.strike}”`);
    expect(note && words(edition, note)).toBe(targets.strike);
  });

  it('puts a sticky note on the character under its corner, with its reply', () => {
    const note = newNotes(edition).find((n) => n.text === '此处有误');
    expect(note && words(edition, note)).toBe(targets['此处有误']);
    expect(note?.replies.map((r) => [r.author, r.text])).toEqual([['Li Editor', '同意']]);
  });

  it('makes a caret a note proposing an insertion after the character before it', () => {
    const note = newNotes(edition).find((n) => n.text.includes('插入“的”'));
    expect(note?.text).toBe(`在“${targets.caret}”后插入“的”`);
    expect(note && words(edition, note)).toBe(targets.caret);
  });

  it('makes a caret with a grouped strike-out a replacement on the struck words', () => {
    const note = newNotes(edition).find((n) => n.text.startsWith('将'));
    expect(note?.text).toBe(`将“${targets.replaced}”改为“新词”`);
    expect(note && words(edition, note)).toBe(targets.replaced);
  });

  it('puts a text box that hits no text on its page point', () => {
    const note = newNotes(edition).find((n) => n.text === '版面留白太多');
    expect(note?.anchor).toMatchObject({ kind: 'page', pageId: edition.pages[0].id, x: 40 });
    expect(note?.anchor.kind === 'page' && note.anchor.y).toBeCloseTo(2, 0);
  });

  it('does not import the proof’s own notes, replies and change markup again', () => {
    expect(reviewOf(edition).notes.filter((n) => n.text === '核实')).toHaveLength(1);
    expect(newNotes(edition).every((n) => n.author === '张编辑')).toBe(true);
  });

  it('adds nothing when the same PDF is imported again', async () => {
    const again = await run('comments', 'out.folio', '--import', 'reviewed.pdf', '-o', 'again.folio');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /^0 imported: 0 on text, 0 on page points; \d+ already in the edition; 1 skipped/m,
    );
    const twice = (await readFolio(file('again.folio'))).edition;
    expect(reviewOf(twice).notes).toHaveLength(reviewOf(edition).notes.length);
  });
});

describe('folio comments --import refuses bad input with one line, exit 2, nothing written', () => {
  async function refused(pdf: string, pattern: RegExp, folio = 'ed.folio') {
    const { code, err, out } = await run('comments', folio, '--import', pdf, '-o', 'bad.folio');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(pattern);
    expect(existsSync(file('bad.folio'))).toBe(false);
  }

  it('a file that is not a PDF', async () => {
    writeFileSync(file('notes.txt'), 'just some notes\n');
    await refused('notes.txt', /notes\.txt is not a PDF file/);
  });

  it('a damaged PDF', async () => {
    const bytes = readFileSync(file('reviewed.pdf'));
    writeFileSync(file('damaged.pdf'), Buffer.concat([bytes.subarray(0, 400), Buffer.alloc(2000, 0x41)]));
    await refused('damaged.pdf', /damaged\.pdf is damaged and cannot be read as a PDF/);
  });

  it('a missing PDF', async () => {
    await refused('nowhere.pdf', /nowhere\.pdf: no such file/);
  });

  it('a proof of another edition', async () => {
    const { edition, assets } = await readFolio(file('ed.folio'));
    await writeFolio(file('other.folio'), { ...edition, id: 'another-edition' }, assets);
    await refused(
      'reviewed.pdf',
      /reviewed\.pdf is a proof of another edition, not of other\.folio/,
      'other.folio',
    );
  });

  it('a proof whose page size is not the edition’s', async () => {
    const { edition, assets } = await readFolio(file('ed.folio'));
    const pages = edition.pages.map((p) => ({
      ...p,
      size: { width: p.size.width - 100, height: p.size.height },
    }));
    await writeFolio(file('narrow.folio'), { ...edition, pages }, assets);
    await refused(
      'reviewed.pdf',
      /page 1 of reviewed\.pdf is [\d.]+ × [\d.]+ pt and page 1 of narrow\.folio/,
      'narrow.folio',
    );
  });

  it('and after every import, the edition and the PDF are as they were', () => {
    expect(readFileSync(file('ed.folio')).equals(untouched[0])).toBe(true);
    expect(readFileSync(file('reviewed.pdf')).equals(untouched[1])).toBe(true);
  });
});
