/**
 * What a composed story contributes to the display list besides its lines:
 * lines grouped per frame, the missing-glyph report with pages, the font
 * keys its runs use, and the face behind a key when no registry is at hand.
 */
import type { FontFaceRef, MissingGlyph, StoryReport } from '../display-list';
import type { ThreadFrame } from './thread';
import { storyPointAt } from './paragraphs';
import type { StoryFlow } from './story-flow';
import type { FrameLine } from './text-frame-item';

/** The parts of a composed story these helpers read. */
export interface ComposedStoryView {
  story: { id: string };
  frames: readonly ThreadFrame[];
  flow: StoryFlow;
}

/** A face reference made from a key like "NotoSerifSC-700" when no registry is at hand. */
export function faceFromKey(key: string): FontFaceRef {
  const match = /^(.*?)-(\d+)(i|italic)?$/i.exec(key);
  return {
    key,
    family: match ? match[1] : key,
    weight: match ? Number(match[2]) : 400,
    italic: match ? Boolean(match[3]) : false,
    file: key,
    unitsPerEm: 1000,
  };
}

export function emptyReport(storyId: string): StoryReport {
  return {
    storyId,
    charactersSet: 0,
    oversetCharacters: 0,
    oversetLines: 0,
    copyfitLines: 0,
    totalCharacters: 0,
  };
}

/** Placed lines grouped by the frame of the thread they went to. */
export function frameEntries(flow: StoryFlow, frameCount: number): FrameLine[][] {
  const entries: FrameLine[][] = Array.from({ length: frameCount }, () => []);
  for (const { paragraph, placement } of flow.placed) {
    for (const placed of placement.lines) entries[placed.frame]?.push({ paragraph, placed });
  }
  return entries;
}

export function sameEntries(
  a: readonly FrameLine[] | undefined,
  b: readonly FrameLine[] | undefined,
): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].placed !== b[i].placed) return false;
  return true;
}

export function collectFonts(flow: StoryFlow, keys: Set<string>): void {
  for (const { placement } of flow.placed) {
    let list = placement.fontKeys;
    if (!list) {
      const set = new Set<string>();
      for (const placed of placement.lines) for (const run of placed.line.runs) set.add(run.fontKey);
      list = [...set];
      placement.fontKeys = list;
    }
    for (const key of list) keys.add(key);
  }
}

/** Missing glyphs of a composed story, with the page each character went to (null: overset). */
export function collectMissing(composed: ComposedStoryView, out: MissingGlyph[]): void {
  const { flow } = composed;
  flow.placed.forEach(({ paragraph, placement }, index) => {
    const overset = flow.oversetMissing.filter((m) => m.paragraph === index);
    if (placement.missing.length === 0 && overset.length === 0) return;
    const seen = new Set<number>();
    const missing = [...placement.missing, ...overset].sort((a, b) => a.offset - b.offset);
    for (const { offset, codePoint } of missing) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const line = placement.lines.find((p) => offset >= p.line.start && offset < p.line.end);
      const point = storyPointAt(paragraph, offset);
      out.push({
        storyId: composed.story.id,
        block: point.block,
        offset: point.offset,
        codePoint,
        pageIndex: line ? composed.frames[line.frame].pageIndex : null,
      });
    }
  });
}
