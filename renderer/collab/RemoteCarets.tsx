/** Others' carets and selections on the page, in their colours, at the composed positions. */
import { useMemo } from 'react';
import { caretRect, selectionRects } from '../../shared/editing/caret-map';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor } from '../state/use-editor';
import { useNewsroom } from './current-session';

export function RemoteCarets({ pageIndex, scale }: CanvasOverlayProps) {
  const view = useNewsroom();
  const displayList = useEditor((s) => s.displayList);
  const shapes = useMemo(() => {
    if (!view || !displayList) return [];
    return view.collaborators.flatMap((c) => {
      if (!c.caret || !displayList) return [];
      const { storyId, anchor, focus } = c.caret;
      if (!displayList.pages.length) return [];
      const caret = caretRect(displayList, storyId, focus);
      const rects = selectionRects(displayList, storyId, anchor, focus).filter(
        (r) => r.pageIndex === pageIndex,
      );
      return [{ c, caret: caret && caret.pageIndex === pageIndex ? caret : null, rects }];
    });
  }, [view, displayList, pageIndex]);
  if (shapes.length === 0) return null;
  const width = Math.max(1.5 / scale, 0.4);
  return (
    <g className="remote-carets" pointerEvents="none">
      {shapes.map(({ c, caret, rects }) => (
        <g key={c.clientId} data-testid="remote-caret" data-user={c.user}>
          {rects.map((r, i) => (
            <rect
              key={i}
              x={r.x}
              y={r.y}
              width={r.width}
              height={r.height}
              fill={c.color}
              fillOpacity={0.18}
            />
          ))}
          {caret ? (
            <>
              <line
                x1={caret.x}
                x2={caret.x}
                y1={caret.y}
                y2={caret.y + caret.height}
                stroke={c.color}
                strokeWidth={width}
              />
              <text x={caret.x} y={caret.y - 1} fontSize={Math.max(7, 10 / scale)} fill={c.color}>
                {c.user}
              </text>
            </>
          ) : null}
        </g>
      ))}
    </g>
  );
}
