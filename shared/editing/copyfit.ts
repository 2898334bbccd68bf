/**
 * Copyfit as the desk reads it while typing: how many characters the story
 * has, and per frame of its thread how many lines are short (room left) or
 * over (text that did not fit), from the display list alone.
 */
import type { Id } from '../model/types';
import type { DisplayList, DisplayTextFrame } from '../layout/display-list';
import { translate } from '../services/locales';

export interface FrameFit {
  frameId: Id;
  pageIndex: number;
  /** Lines set in this frame. */
  lines: number;
  /** Whole lines of room left at the foot of the frame's columns (at the frame's leading). */
  linesShort: number;
  /** Lines that did not fit (only the thread's last frame reports any). */
  linesOver: number;
}

export interface StoryFit {
  storyId: Id;
  characters: number;
  charactersSet: number;
  oversetCharacters: number;
  frames: FrameFit[];
  /** Same sign convention as StoryReport.copyfitLines: positive = short, negative = over. */
  copyfitLines: number;
  /**
   * Lines of room under each column of the frame the story ends in, as
   * painted (balanced columns: the same few under each); absent for a
   * one-column frame or an overset story.
   */
  columnsShort?: number[];
  /** Characters a typical full line of the story holds (0 when it has none): turns lines into 字 to add or cut. */
  charactersPerLine: number;
}

/** The distance between consecutive baselines most used in a frame (its body leading). */
function typicalLeading(frame: DisplayTextFrame): number | null {
  const gaps = new Map<number, number>();
  const byColumn = new Map<number, number[]>();
  for (const line of frame.lines) {
    if (line.generated) continue; // a jump line's leading is not the body's
    const ys = byColumn.get(line.column) ?? [];
    ys.push(line.y);
    byColumn.set(line.column, ys);
  }
  for (const ys of byColumn.values()) {
    ys.sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) {
      const gap = Math.round((ys[i] - ys[i - 1]) * 100) / 100;
      if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let count = 0;
  for (const [gap, n] of gaps) {
    if (n > count || (n === count && best !== null && gap < best)) {
      best = gap;
      count = n;
    }
  }
  if (best !== null) return best;
  const first = frame.lines[0];
  return first ? first.ascent + first.descent : null;
}

/** Lines of room left in a frame: the space under the last line of each column. */
function linesShortIn(frame: DisplayTextFrame, leading: number): number {
  let short = 0;
  frame.columns.forEach((column, index) => {
    const lines = frame.lines.filter((l) => l.column === index);
    const bottom = column.y + column.height;
    const used = lines.length ? Math.max(...lines.map((l) => l.y + l.descent)) : column.y;
    short += Math.max(0, Math.floor((bottom - used) / leading + 1e-6));
  });
  return short;
}

/** The characters of the story's typical full line: the median over its printed lines. */
function typicalLineCharacters(list: DisplayList, storyId: Id): number {
  const counts: number[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || item.storyId !== storyId || item.fromMaster) continue;
      for (const line of item.lines)
        if (!line.continuesLine && !line.generated) counts.push(line.end - line.start);
    }
  }
  if (counts.length === 0) return 0;
  counts.sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)];
}

/** Copyfit of one story; null when the story is not in the display list. */
export function storyFit(list: DisplayList, storyId: Id): StoryFit | null {
  const report = list.stories[storyId];
  const frames: FrameFit[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || item.storyId !== storyId || item.fromMaster) continue;
      const leading = typicalLeading(item);
      frames.push({
        frameId: item.frameId,
        pageIndex: page.index,
        // Story lines only: a jump line (转版) takes room but holds no copy.
        lines: item.lines.reduce((n, l) => (l.generated ? n : n + 1), 0),
        linesShort: leading ? linesShortIn(item, leading) : 0,
        linesOver: 0,
      });
    }
  }
  if (!report && frames.length === 0) return null;
  const overLines = report?.oversetLines ?? 0;
  if (frames.length > 0 && overLines > 0) {
    const last = frames[frames.length - 1];
    last.linesOver = overLines;
    // An overset thread has no room left anywhere that counts.
    last.linesShort = 0;
  }
  return {
    storyId,
    characters: report?.totalCharacters ?? 0,
    charactersSet: report?.charactersSet ?? 0,
    oversetCharacters: report?.oversetCharacters ?? 0,
    frames,
    copyfitLines: report?.copyfitLines ?? frames.reduce((n, f) => n + f.linesShort - f.linesOver, 0),
    ...(report?.columnsShort && overLines === 0 ? { columnsShort: report.columnsShort } : {}),
    charactersPerLine: typicalLineCharacters(list, storyId),
  };
}

/** "4" when every column has the same room, "3–4" when they differ. */
function perColumn(columns: readonly number[]): string {
  const low = Math.min(...columns);
  const high = Math.max(...columns);
  return low === high ? String(low) : `${low}–${high}`;
}

/**
 * One line for the story editor's status bar, in the UI language, e.g.
 * "1 204 characters · 12 lines short, 4 under each of 3 columns, about 168
 * characters to add" or "… · 5 lines over (128 characters)".
 */
export function fitSummary(fit: StoryFit, language: 'zh-Hans' | 'en'): string {
  const characters = translate(language, 'copyfit.characters', { count: fit.characters });
  if (fit.oversetCharacters > 0 || fit.copyfitLines < 0) {
    const over = Math.max(
      -fit.copyfitLines,
      fit.frames.reduce((n, f) => n + f.linesOver, 0),
    );
    return translate(language, 'copyfit.over', { characters, count: over, overset: fit.oversetCharacters });
  }
  const short = fit.copyfitLines;
  if (short === 0) return translate(language, 'copyfit.exact', { characters });
  let line = translate(language, 'copyfit.short', { characters, count: short });
  // What the desk needs to act: the room under each level column, and about how much copy fills it.
  const columns = fit.columnsShort;
  if (columns && columns.length > 1)
    line += translate(language, 'copyfit.shortColumns', { per: perColumn(columns), columns: columns.length });
  if (fit.charactersPerLine > 0)
    line += translate(language, 'copyfit.shortCharacters', { add: short * fit.charactersPerLine });
  return line;
}

/** One frame's line of a threaded story's copyfit list, e.g. "Frame 2 (page 1): 14 lines, 3 short". */
export function frameFitLine(frame: FrameFit, index: number, language: 'zh-Hans' | 'en'): string {
  let line = translate(language, 'copyfit.frame', {
    n: index + 1,
    page: frame.pageIndex + 1,
    count: frame.lines,
  });
  if (frame.linesOver) line += translate(language, 'copyfit.frameOver', { count: frame.linesOver });
  if (frame.linesShort) line += translate(language, 'copyfit.frameShort', { count: frame.linesShort });
  return line;
}
