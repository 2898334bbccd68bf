/**
 * Reading order and structure: the PDF gives its text story by story
 * (pdf.js and `pdftotext -raw` follow the content stream, which writes each
 * story's text together, in reading order); the Proof is a tagged PDF whose
 * structure tree (Document → Art → H1 / H2 / P, Figure with Alt from its
 * caption) covers every marked-content sequence once, with a ParentTree
 * that maps them back; both presets carry one article thread per story,
 * with a bead per frame in thread order; Press stays PDF/X-1a.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../../shared/model/types';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions, type ExportPreset } from '../../../main/pdf/options';
import { composeForExport } from '../../../main/pdf/pipeline';
import { loadSampleEdition } from '../../../main/sample';
import { composedFixture } from './fixtures/composed-edition';
import { popplerText, readObjects, type PdfObject } from './helpers/read-pdf';
import { defaultModeReading } from './helpers/pdf-facts';

interface Subject {
  edition: Edition;
  assets: AssetBytes;
  list: DisplayList;
}

async function exportTo(
  subject: Subject,
  preset: ExportPreset,
): Promise<{ bytes: Uint8Array; path: string }> {
  const bytes = await renderPdf({
    edition: subject.edition,
    displayList: subject.list,
    assets: subject.assets,
    options: resolveOptions({ preset, marks: false, exportedAt: new Date('2026-01-01') }),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-order-')), `${preset}.pdf`);
  writeFileSync(path, bytes);
  return { bytes, path };
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Each story's text as the display list sets it (the lines of its frames in thread order). */
function storyTexts(subject: Subject): Map<string, string> {
  const byFrame = new Map<string, string>();
  for (const page of subject.list.pages) {
    for (const item of page.items) {
      if (item.kind === 'text' && item.storyId)
        byFrame.set(item.frameId, item.lines.map((l) => l.text).join(''));
    }
  }
  const texts = new Map<string, string>();
  for (const story of Object.values(subject.edition.stories)) {
    const text = squash(story.thread.map((id) => byFrame.get(id) ?? '').join(''));
    if (text) texts.set(story.id, text);
  }
  return texts;
}

/** pdf.js's text of every page, as a viewer's copy, search and text layer see it. */
async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  return text;
}

let sample: Subject;
beforeAll(async () => {
  const { edition, assets } = await loadSampleEdition();
  sample = { edition, assets, list: await composeForExport(edition) };
});

describe.each(['press', 'proof'] as const)('%s: the text comes out story by story', (preset) => {
  it('pdftotext -raw and pdf.js give each of the sample’s stories as one contiguous piece, in order', async () => {
    const { bytes, path } = await exportTo(sample, preset);
    const raw = squash(popplerText(path, ['-raw']));
    const viewer = squash(await pdfjsText(bytes));
    const texts = storyTexts(sample);
    expect(texts.size).toBeGreaterThan(8);
    for (const [storyId, text] of texts) {
      expect(raw.includes(text), `pdftotext -raw: story ${storyId}`).toBe(true);
      expect(viewer.includes(text), `pdf.js: story ${storyId}`).toBe(true);
    }
  });

  it('pdftotext in its default mode keeps every line inside one column of one story', async () => {
    // Poppler rebuilds lines and blocks from geometry: a squeezed comma's glyph reaching into a
    // one-em gutter, or a squeezed opening quote's starting before its column, joined the lines of
    // neighbouring columns into one (set-boxes.ts). Which story it then reads first is poppler's own
    // block order (docs/pdf.md); the export bench counts the stories it gives whole.
    const { path } = await exportTo(sample, preset);
    const reading = defaultModeReading(path, storyTexts(sample));
    expect(reading.lines).toBeGreaterThan(300);
    expect(reading.mixedLines).toEqual([]);
  });
});

