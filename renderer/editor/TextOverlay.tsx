/**
 * Paints the story editor's caret and selection on the page, at the
 * positions the composer chose (the display list's character map), so the
 * page shows where typing goes. Pointer input belongs to the tools overlay.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { caretRect, selectionRects } from '../../shared/editing/caret-map';
import type { DisplayList } from '../../shared/layout/display-list';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { sessionOf, type TextSelection } from '../actions/session';

type Rect = ReturnType<typeof selectionRects>[number];
interface PageShapes {
  caret: ReturnType<typeof caretRect>;
  rects: Rect[];
}

const NONE: PageShapes = { caret: null, rects: [] };

/**
 * Every page's caret and selection shapes for one selection and display
 * list, worked out once for all pages: each page's overlay then gets the
 * same NONE object unless the caret or selection is on it, so a keystroke
 * renders the overlay of one page, not of every page.
 */
let last: {
  selection: TextSelection | null;
  list: DisplayList | null;
  story: string | null;
  byPage: Map<number, PageShapes>;
} | null = null;

function shapesByPage(
  selection: TextSelection | null,
  list: DisplayList | null,
  openStory: string | null,
): Map<number, PageShapes> {
  if (last && last.selection === selection && last.list === list && last.story === openStory)
    return last.byPage;
  const byPage = new Map<number, PageShapes>();
  if (selection && list && selection.storyId === openStory) {
    const collapsed =
      selection.anchor.block === selection.focus.block && selection.anchor.offset === selection.focus.offset;
    if (collapsed) {
      const caret = caretRect(list, selection.storyId, selection.focus);
      if (caret) byPage.set(caret.pageIndex, { caret, rects: [] });
    } else {
      for (const r of selectionRects(list, selection.storyId, selection.anchor, selection.focus)) {
        const shapes = byPage.get(r.pageIndex) ?? { caret: null, rects: [] };
        shapes.rects.push(r);
        byPage.set(r.pageIndex, shapes);
      }
    }
  }
  last = { selection, list, story: openStory, byPage };
  return byPage;
}

export function TextOverlay({ pageIndex, scale }: CanvasOverlayProps) {
  const store = useEditorStore();
  const session = sessionOf(store);
  const preview = useEditor((s) => s.view.preview);
  const subscribe = useCallback(
    (listener: () => void) => {
      const fromStore = store.subscribe(listener);
      const fromSession = session.subscribe(listener);
      return () => {
        fromStore();
        fromSession();
      };
    },
    [store, session],
  );
  const shapes = useSyncExternalStore(subscribe, () => {
    const state = store.getState();
    return (
      shapesByPage(session.getTextSelection(), state.displayList, state.selection.storyId).get(pageIndex) ??
      NONE
    );
  });

  if (shapes === NONE || preview) return null;
  const hairline = 1 / scale;
  return (
    <g className="text-overlay" pointerEvents="none">
      {shapes.rects.map((r, i) => (
        <rect
          key={i}
          data-testid="canvas-selection"
          x={r.x}
          y={r.y}
          width={r.width}
          height={r.height}
          fill="#3b82f6"
          fillOpacity={0.3}
        />
      ))}
      {shapes.caret ? (
        <line
          data-testid="canvas-caret"
          data-x={shapes.caret.x.toFixed(2)}
          data-y={shapes.caret.y.toFixed(2)}
          x1={shapes.caret.x}
          x2={shapes.caret.x}
          y1={shapes.caret.y}
          y2={shapes.caret.y + shapes.caret.height}
          stroke="#e11d48"
          strokeWidth={Math.max(hairline * 1.5, 0.4)}
        />
      ) : null}
    </g>
  );
}
