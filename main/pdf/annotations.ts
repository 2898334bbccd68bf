/**
 * Notes and tracked changes as PDF annotations (ISO 32000-1 §12.5.6), the
 * way a reviewer's PDF reader shows comments: each note a sticky note
 * (Text) at its margin marker with author (T), text (Contents), date (M,
 * CreationDate) and colour (C); its replies Text annotations in reply to it
 * (IRT); its words a Highlight over the same boxes the canvas highlights,
 * grouped with the sticky note (RT /Group) so readers treat the two as one
 * comment. Tracked changes are markup: insertions Underline, deletions (in
 * the markup view, where the deleted words are on the page) StrikeOut,
 * formatting changes Squiggly, in the author's colour.
 *
 * Positions come from the review marks on the display pages
 * (shared/review/decorations.ts), which are computed from the same glyph
 * positions the page painter paints. Every annotation has a name (NM)
 * `folio:<kind>:<id>`, so tools can tell Folio's own from a reviewer's.
 */
import type { DisplayPage, ReviewMark } from '../../shared/layout/display-list';
import type { Edition, Note, TrackedChange } from '../../shared/model/types';
import { blockText } from '../../shared/model/operations';
import { reviewOf } from '../../shared/model/review';
import { rangeText } from '../../shared/review/notes';
import type { DocInternals, PdfRef } from './pdfkit-internals';
import type { PlacedPage } from './sheet-layout';

/** Annotation flags: Print (4); sticky notes also NoZoom (8) and NoRotate (16), as readers make them. */
const PRINT = 4;
const STICKY_FLAGS = PRINT | 8 | 16;
/** The sticky note icon's box, in points. */
const ICON = 18;

type Box = [number, number, number, number];

/** Folio's name for one of its annotations (NM). */
export const annotationName = (kind: 'note' | 'reply' | 'highlight' | 'change', id: string): string =>
  `folio:${kind}:${id}`;

export class PdfAnnotations {
  /** Notes whose sticky note is already on an earlier sheet (one per note). */
  private readonly stickies = new Set<string>();
  count = 0;

  constructor(
    private readonly doc: DocInternals,
    /** The edition as saved: its notes, replies and changes (the painted edition may be the markup view's). */
    private readonly source: Edition,
  ) {}

  /** Writes the annotations of the pages on the current PDF page (a sheet of the given height). */
  addSheet(placed: PlacedPage[], sheetHeight: number): void {
    const page = this.doc.page.dictionary;
    const annots: PdfRef[] = [];
    for (const { page: display, x, y } of placed) {
      const toPdf = (px: number, py: number): [number, number] => [x + px, sheetHeight - (y + py)];
      for (const mark of display.review ?? [])
        annots.push(...this.markAnnotations(mark, display, toPdf, page));
    }
    if (annots.length === 0) return;
    const existing = (page.data.Annots as PdfRef[] | undefined) ?? [];
    page.data.Annots = [...existing, ...annots];
    this.count += annots.length;
  }

  private markAnnotations(
    mark: ReviewMark,
    display: DisplayPage,
    toPdf: (x: number, y: number) => [number, number],
    page: PdfRef,
  ): PdfRef[] {
    const review = reviewOf(this.source);
    if (mark.kind === 'note') {
      const note = review.notes.find((n) => n.id === mark.id);
      return note ? this.noteAnnotations(note, mark, display, toPdf, page) : [];
    }
    const change = review.changes.find((c) => c.id === mark.id);
    if (!change) return [];
    const subtype = mark.kind === 'insert' ? 'Underline' : mark.kind === 'delete' ? 'StrikeOut' : 'Squiggly';
    const quads = quadPoints(mark.rects, toPdf);
    if (!quads) return [];
    const ref = this.doc.ref({
      Type: 'Annot',
      Subtype: subtype,
      Rect: quads.box,
      QuadPoints: quads.points,
      P: page,
      NM: new String(annotationName('change', change.id)),
      T: new String(change.author),
      Contents: new String(this.changeWords(change)),
      M: new Date(change.time),
      CreationDate: new Date(change.time),
      C: rgb(change.color),
      F: PRINT,
    });
    ref.end();
    return [ref];
  }