/** Object dictionaries by id, and a reader for `/Key n 0 R` references. */
function objectsOf(bytes: Uint8Array): Map<number, PdfObject> {
  return new Map(readObjects(bytes).map((o) => [o.id, o]));
}
const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
const refOf = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};
/** The value of `/Key [...]` (one level of brackets). */
const arrayOf = (dict: string, key: string) => new RegExp(`/${key} \\[([^\\]]*)\\]`).exec(dict)?.[1] ?? null;

describe('proof: a tagged PDF', () => {
  let bytes: Uint8Array;
  let objects: Map<number, PdfObject>;
  beforeAll(async () => {
    ({ bytes } = await exportTo(sample, 'proof'));
    objects = objectsOf(bytes);
  });

  it('has MarkInfo /Marked true, a StructTreeRoot and the edition’s language', () => {
    const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
    expect(catalog?.dict).toMatch(/\/MarkInfo/);
    const markInfo = objects.get(refOf(catalog?.dict ?? '', 'MarkInfo') ?? -1);
    expect(markInfo?.dict).toMatch(/\/Marked true/);
    expect(catalog?.dict).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog?.dict).toMatch(/\/Lang \(zh-Hans\)/);
  });

  it('pdf.js reads the structure tree: Document, one Art per article in reading order, headings first, figures with their captions as Alt', async () => {
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const tree = (await page.getStructTree()) as unknown as StructNode;
    await doc.destroy();
    const [document] = tree.children as StructNode[];
    expect(document.role).toBe('Document');
    const arts = (document.children as StructNode[]).filter((c) => c.role === 'Art');
    // The banner, the lead story and six more articles; folio lines are artifacts, captions belong to figures.
    expect(arts).toHaveLength(8);
    // The lead story: headline, byline, body and section heads — the article with the most parts.
    const lead = arts.reduce((a, b) => ((b.children?.length ?? 0) > (a.children?.length ?? 0) ? b : a));
    for (const art of arts) {
      const roles = (art.children ?? []).map((c) => c.role);
      expect(roles.every((r) => ['H1', 'H2', 'P', 'Figure'].includes(r as string))).toBe(true);
      expect(roles).toContain('H1');
    }
    const figures = arts.flatMap((a) => (a.children ?? []).filter((c) => c.role === 'Figure'));
    expect(figures.map((f) => f.alt).sort()).toEqual(['外立面幕墙有序安装', '志愿者向居民发放宣传单']);
    for (const figure of figures) expect(figure.children?.some((c) => c.role === 'Caption')).toBe(true);
    // Reading order: the banner, then the lead story, then the stories below it.
    const firstHeadline = (art: StructNode) => (art.children ?? []).find((c) => c.role === 'H1');
    expect(firstHeadline(arts[0])).toBeDefined();
    expect(arts.indexOf(lead)).toBe(1);
  });

  it('marks every piece of page content once: each MCID in the content stream is in the tree and in the ParentTree', () => {
    const page = [...objects.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
    const content = objects.get(refOf(page.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    const mcids = [...content.matchAll(/<<\/MCID (\d+)>> BDC/g)].map((m) => Number(m[1]));
    expect(mcids.length).toBeGreaterThan(50);
    expect(new Set(mcids).size).toBe(mcids.length);
    expect(mcids).toEqual(mcids.map((_, i) => i));
    // Every BDC and BMC is closed.
    expect((content.match(/ BDC|\bBMC\b/g) ?? []).length).toBe((content.match(/\bEMC\b/g) ?? []).length);
    // The ParentTree's array for this page names, at index n, the element whose K holds MCID n.
    const key = Number(/\/StructParents (\d+)/.exec(page.dict)?.[1]);
    const root = [...objects.values()].find((o) => /\/Type \/StructTreeRoot/.test(o.dict))!;
    const nums = /\/Nums \[([\s\S]*)\]/.exec(root.dict)?.[1] ?? '';
    const entry = new RegExp(`(?:^|\\s)${key} \\[([^\\]]*)\\]`).exec(nums)?.[1] ?? '';
    const parents = refs(entry);
    expect(parents).toHaveLength(mcids.length);
    parents.forEach((id, mcid) => {
      const element = objects.get(id)?.dict ?? '';
      const kids = arrayOf(element, 'K') ?? '';
      const direct = kids.replace(/<<[^>]*>>/g, ' ').replace(/\d+ 0 R/g, ' ');
      const listed =
        direct.split(/\s+/).filter(Boolean).map(Number).includes(mcid) || kids.includes(`/MCID ${mcid}`);
      expect(listed, `MCID ${mcid} in element ${id}`).toBe(true);
    });
  });

  it('marks rules, boxes and folio lines as artifacts', () => {
    const page = [...objects.values()].find((o) => /\/Type \/Page\b/.test(o.dict))!;
    const content = objects.get(refOf(page.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    expect(content).toMatch(/\/Artifact BMC\n[^\n]* l S Q\n/); // a rule
    // The folio lines (报眉) are text marked as artifacts inside their text object.
    expect(content).toMatch(/BT\n\/Artifact BMC\n/);
  });
});

interface StructNode {
  role?: string;
  alt?: string;
  children?: (StructNode & { type?: string; id?: string })[];
}

describe('article threads', () => {
  it('one thread per article of the sample, in both presets; Press has no structure tree and stays PDF 1.3', async () => {
    for (const preset of ['press', 'proof'] as const) {
      const { bytes } = await exportTo(sample, preset);
      const objects = objectsOf(bytes);
      const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
      const threads = refs(arrayOf(catalog.dict, 'Threads') ?? '');
      expect(threads).toHaveLength(8);
      if (preset === 'press') {
        expect(Buffer.from(bytes).subarray(0, 8).toString()).toBe('%PDF-1.3');
        expect(catalog.dict).not.toMatch(/StructTreeRoot|MarkInfo/);
        expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/GTS_PDFXVersion/);
      }
    }
  });

  it('a story threaded through frames on two pages is one thread whose beads follow its frames, page to page', async () => {
    const { edition, assets } = await composedFixture(2);
    // The lead story of page 1 runs on into page 2's body frame.
    edition.stories['lead-0'].thread = ['body-0', 'body-1'];
    const more = edition.stories['lead-1'].blocks;
    edition.stories['lead-0'].blocks.push(...more, ...structuredClone(more), ...structuredClone(more));
    delete edition.stories['lead-1'];
    const list = await composeForExport(edition);
    const onPage2 = list.pages[1].items.find((i) => i.kind === 'text' && i.frameId === 'body-1');
    expect(onPage2 && onPage2.kind === 'text' && onPage2.lines.length).toBeGreaterThan(0);
    const { bytes } = await exportTo({ edition, assets, list }, 'press');
    const objects = objectsOf(bytes);
    const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
    const threads = refs(arrayOf(catalog.dict, 'Threads') ?? '').map((id) => objects.get(id)!);
    const lead = threads.find((t) => /\/Title \(Lead 1\)/.test(t.dict))!;
    expect(lead).toBeDefined();
    // Walk the ring from the first bead.
    const first = refOf(lead.dict, 'F')!;
    const beads: PdfObject[] = [];
    let at: number | null = first;
    do {
      const bead: PdfObject = objects.get(at as number)!;
      beads.push(bead);
      at = refOf(bead.dict, 'N');
    } while (at !== first && beads.length < 10);
    expect(beads).toHaveLength(2);
    const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
    expect(beads.map((b) => refOf(b.dict, 'P'))).toEqual(pages.map((p) => p.id));
    // Each page lists its beads.
    for (const page of pages) expect(refs(arrayOf(page.dict, 'B') ?? '').length).toBeGreaterThan(0);
    // One thread per story with text: the multi-frame lead story once, not once per frame.
    const titles = threads.map((t) => /\/Title \(([^)]*)\)/.exec(t.dict)?.[1]);
    expect(titles.filter((t) => t === 'Lead 1')).toHaveLength(1);
  });
});
