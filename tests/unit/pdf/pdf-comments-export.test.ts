/**
 * `folio export --preset proof --notes`: notes as PDF comments and tracked
 * changes as markup, read back with pdf.js as a reviewer's reader sees them
 * — sticky notes with author, text, date, colour and replies, highlights
 * and strike-outs over exactly the words (the glyphs pdf.js finds inside
 * each QuadPoints box are the note's or the change's words).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio, writeFolio } from '../../../main/storage';
import { applyOperation, blockText } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import { addNoteOp, makeStamp, replyOp, trackOperations } from '../../../shared/review';
import { readGlyphs } from './helpers/read-pdf';

const dir = mkdtempSync(join(tmpdir(), 'folio-comments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const WANG = makeStamp({ name: '王校对', color: '#c0392b' }, new Date('2024-05-01T09:30:00Z'));
const LI = makeStamp({ name: 'Li Editor', color: '#2471a3' }, new Date('2024-05-01T10:15:00Z'));
let noted = '';
let deleted = '';
let inserted = '';

interface Annotation {
  id: string;
  subtype: string;
  rect: number[];
  quadPoints?: Float32Array | number[];
  titleObj?: { str: string };
  contentsObj?: { str: string };
  modificationDate?: string | null;
  color?: Uint8ClampedArray | null;
  inReplyTo?: string;
  replyType?: string;
}

let annotations: Annotation[] = [];
let glyphs: { unicode: string; x: number; y: number }[] = [];
let custom: Record<string, unknown> = {};

beforeAll(async () => {
  expect((await run('sample', '-o', 'ed.folio')).code).toBe(0);
  const { edition, assets } = await readFolio(join(dir, 'ed.folio'));
  const lead = Object.values(edition.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0];
  const storyId = lead.id;
  const body = lead.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.type === 'body');
  const first = body[0].i;
  const second = body[1].i;
  noted = blockText(lead.blocks[first]).slice(4, 8);
  deleted = blockText(lead.blocks[second]).slice(2, 4);
  inserted = '新增';
  let e = applyOperation(edition, { type: 'set_review_settings', props: { trackChanges: true } }).edition;
  e = trackOperations(
    e,
    [
      { type: 'remove_text', storyId, block: second, offset: 2, length: 2 },
      { type: 'insert_text', storyId, block: second, offset: 10, text: inserted },
    ],
    { stamp: WANG },
  ).edition;
  e = applyOperation(
    e,
    addNoteOp(
      e,
      { kind: 'text', storyId, from: { block: first, offset: 4 }, to: { block: first, offset: 8 } },
      '核实人名',
      WANG,
      'note-words',
    ),
  ).edition;
  e = applyOperation(e, replyOp(e, 'note-words', 'Checked with the reporter', LI, 'reply-1')).edition;
  e = applyOperation(
    e,
    addNoteOp(e, { kind: 'page', pageId: e.pages[0].id, x: 100, y: 200 }, '版面留白太多', WANG, 'note-page'),
  ).edition;
  await writeFolio(join(dir, 'ed.folio'), e, assets);

  const exported = await run('export', 'ed.folio', '--preset', 'proof', '--notes', '-o', 'proof.pdf');
  // Preflight's warning about the pending changes is expected; nothing else.
  expect(exported.err.split('\n').filter((l) => l && !l.includes('[pending-changes]'))).toEqual([]);
  expect(exported.code).toBe(0);
  expect(exported.out).toMatch(/with notes and changes/);
  const bytes = readFileSync(join(dir, 'proof.pdf'));
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const page = await doc.getPage(1);
  annotations = (await page.getAnnotations()) as Annotation[];
  custom = ((await doc.getMetadata()).info as { Custom?: Record<string, unknown> }).Custom ?? {};
  await doc.destroy();
  glyphs = (await readGlyphs(bytes))[0].glyphs;
});

/** The characters whose glyph origin lies inside the QuadPoints boxes, in order. */
function wordsUnder(quads: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < quads.length; i += 8) {
    const xs = [quads[i], quads[i + 2], quads[i + 4], quads[i + 6]];
    const ys = [quads[i + 1], quads[i + 3], quads[i + 5], quads[i + 7]];
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    parts.push(
      glyphs
        .filter((g) => g.x >= x0 - 0.01 && g.x < x1 - 0.01 && g.y > y0 && g.y < y1)
        .sort((a, b) => a.x - b.x)
        .map((g) => g.unicode)
        .join(''),
    );
  }
  return parts.join('');
}

