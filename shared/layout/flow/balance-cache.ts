/**
 * Balancing remembered per story ending: the balanced setting of a section
 * depends only on the natural flow (which lines, where) and the thread's
 * geometry, so when a compose finds the same natural flow in the same frames
 * as last time — a fresh compose of an unchanged story, a full recompose
 * after a frame elsewhere moved — the last balanced setting is taken again
 * instead of searched for. "The same" is checked line by line: the composer
 * hands out one ComposedLine object per text set the same way, and the flow
 * one FlowParagraph per unchanged block, so object identity plus positions
 * prove the input equal. The result is what balancing would compute.
 */
import type { TextFrame } from '../../model/types';
import { sameCursor } from './cursor';
import type { FlowContext, Placement } from './place-paragraph';
import type { ParagraphResult } from './story-flow';
import type { ThreadFrame } from './thread';

interface Remembered {
  frames: readonly ThreadFrame[];
  natural: readonly ParagraphResult[];
  /** Null: nothing to balance. Else results from `first` on (before it, the natural ones). */
  first: number;
  balanced: ParagraphResult[] | null;
}

/** By the frame the story ends in (one story ends in a frame; a master story may thrash between pages). */
const remembered = new WeakMap<TextFrame, Remembered>();

function sameFrames(a: readonly ThreadFrame[], b: readonly ThreadFrame[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = b[i];
    if (p === q) continue;
    // Interior and columns follow from the frame object (immutable model data).
    if (p.frame !== q.frame || p.pageIndex !== q.pageIndex || p.grid !== q.grid) return false;
    if (p.obstacles.length !== q.obstacles.length) return false;
    for (let k = 0; k < p.obstacles.length; k++) {
      const o = p.obstacles[k];
      const r = q.obstacles[k];
      if (o.left !== r.left || o.top !== r.top || o.right !== r.right || o.bottom !== r.bottom) return false;
    }
  }
  return true;
}

function samePlacement(a: Placement, b: Placement): boolean {
  if (a === b) return true;
  if (a.end !== b.end || a.lines.length !== b.lines.length || !sameCursor(a.after, b.after)) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const p = a.lines[i];
    const q = b.lines[i];
    if (
      p.line !== q.line ||
      p.frame !== q.frame ||
      p.column !== q.column ||
      p.top !== q.top ||
      p.baseline !== q.baseline ||
      p.originX !== q.originX
    )
      return false;
  }
  return true;
}

function sameNatural(a: readonly ParagraphResult[], b: readonly ParagraphResult[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = b[i];
    if (p === q) continue;
    if (
      p.paragraph !== q.paragraph ||
      !sameCursor(p.before, q.before) ||
      !samePlacement(p.placement, q.placement)
    )
      return false;
  }
  return true;
}

/** `balance(context, results)`, or the setting it gave last time for the same flow in the same frames. */
export function rememberedBalance(
  context: FlowContext,
  results: readonly ParagraphResult[],
  balance: (context: FlowContext, results: readonly ParagraphResult[]) => ParagraphResult[] | null,
): ParagraphResult[] | null {
  const end = results[results.length - 1]?.placement.after;
  const key = end ? context.frames[end.frame]?.frame : undefined;
  if (!key) return balance(context, results);
  const last = remembered.get(key);
  if (last && sameFrames(last.frames, context.frames) && sameNatural(last.natural, results)) {
    if (!last.balanced) return null;
    const out = results.slice(0, last.first);
    for (let i = last.first; i < last.balanced.length; i++) out.push(last.balanced[i]);
    return out;
  }
  const balanced = balance(context, results);
  let first = 0;
  if (balanced) while (first < balanced.length && balanced[first] === results[first]) first++;
  remembered.set(key, { frames: context.frames, natural: results, first, balanced });
  return balanced;
}
