/**
 * Notes on the page: a text note's words highlighted in the author's
 * colour, a frame note's frame outlined, and for every note a numbered
 * marker in the page's outer margin beside its first line (a page note's
 * marker at its point). A click on a marker opens the note in the panel.
 * While Review ▸ New Note on Page waits, a click anywhere on the page
 * places the note there. Preview hides it all, as it hides every guide.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewMark } from '../../shared/layout/display-list';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { noteMarksByPage, noteViews } from './note-views';
import { notesOf } from './notes-state';

const NONE: ReviewMark[] = [];

export function NotesOverlay({ page, pageIndex, scale, toPagePoint }: CanvasOverlayProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const notes = notesOf(store);
  const state = useSyncExternalStore(notes.subscribe, notes.get);
  const preview = useEditor((s) => s.view.preview);
  const showResolved = state.open && state.filter.status !== 'open';
  const marks = useEditor((s) =>
    s.edition && s.displayList
      ? (noteMarksByPage(s.edition, s.displayList, showResolved).get(pageIndex) ?? NONE)
      : NONE,
  );
  const records = useEditor((s) => s.edition?.review?.notes);
  const focusedRef = useRef<SVGGElement>(null);

  const byId = useMemo(() => new Map((records ?? []).map((n) => [n.id, n])), [records]);
  const focusedHere = marks.some((m) => m.id === state.focused);

  useEffect(() => {
    if (focusedHere) focusedRef.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // On a jump only, not on every recompose.
  }, [state.jump, focusedHere]);

  if (preview) return null;
  const px = 1 / scale;
  const radius = Math.max(7 * px, 4);

  const open = (event: PointerEvent, id: string) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const edition = store.getState().edition;
    const view = edition
      ? noteViews(edition, store.getState().displayList).find((v) => v.note.id === id)
      : null;
    const resolved = view?.note.resolved != null;
    const status = resolved && state.filter.status === 'open' ? 'all' : state.filter.status;
    notes.set({ open: true, focused: id, filter: { ...state.filter, status, page: null, author: null } });
  };

  const place = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const point = toPagePoint(event.clientX, event.clientY);
    notes.startDraft({ kind: 'page', pageId: page.pageId, x: point.x, y: point.y }, '');
  };

  return (
    <g className="notes-overlay" data-testid="notes-overlay">
      {marks.map((mark) => {
        const note = byId.get(mark.id);
        const kind = note?.anchor.kind ?? 'text';
        const focused = mark.id === state.focused;
        const first = mark.rects[0];
        const marker = mark.marker;
        // A margin marker hangs beside its line; a page note's marker sits on its point.
        const cy = marker ? marker.y + (kind === 'page' ? 0 : radius) : 0;
        return (
          <g
            key={mark.id}
            ref={focused ? focusedRef : undefined}
            data-testid="note-mark"
            data-note-id={mark.id}
            data-kind={kind}
            data-resolved={mark.resolved || undefined}
            data-detached={mark.detached || undefined}
            data-focused={focused || undefined}
          >
            {kind === 'text'
              ? mark.rects.map((r, i) =>
                  r.width > 0 ? (
                    <rect
                      key={i}
                      data-testid="note-highlight"
                      x={r.x}
                      y={r.y}
                      width={r.width}
                      height={r.height}
                      fill={mark.color}
                      fillOpacity={mark.resolved ? 0.08 : focused ? 0.32 : 0.18}
                      stroke={focused ? mark.color : 'none'}
                      strokeWidth={px}
                      pointerEvents="none"
                    />
                  ) : null,
                )
              : null}
            {kind === 'frame' && first ? (
              <rect
                data-testid="note-frame"
                x={first.x}
                y={first.y}
                width={first.width}
                height={first.height}
                fill="none"
                stroke={mark.color}
                strokeOpacity={mark.resolved ? 0.4 : 1}
                strokeWidth={(focused ? 2.5 : 1.5) * px}
                strokeDasharray={`${4 * px} ${3 * px}`}
                pointerEvents="none"
              />
            ) : null}
            {kind === 'text' && first && marker ? (
              // A leader from the end of the note's first line to its marker in the margin.
              <line
                x1={first.x + first.width}
                y1={first.y + first.height / 2}
                x2={marker.x - radius}
                y2={cy}
                stroke={mark.color}
                strokeOpacity={focused ? 0.9 : 0.45}
                strokeWidth={px}
                strokeDasharray={`${2 * px} ${2 * px}`}
                pointerEvents="none"
              />
            ) : null}
            {marker ? (
              <g
                className="note-marker"
                data-testid="note-marker"
                data-note-id={mark.id}
                data-number={mark.number}
                style={{ cursor: 'pointer' }}
                onPointerDown={(e) => open(e, mark.id)}
              >
                <title>
                  {t('notes.marker', { n: mark.number, author: mark.author, text: note?.text ?? '' })}
                </title>
                <circle
                  cx={marker.x}
                  cy={cy}
                  r={focused ? radius * 1.2 : radius}
                  fill={mark.resolved ? '#ffffff' : mark.color}
                  stroke={mark.color}
                  strokeWidth={1.5 * px}
                  strokeDasharray={mark.detached ? `${2 * px} ${1.5 * px}` : undefined}
                />
                <text
                  x={marker.x}
                  y={cy}
                  fontSize={radius * 1.2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fill={mark.resolved ? mark.color : '#ffffff'}
                  fontFamily="sans-serif"
                  fontWeight={600}
                  pointerEvents="none"
                >
                  {mark.number}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
      {state.placing ? (
        <rect
          data-testid="note-place"
          x={0}
          y={0}
          width={page.width}
          height={page.height}
          fill="transparent"
          style={{ cursor: 'crosshair' }}
          onPointerDown={place}
        />
      ) : null}
    </g>
  );
}
