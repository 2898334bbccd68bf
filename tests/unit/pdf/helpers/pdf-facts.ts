/**
 * Facts about an exported PDF that a prepress operator or a reader checks,
 * read from the file itself (its objects and content streams, and poppler's
 * pdftotext), for the tests and the export bench: how each photo is stored
 * and at what effective resolution it prints, how many font programs there
 * are, whether the structure tree, article threads and PDF/X keys are
 * there, and how pdftotext's default mode reads the stories.
 */
import type { DisplayList } from '../../../../shared/layout/display-list';
import type { Edition } from '../../../../shared/model/types';
import { popplerText, readObjects, type PdfObject } from './read-pdf';

export interface ImageFacts {
  /** Image XObjects in the file. */
  stored: number;
  /** Image XObjects drawn (a `Do` of one in a page's content), counted once per drawing. */
  placements: number;
  /** Effective resolution of each drawing: stored pixels over printed inches, the lower axis. */
  ppi: number[];
}

export interface PdfFacts {
  images: ImageFacts;
  /** Embedded font programs (FontFile2/FontFile3) and the distinct faces they are (FontName without its subset tag). */
  fontPrograms: number;
  fontFaces: number;
  /** Structure elements by type (S), when there is a StructTreeRoot. */
  structure: Map<string, number> | null;
  /** Figures whose Alt text is not empty. */
  figuresWithAlt: number;
  /** Article threads (the catalog's Threads). */
  threads: number;
  /** PDF/X-1a:2001 version keys and a GTS_PDFX output intent, PDF 1.3. */
  pdfx: boolean;
}

const refsIn = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

export function pdfFacts(bytes: Uint8Array): PdfFacts {
  const objects = new Map(readObjects(bytes).map((o) => [o.id, o]));
  const all = [...objects.values()];
  const images = new Map<number, PdfObject>(
    all.filter((o) => /\/Subtype \/Image/.test(o.dict)).map((o) => [o.id, o]),
  );
  const ppi: number[] = [];
  for (const page of all.filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const xobjects = xobjectNames(page, objects);
    const contents = refsIn(/\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '');
    for (const id of contents) {
      const stream = objects.get(id)?.stream?.toString('latin1') ?? '';
      for (const m of stream.matchAll(/([-\d.]+) [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ cm \/(\w+) Do/g)) {
        const image = images.get(xobjects.get(m[3]) ?? -1);
        if (!image) continue;
        const width = Number(/\/Width (\d+)/.exec(image.dict)?.[1]);
        const height = Number(/\/Height (\d+)/.exec(image.dict)?.[1]);
        ppi.push(Math.min((width * 72) / Math.abs(Number(m[1])), (height * 72) / Math.abs(Number(m[2]))));
      }
    }
  }
  const programs = all.filter((o) => /\/FontFile[23]? \d+ 0 R/.test(o.dict));
  const faces = new Set(programs.map((o) => /\/FontName \/(?:[A-Z]{6}\+)?([^\s/>]+)/.exec(o.dict)?.[1]));
  const root = all.find((o) => /\/Type \/StructTreeRoot/.test(o.dict));
  let structure: Map<string, number> | null = null;
  let figuresWithAlt = 0;
  if (root) {
    structure = new Map();
    for (const element of all.filter((o) => /\/Type \/StructElem/.test(o.dict))) {
      const type = /\/S \/(\w+)/.exec(element.dict)?.[1] ?? '?';
      structure.set(type, (structure.get(type) ?? 0) + 1);
      if (type === 'Figure' && /\/Alt \((?!\))/.test(element.dict)) figuresWithAlt++;
    }
  }
  const catalog = all.find((o) => /\/Type \/Catalog/.test(o.dict));
  const threads = refsIn(/\/Threads \[([^\]]*)\]/.exec(catalog?.dict ?? '')?.[1] ?? '').length;
  const info = all.find((o) => /\/GTS_PDFXVersion/.test(o.dict))?.dict ?? '';
  // Info values may be written inline or as indirect objects.
  const value = (key: string) => {
    const m = new RegExp(`/${key} (?:(\\d+) 0 R|\\(([^)]*)\\))`).exec(info);
    return m
      ? (m[2] ??
          objects
            .get(Number(m[1]))
            ?.dict.trim()
            .replace(/^\(|\)$/g, ''))
      : undefined;
  };
  const pdfx =
    Buffer.from(bytes).subarray(0, 8).toString('latin1') === '%PDF-1.3' &&
    value('GTS_PDFXVersion') === 'PDF/X-1:2001' &&
    value('GTS_PDFXConformance') === 'PDF/X-1a:2001' &&
    all.some((o) => /\/S \/GTS_PDFX/.test(o.dict));
  return {
    images: { stored: images.size, placements: ppi.length, ppi },
    fontPrograms: programs.length,
    fontFaces: faces.size,
    structure,
    figuresWithAlt,
    threads,
    pdfx,
  };
}

/** A page's XObject resource names → object ids (inline or referenced Resources and XObject dictionaries). */
function xobjectNames(page: PdfObject, objects: Map<number, PdfObject>): Map<string, number> {
  let resources = page.dict;
  const ref = /\/Resources (\d+) 0 R/.exec(page.dict);
  if (ref) resources = objects.get(Number(ref[1]))?.dict ?? '';
  let xobject = /\/XObject <<([^>]*)>>/.exec(resources)?.[1] ?? '';
  const xref = /\/XObject (\d+) 0 R/.exec(resources);
  if (xref) xobject = objects.get(Number(xref[1]))?.dict ?? '';
  return new Map([...xobject.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
}

export interface DefaultModeReading {
  /** Stories (with text on the pages) whose whole text pdftotext's default mode gives as one piece. */
  whole: string[];
  stories: number;
  /** Lines of its output, and those that are not inside one story's text (columns or stories joined). */
  lines: number;
  mixedLines: string[];
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Each story's text as the display list sets it: its frames' lines in thread order, whitespace left out. */
export function storyTexts(edition: Edition, list: DisplayList): Map<string, string> {
  const byFrame = new Map<string, string>();
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind === 'text' && item.storyId)
        byFrame.set(item.frameId, (byFrame.get(item.frameId) ?? '') + item.lines.map((l) => l.text).join(''));
    }
  }
  const texts = new Map<string, string>();
  for (const story of Object.values(edition.stories)) {
    const text = squash(story.thread.map((id) => byFrame.get(id) ?? '').join(''));
    if (text) texts.set(story.id, text);
  }
  return texts;
}

/** How `pdftotext` (default mode: poppler rebuilds blocks and their order from geometry) reads the stories. */
export function defaultModeReading(path: string, texts: Map<string, string>): DefaultModeReading {
  const output = popplerText(path);
  const text = squash(output);
  const lines = output.split('\n').map(squash).filter(Boolean);
  const stories = [...texts.values()];
  return {
    whole: [...texts].filter(([, t]) => text.includes(t)).map(([id]) => id),
    stories: texts.size,
    lines: lines.length,
    mixedLines: lines.filter((line) => !stories.some((t) => t.includes(line))),
  };
}
