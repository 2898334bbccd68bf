/**
 * A story's redline: what the later state deleted, struck through; what it
 * inserted, underlined; unchanged text between changes shortened to a few
 * characters either side, as a proofreader reads a galley's changes.
 */
import type { DiffSegment } from '../../shared/review';

/** Characters of unchanged text kept next to each change. */
const CONTEXT = 16;

function shown(text: string): string {
  return text.replace(/\n/g, '¶');
}

export function Redline({ segments, lang }: { segments: readonly DiffSegment[]; lang: string }) {
  return (
    <p className="redline" data-testid="redline" lang={lang} translate="no">
      {segments.map((segment, i) => {
        if (segment.kind === 'delete')
          return (
            <del key={i} data-testid="redline-del">
              {shown(segment.text)}
            </del>
          );
        if (segment.kind === 'insert')
          return (
            <ins key={i} data-testid="redline-ins">
              {shown(segment.text)}
            </ins>
          );
        const text = segment.text;
        const first = i === 0;
        const last = i === segments.length - 1;
        const keep = (first ? 0 : CONTEXT) + (last ? 0 : CONTEXT);
        if (text.length <= keep + 1) return <span key={i}>{shown(text)}</span>;
        return (
          <span key={i}>
            {first ? '' : shown(text.slice(0, CONTEXT))}
            <span className="redline-elided">…</span>
            {last ? '' : shown(text.slice(text.length - CONTEXT))}
          </span>
        );
      })}
    </p>
  );
}

/**
 * Where the first change of a redline is in the later state's text: the
 * paragraph and offset it starts at, and where an insertion ends (so the
 * story editor can select the inserted words).
 */
export function firstChange(
  segments: readonly DiffSegment[],
): { from: { block: number; offset: number }; to: { block: number; offset: number } } | null {
  let text = '';
  for (const segment of segments) {
    if (segment.kind === 'same') {
      text += segment.text;
      continue;
    }
    const from = pointAt(text);
    const to = segment.kind === 'insert' ? pointAt(text + segment.text) : from;
    return { from, to };
  }
  return null;
}

function pointAt(text: string): { block: number; offset: number } {
  const lines = text.split('\n');
  return { block: lines.length - 1, offset: lines[lines.length - 1].length };
}