  private noteAnnotations(
    note: Note,
    mark: ReviewMark,
    display: DisplayPage,
    toPdf: (x: number, y: number) => [number, number],
    page: PdfRef,
  ): PdfRef[] {
    const out: PdfRef[] = [];
    const common = {
      Type: 'Annot',
      P: page,
      T: new String(note.author),
      M: new Date(note.time),
      CreationDate: new Date(note.time),
      C: rgb(note.color),
    };
    let sticky: PdfRef | null = null;
    if (!this.stickies.has(note.id)) {
      this.stickies.add(note.id);
      // The icon where the canvas puts the note's marker, kept inside the page.
      const marker = mark.marker ?? { x: mark.rects[0]?.x ?? 0, y: mark.rects[0]?.y ?? 0 };
      const left = clamp(marker.x - ICON / 2, 0, display.width - ICON);
      const top = clamp(marker.y, 0, display.height - ICON);
      const [x0, y1] = toPdf(left, top);
      sticky = this.doc.ref({
        ...common,
        Subtype: 'Text',
        Rect: [x0, y1 - ICON, x0 + ICON, y1].map(round2),
        NM: new String(annotationName('note', note.id)),
        Contents: new String(note.text),
        Name: 'Comment',
        Open: false,
        F: STICKY_FLAGS,
      });
      sticky.end();
      out.push(sticky);
      for (const reply of note.replies) {
        const ref = this.doc.ref({
          ...common,
          Subtype: 'Text',
          Rect: [x0, y1 - ICON, x0 + ICON, y1].map(round2),
          NM: new String(annotationName('reply', reply.id)),
          T: new String(reply.author),
          Contents: new String(reply.text),
          M: new Date(reply.time),
          CreationDate: new Date(reply.time),
          C: rgb(reply.color),
          IRT: sticky,
          Name: 'Comment',
          Open: false,
          F: STICKY_FLAGS,
        });
        ref.end();
        out.push(ref);
      }
    }
    const quads = note.anchor.kind === 'text' ? quadPoints(mark.rects, toPdf) : null;
    if (quads) {
      const ref = this.doc.ref({
        ...common,
        Subtype: 'Highlight',
        Rect: quads.box,
        QuadPoints: quads.points,
        NM: new String(annotationName('highlight', note.id)),
        Contents: new String(note.text),
        // With its sticky note on this page: one comment in two parts.
        ...(sticky ? { IRT: sticky, RT: 'Group' } : {}),
        F: PRINT,
      });
      ref.end();
      out.push(ref);
    }
    return out;
  }

  private changeWords(change: TrackedChange): string {
    if (change.kind === 'delete') return change.content.map(blockText).join('\n');
    if (change.kind === 'paragraph') return '';
    return rangeText(this.source, change.storyId, change.from, change.to);
  }
}

/** QuadPoints over line boxes (upper-left, upper-right, lower-left, lower-right, as readers write them) and their bounding Rect. */
function quadPoints(
  rects: ReviewMark['rects'],
  toPdf: (x: number, y: number) => [number, number],
): { points: number[]; box: Box } | null {
  const points: number[] = [];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    if (r.width <= 0 || r.height <= 0) continue;
    const [x0, top] = toPdf(r.x, r.y);
    const [x1, bottom] = toPdf(r.x + r.width, r.y + r.height);
    points.push(x0, top, x1, top, x0, bottom, x1, bottom);
    box[0] = Math.min(box[0], x0);
    box[1] = Math.min(box[1], bottom);
    box[2] = Math.max(box[2], x1);
    box[3] = Math.max(box[3], top);
  }
  if (points.length === 0) return null;
  // The Rect must hold every quad (pdf.js drops QuadPoints that stick out): round outwards.
  return {
    points: points.map(round2),
    box: [floor2(box[0]), floor2(box[1]), ceil2(box[2]), ceil2(box[3])],
  };
}

function rgb(hex: string): number[] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [1, 0.85, 0];
  return [m[1], m[2], m[3]].map((h) => Math.round((parseInt(h, 16) / 255) * 1000) / 1000);
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const round2 = (v: number) => Math.round(v * 100) / 100;
const floor2 = (v: number) => Math.floor(v * 100) / 100;
const ceil2 = (v: number) => Math.ceil(v * 100) / 100;