const byType = (subtype: string) => annotations.filter((a) => a.subtype === subtype);

describe('folio export --preset proof --notes', () => {
  it('writes each note as a sticky note with author, text, date and colour', () => {
    const sticky = byType('Text').find((a) => a.contentsObj?.str === '核实人名');
    expect(sticky, JSON.stringify(byType('Text').map((a) => a.contentsObj?.str))).toBeDefined();
    expect(sticky?.titleObj?.str).toBe('王校对');
    expect(sticky?.modificationDate).toBe('D:20240501093000Z');
    expect(Array.from(sticky?.color ?? [])).toEqual([192, 57, 43]);
    expect(sticky?.inReplyTo).toBeUndefined();
  });

  it('writes replies as sticky notes in reply to the note', () => {
    const sticky = byType('Text').find((a) => a.contentsObj?.str === '核实人名');
    const reply = byType('Text').find((a) => a.contentsObj?.str === 'Checked with the reporter');
    expect(reply?.titleObj?.str).toBe('Li Editor');
    expect(reply?.inReplyTo).toBe(sticky?.id);
    expect(reply?.replyType).toBe('R');
  });

  it('highlights exactly the words the note is on, grouped with its sticky note', () => {
    const sticky = byType('Text').find((a) => a.contentsObj?.str === '核实人名');
    const highlight = byType('Highlight')[0];
    expect(highlight).toBeDefined();
    expect(wordsUnder(highlight.quadPoints ?? [])).toBe(noted);
    expect(highlight.inReplyTo).toBe(sticky?.id);
    expect(highlight.replyType).toBe('Group');
  });

  it('strikes out the deleted words (shown in the markup view) and underlines the inserted ones', () => {
    const strike = byType('StrikeOut');
    expect(strike).toHaveLength(1);
    expect(wordsUnder(strike[0].quadPoints ?? [])).toBe(deleted);
    expect(strike[0].titleObj?.str).toBe('王校对');
    expect(strike[0].contentsObj?.str).toBe(deleted);
    const underline = byType('Underline');
    expect(underline).toHaveLength(1);
    expect(wordsUnder(underline[0].quadPoints ?? [])).toBe(inserted);
    // The deleted words are painted (markup view), so the page text holds them.
    expect(glyphs.map((g) => g.unicode).join('')).toContain(deleted);
  });

  it('puts a page-point note at its point', async () => {
    const { edition } = await readFolio(join(dir, 'ed.folio'));
    const note = reviewOf(edition).notes.find((n) => n.id === 'note-page');
    const sticky = byType('Text').find((a) => a.contentsObj?.str === '版面留白太多');
    expect(note && sticky).toBeTruthy();
    const height = edition.pages[0].size.height;
    // The icon's top edge sits at the point and its 18 pt box is centred on the point's x
    // (pdf.js widens an icon without appearance to 22 pt from its left edge).
    expect(sticky?.rect[3]).toBeCloseTo(height - 200, 1);
    expect(sticky?.rect[0]).toBeCloseTo(100 - 9, 1);
  });

  it('says which edition and pages the proof shows', async () => {
    const { edition } = await readFolio(join(dir, 'ed.folio'));
    expect(custom.FolioEdition).toBe(edition.id);
    expect(custom.FolioView).toBe('markup');
    expect(JSON.parse(String(custom.FolioSheets))).toEqual([[[0, 0, 0]]]);
    expect(String(custom.FolioText)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses --notes on a press PDF with one line, exit 2', async () => {
    const { code, err } = await run('export', 'ed.folio', '--notes', '-o', 'press.pdf');
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/--notes goes with --preset proof/);
  });
});
