/**
 * Helpers for runs of marked text (Slate leaves): the importer cuts, joins
 * and trims paragraphs without losing their bold and italic marks.
 */
import type { StoryText } from '../model/types';

/** The plain text of some runs. */
export function runsText(runs: readonly StoryText[]): string {
  return runs.map((r) => r.text).join('');
}

function sameMarks(a: StoryText, b: StoryText): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.charStyleId === b.charStyleId && a.field === b.field;
}

/** Drops empty runs and merges neighbours that carry the same marks. */
export function compactRuns(runs: readonly StoryText[]): StoryText[] {
  const out: StoryText[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push({ ...run });
  }
  return out;
}

/** The runs covering the text offsets [start, end). */
export function sliceRuns(runs: readonly StoryText[], start: number, end = Infinity): StoryText[] {
  const out: StoryText[] = [];
  let offset = 0;
  for (const run of runs) {
    const runEnd = offset + run.text.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, runEnd);
    if (from < to) out.push({ ...run, text: run.text.slice(from - offset, to - offset) });
    offset = runEnd;
  }
  return compactRuns(out);
}

/** `a` followed by `b`, with `joiner` (plain) between them. */
export function concatRuns(a: readonly StoryText[], b: readonly StoryText[], joiner = ''): StoryText[] {
  const middle: StoryText[] = joiner ? [{ text: joiner }] : [];
  return compactRuns([...a, ...middle, ...b]);
}

/**
 * Rewrites the text of the runs character by character: `edit(i)` gives the
 * replacement for the character at offset i of the whole text ('' deletes it).
 */
export function mapRunChars(runs: readonly StoryText[], edits: readonly string[]): StoryText[] {
  let offset = 0;
  const out = runs.map((run) => {
    let text = '';
    for (let i = 0; i < run.text.length; i++) text += edits[offset + i];
    offset += run.text.length;
    return { ...run, text };
  });
  return compactRuns(out);
}

/**
 * Collapses runs of white space to one space and trims both ends: copy from
 * OCR and Word carries stray tabs and doubled spaces a desk never keeps.
 */
export function tidySpaces(runs: readonly StoryText[]): StoryText[] {
  const text = runsText(runs);
  const edits: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const isSpace = /[ \t\u00a0\r\n]/.test(ch);
    if (!isSpace) {
      edits.push(ch);
      continue;
    }
    const prevIsSpace = i > 0 && /[ \t\u00a0\r\n]/.test(text[i - 1]);
    edits.push(prevIsSpace ? '' : ' ');
  }
  const collapsed = mapRunChars(runs, edits);
  const full = runsText(collapsed);
  const lead = full.length - full.trimStart().length;
  const trail = full.length - full.trimEnd().length;
  return sliceRuns(collapsed, lead, full.length - trail);
}
