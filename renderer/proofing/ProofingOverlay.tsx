/**
 * Find results and the current finding, marked on the page at their
 * composed positions (the display list's character map): every match on
 * the page in pale yellow while the Find panel is open, the current one in
 * orange; scrolled into view when it changes.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { xAtOffset } from '../../shared/editing/caret-map';
import type { DisplayList, DisplayPage } from '../../shared/layout/display-list';
import { markupMapOf } from '../../shared/review/markup';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { proofingOf, type TextRange } from './proofing-state';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A story range in the composed text's points: in the markup view a story
 * with tracked deletions shows their words too (shared/review/markup.ts).
 */
function shownRange(list: DisplayList | null, r: TextRange): TextRange {
  const map = list ? markupMapOf(list, r.storyId) : undefined;
  if (!map) return r;
  const from = map.toMarkup({ block: r.block, offset: r.start }, 'forward');
  const to = map.toMarkup({ block: r.block, offset: r.end });
  return { ...r, block: from.block, start: from.offset, end: to.block === from.block ? to.offset : Infinity };
}

/** The rectangles a story range covers on one page. */
function rangeRects(page: DisplayPage, list: DisplayList | null, story: readonly TextRange[]): Rect[][] {
  const ranges = story.map((r) => shownRange(list, r));
  const out: Rect[][] = ranges.map(() => []);
  if (ranges.length === 0) return out;
  for (const item of page.items) {
    if (item.kind !== 'text' || !item.storyId) continue;
    for (const line of item.lines) {
      ranges.forEach((r, i) => {
        if (r.storyId !== line.storyId || r.block !== line.block) return;
        const start = Math.max(r.start, line.start);
        const end = Math.min(r.end, line.end);
        if (end <= start) return;
        const x1 = xAtOffset(line, start);
        const x2 = xAtOffset(line, end);
        out[i].push({
          x: Math.min(x1, x2),
          y: line.y - line.ascent,
          width: Math.abs(x2 - x1),
          height: line.ascent + line.descent,
        });
      });
    }
  }
  return out;
}

export function ProofingOverlay({ page, pageIndex }: CanvasOverlayProps) {
  const store = useEditorStore();
  const proofing = proofingOf(store);
  const state = useSyncExternalStore(proofing.subscribe, proofing.get);
  const preview = useEditor((s) => s.view.preview);
  const results = useEditor((s) => (state.findOpen ? proofing.results(s) : null));
  const highlightRef = useRef<SVGGElement>(null);

  const onPage = useMemo(
    () =>
      (results?.matches ?? [])
        .filter((m) => m.pageIndex === pageIndex)
        .map((m) => ({ storyId: m.storyId, block: m.block, start: m.start, end: m.end })),
    [results, pageIndex],
  );
  const displayList = useEditor((s) => s.displayList);
  const matchRects = useMemo(() => rangeRects(page, displayList, onPage).flat(), [page, displayList, onPage]);
  const highlight = useMemo(
    () => (state.highlight ? rangeRects(page, displayList, [state.highlight])[0] : []),
    [page, displayList, state.highlight],
  );

  useEffect(() => {
    if (highlight.length > 0) highlightRef.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // Only when the place changes, not on every recompose.
  }, [state.highlight, highlight.length > 0]);

  if (preview || (matchRects.length === 0 && highlight.length === 0)) return null;
  return (
    <g className="proofing-overlay" pointerEvents="none">
      {matchRects.map((r, i) => (
        <rect
          key={i}
          data-testid="find-mark"
          x={r.x}
          y={r.y}
          width={r.width}
          height={r.height}
          fill="#facc15"
          fillOpacity={0.35}
        />
      ))}
      {highlight.length > 0 ? (
        <g ref={highlightRef} data-testid="proofing-highlight">
          {highlight.map((r, i) => (
            <rect
              key={i}
              x={r.x}
              y={r.y}
              width={r.width}
              height={r.height}
              fill="#f97316"
              fillOpacity={0.45}
            />
          ))}
        </g>
      ) : null}
    </g>
  );
}
