/**
 * Tracked changes on the page, in layout view: the composition (markup
 * view) puts the deleted words back and lists each page's change marks
 * (shared/review/decorations.ts), which this paints in the author's colour
 * — insertions underlined on a pale tint, deletions struck through,
 * formatting changes underlined dotted, a paragraph's new role or style as
 * a ¶ beside its first line — with a change bar in the margin beside every
 * changed line, as proofreaders mark a galley. The change picked in the
 * Changes panel is outlined and scrolled into view. The final view has no
 * change marks (the page as if all were accepted); Preview hides them, as
 * it hides every guide. The marks never take a click: the text under them
 * stays clickable.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewMark } from '../../shared/layout/display-list';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { trackingOf } from './tracking-state';

const CHANGE_KINDS = new Set<ReviewMark['kind']>(['insert', 'delete', 'format', 'paragraph']);

export function ChangesOverlay({ page, scale }: CanvasOverlayProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const tracking = trackingOf(store);
  const state = useSyncExternalStore(tracking.subscribe, tracking.get);
  const preview = useEditor((s) => s.view.preview);
  const focusedRef = useRef<SVGGElement>(null);
  const marks = (page.review ?? []).filter((m) => CHANGE_KINDS.has(m.kind));
  const focusedHere = marks.some((m) => m.id === state.focused);

  useEffect(() => {
    if (focusedHere) focusedRef.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // On a jump only, not on every recompose.
  }, [state.jump, focusedHere]);

  if (preview || marks.length === 0) return null;
  const px = 1 / scale;
  const stroke = Math.max(1.5 * px, 0.6);
  // The change bar stands in the page's left margin, clear of the text.
  const barX = Math.max(3, page.margins.left / 2);

  return (
    <g className="changes-overlay" data-testid="changes-overlay" pointerEvents="none">
      {marks.map((mark) => {
        const focused = mark.id === state.focused;
        return (
          <g
            key={`${mark.kind}:${mark.id}`}
            ref={focused ? focusedRef : undefined}
            data-testid="change-mark"
            data-kind={mark.kind}
            data-change-id={mark.id}
            data-author={mark.author}
            data-focused={focused || undefined}
          >
            <title>{t(`tracking.kind.${mark.kind}`) + ' · ' + mark.author}</title>
            {mark.rects.map((r, i) => {
              const bar = (
                <line
                  data-testid="change-bar"
                  x1={barX}
                  x2={barX}
                  y1={r.y}
                  y2={r.y + r.height}
                  stroke={mark.color}
                  strokeWidth={stroke * 1.5}
                />
              );
              if (mark.kind === 'paragraph')
                return (
                  <g key={i}>
                    {bar}
                    <text
                      data-testid="change-pilcrow"
                      x={r.x - 2}
                      y={r.y + r.height * 0.8}
                      fontSize={Math.max(r.height * 0.7, 6)}
                      textAnchor="end"
                      fill={mark.color}
                      fontFamily="sans-serif"
                    >
                      ¶
                    </text>
                  </g>
                );
              if (r.width <= 0) return null;
              const y =
                mark.kind === 'delete'
                  ? r.y + r.height * 0.52
                  : r.y + r.height - Math.min(r.height * 0.1, 1.5) - stroke / 2;
              return (
                <g key={i}>
                  {bar}
                  {mark.kind === 'insert' ? (
                    <rect
                      data-testid="change-tint"
                      x={r.x}
                      y={r.y}
                      width={r.width}
                      height={r.height}
                      fill={mark.color}
                      fillOpacity={focused ? 0.22 : 0.09}
                    />
                  ) : null}
                  <line
                    data-testid={mark.kind === 'delete' ? 'change-strike' : 'change-underline'}
                    x1={r.x}
                    x2={r.x + r.width}
                    y1={y}
                    y2={y}
                    stroke={mark.color}
                    strokeWidth={stroke}
                    strokeDasharray={mark.kind === 'format' ? `${2 * stroke} ${1.5 * stroke}` : undefined}
                  />
                  {focused ? (
                    <rect
                      data-testid="change-focus"
                      x={r.x - px}
                      y={r.y - px}
                      width={r.width + 2 * px}
                      height={r.height + 2 * px}
                      fill="none"
                      stroke={mark.color}
                      strokeWidth={px}
                    />
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}
