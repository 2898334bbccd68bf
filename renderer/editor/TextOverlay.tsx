/**
 * Paints the story editor's caret and selection on the page, at the
 * positions the composer chose (the display list's character map), so the
 * page shows where typing goes. Pointer input belongs to the tools overlay.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { caretRect, selectionRects } from '../../shared/editing/caret-map';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { sessionOf } from '../actions/session';

export function TextOverlay({ pageIndex, scale }: CanvasOverlayProps) {
  const store = useEditorStore();
  const session = sessionOf(store);
  const selection = useSyncExternalStore(session.subscribe, () => session.getTextSelection());
  const openStory = useEditor((s) => s.selection.storyId);
  const displayList = useEditor((s) => s.displayList);
  const preview = useEditor((s) => s.view.preview);

  const shapes = useMemo(() => {
    if (!selection || !displayList || selection.storyId !== openStory) return null;
    const collapsed =
      selection.anchor.block === selection.focus.block && selection.anchor.offset === selection.focus.offset;
    if (collapsed) {
      const caret = caretRect(displayList, selection.storyId, selection.focus);
      return { caret: caret && caret.pageIndex === pageIndex ? caret : null, rects: [] };
    }
    const rects = selectionRects(displayList, selection.storyId, selection.anchor, selection.focus).filter(
      (r) => r.pageIndex === pageIndex,
    );
    return { caret: null, rects };
  }, [selection, displayList, openStory, pageIndex]);

  if (!shapes || preview) return null;
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
