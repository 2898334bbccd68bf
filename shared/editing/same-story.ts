/**
 * Whether two versions of a story say the same thing: same paragraphs,
 * roles, styles, text and marks. Key order and the way text is cut into
 * runs do not matter (Slate and the model may cut runs differently: an
 * empty run, or two neighbouring runs with equal marks).
 */
import type { StoryBlock, StoryText } from '../model/types';

/** Runs with equal marks joined and empty runs dropped (fields kept whole). */
export function canonicalRuns(children: readonly StoryText[]): StoryText[] {
  const out: StoryText[] = [];
  for (const leaf of children) {
    if (leaf.text === '' && !leaf.field) continue;
    const last = out[out.length - 1];
    if (last && !last.field && !leaf.field && sameMarks(last, leaf))
      out[out.length - 1] = { ...last, text: last.text + leaf.text };
    else out.push(leaf);
  }
  return out;
}

function sameMarks(a: StoryText, b: StoryText): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    (a.charStyleId ?? null) === (b.charStyleId ?? null) &&
    (a.field ?? null) === (b.field ?? null)
  );
}

export function sameBlock(a: StoryBlock, b: StoryBlock): boolean {
  if (a === b) return true;
  if (a.type !== b.type || (a.styleId ?? null) !== (b.styleId ?? null)) return false;
  const ra = canonicalRuns(a.children);
  const rb = canonicalRuns(b.children);
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) if (ra[i].text !== rb[i].text || !sameMarks(ra[i], rb[i])) return false;
  return true;
}

export function sameStory(a: readonly StoryBlock[], b: readonly StoryBlock[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameBlock(a[i], b[i])) return false;
  return true;
}
