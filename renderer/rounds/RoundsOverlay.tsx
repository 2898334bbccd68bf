/**
 * On each page of the canvas: its proof status in the top corner once the
 * desk is in use (in proof, or signed off with who and which round), and
 * the changed regions of a comparison with now after the user jumped to
 * one — the picked region scrolled into view. Screen only: Preview hides it
 * as it hides every guide.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { roundsOf } from './rounds-state';
import { usePageStatus } from './status-text';

export function RoundsOverlay({ page, scale }: CanvasOverlayProps) {
  const store = useEditorStore();
  const rounds = roundsOf(store);
  const { marked } = useSyncExternalStore(rounds.subscribe, rounds.get);
  const preview = useEditor((s) => s.view.preview);
  const view = usePageStatus(page.pageId);
  const focused = useRef<SVGRectElement>(null);
  const here = marked?.pages.find((p) => p.pageId === page.pageId) ?? null;
  const focusIndex = marked?.focus?.pageId === page.pageId ? marked.focus.index : -1;

  useEffect(() => {
    if (focusIndex >= 0) focused.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // On a jump only, not on every recompose.
  }, [marked?.jump, focusIndex]);

  if (preview) return null;
  const px = 1 / scale;
  return (
    <g className="rounds-overlay" pointerEvents="none">
      {here
        ? here.rects.map((r, i) => (
            <rect
              key={i}
              ref={i === focusIndex ? focused : undefined}
              data-testid="diff-region"
              data-focused={i === focusIndex || undefined}
              className={i === focusIndex ? 'diff-region focused' : 'diff-region'}
              x={r.x - 2}
              y={r.y - 2}
              width={r.width + 4}
              height={r.height + 4}
              strokeWidth={(i === focusIndex ? 2.5 : 1.5) * px}
            />
          ))
        : null}
      {view ? (
        <g>
          <title>{view.detail}</title>
          <text
            className={`page-status-badge status-${view.status}`}
            data-testid="page-status-badge"
            data-status={view.status}
            x={page.width - 6 * px}
            y={14 * px}
            fontSize={11 * px}
            strokeWidth={3 * px}
            textAnchor="end"
          >
            {view.status === 'signed' ? `✓ ${view.detail}` : view.label}
          </text>
        </g>
      ) : null}
    </g>
  );
}
