/**
 * What a proof PDF says about itself, so comments a reviewer adds to it can
 * be brought back onto the edition it was made from: the edition's id,
 * which view was painted (final, or markup with deleted text put back),
 * where each edition page sits on each PDF sheet, and a fingerprint of the
 * composed text (to tell whether the edition changed since). The PDF
 * painter writes these as custom keys of the document Info dictionary,
 * which PDF readers keep when they save annotations.
 */
import type { DisplayList } from '../layout/display-list';
import type { Id } from '../model/types';

export const PROOF_INFO_KEYS = {
  edition: 'FolioEdition',
  view: 'FolioView',
  sheets: 'FolioSheets',
  text: 'FolioText',
} as const;

/** One edition page on a PDF sheet: zero-based page index and its trim origin on the sheet (y down, points). */
export interface SheetPage {
  page: number;
  x: number;
  y: number;
}

export interface ProofIdentity {
  editionId: Id;
  view: 'final' | 'markup';
  /** Per PDF page (sheet), the edition pages on it. */
  sheets: SheetPage[][];
  /** Fingerprint of the painted text and its positions (proofFingerprint). */
  text: string;
}

/** `[[page, x, y], …]` per sheet: compact, and one string value in Info. */
export function encodeSheets(sheets: SheetPage[][]): string {
  return JSON.stringify(sheets.map((s) => s.map((p) => [p.page, round(p.x), round(p.y)])));
}

/** The sheets of encodeSheets, or null when the value is not one. */
export function decodeSheets(value: unknown): SheetPage[][] | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return null;
    const sheets: SheetPage[][] = [];
    for (const sheet of parsed) {
      if (!Array.isArray(sheet)) return null;
      const pages: SheetPage[] = [];
      for (const entry of sheet) {
        if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((n) => Number.isFinite(n)))
          return null;
        const [page, x, y] = entry as number[];
        if (!Number.isInteger(page) || page < 0) return null;
        pages.push({ page, x, y });
      }
      sheets.push(pages);
    }
    return sheets;
  } catch {
    return null;
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * FNV-1a over every painted line of the given pages (its story, range,
 * text and position to 0.1 pt): the same edition composed the same way
 * gives the same value, any edit that moves or changes text another.
 */
export function proofFingerprint(list: DisplayList, pages: number[]): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const index of pages) {
    const page = list.pages[index];
    if (!page) continue;
    feed(`#${index}:${round(page.width)}x${round(page.height)}`);
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      for (const line of item.lines)
        feed(
          `|${line.storyId}:${line.block}:${line.start}-${line.end}@${line.x.toFixed(1)},${line.y.toFixed(1)}:${line.text}`,
        );
    }
  }
  return hash.toString(16).padStart(8, '0');
}
