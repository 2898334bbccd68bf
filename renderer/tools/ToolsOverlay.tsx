/**
 * The frame tools on the page: select, move and resize with snapping and
 * smart guides, create text, image and rule frames, thread frames from the
 * out-port to another frame, crop a photo by dragging its content, click
 * text to put the story editor's caret there, double-click a text frame to
 * open its story. A drag shows a preview and is applied once when the
 * pointer is released, as one undo step; Escape cancels it.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type PointerEvent,
  type DragEvent,
} from 'react';
import type { DisplayItem, DisplayPage } from '../../shared/layout/display-list';
import type { Edition, Id, ImageFrame } from '../../shared/model/types';
import { hitTest } from '../../shared/editing/caret-map';
import {
  clampSize,
  MOVE_EDGES,
  snapRect,
  type DragEdges,
  type Guide,
  type Rect,
} from '../../shared/editing/snapping';
import { createFrame, findFrame, moveFrames, setFrameRect } from '../../shared/editing/frame-edits';
import { dragContent } from '../../shared/editing/image-fit';
import { newId } from '../../shared/model/ids';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorDeferred, useEditorStore } from '../state/use-editor';
import { sessionOf, type ToolId } from '../actions/session';
import { runAction } from '../actions/action';
import { actionNamed } from '../actions/registry';
import {
  HANDLE_EDGES,
  HANDLE_PX,
  HIT_PX,
  SNAP_PX,
  handlePoints,
  near,
  normalise,
  portPoints,
  rectOf,
  resizeRect,
  type HandleId,
} from './geometry';
import { placeFiles } from './place';
import { LocalizedError } from '../../shared/services/locales/localized-error';

type Drag =
  | {
      kind: 'move';
      ids: Id[];
      start: Pt2;
      box: Rect;
      moved: boolean;
      dx: number;
      dy: number;
      guides: Guide[];
    }
  | { kind: 'resize'; id: Id; edges: DragEdges; start: Pt2; orig: Rect; rect: Rect; guides: Guide[] }
  | { kind: 'create'; tool: 'text' | 'frame' | 'rule'; start: Pt2; rect: Rect }
  | { kind: 'thread'; from: Id; start: Pt2; at: Pt2 }
  | { kind: 'crop'; id: Id; start: Pt2; dx: number; dy: number }
  | { kind: 'text'; storyId: Id; anchor: { block: number; offset: number } };

interface Pt2 {
  x: number;
  y: number;
}

const CURSORS: Record<ToolId, string> = {
  select: 'default',
  direct: 'move',
  text: 'text',
  frame: 'crosshair',
  rule: 'crosshair',
};

function pageFrames(page: DisplayPage): DisplayItem[] {
  return page.items.filter((item) => !item.fromMaster);
}

function topmostAt(page: DisplayPage, p: Pt2, slop: number): DisplayItem | null {
  const items = pageFrames(page);
  for (let i = items.length - 1; i >= 0; i--) {
    const r = rectOf(items[i]);
    const pad = items[i].kind === 'rule' ? Math.max(slop, 3) : 0;
    if (p.x >= r.x - pad && p.x <= r.x + r.width + pad && p.y >= r.y - pad && p.y <= r.y + r.height + pad)
      return items[i];
  }
  return null;
}

export function ToolsOverlay({ page, pageIndex, scale, toPagePoint }: CanvasOverlayProps) {
  const store = useEditorStore();
  const session = sessionOf(store);
  const tool = useSyncExternalStore(session.subscribe, () => session.getTool());
  const selected = useEditor((s) => s.selection.frameIds);
  // Frames and threads, which is all this overlay draws, do not change with typing: the
  // deferred snapshot spares every page's overlay a render per keystroke. Handlers read the store.
  const edition = useEditorDeferred((s) => s.edition);
  const preview = useEditor((s) => s.view.preview);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  dragRef.current = drag;
  const spaceDown = useRef(false);

  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.key === ' ') spaceDown.current = true;
      if (e.key === 'Escape' && dragRef.current) setDrag(null);
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') spaceDown.current = false;
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  const pageModel = edition?.pages.find((p) => p.id === page.pageId) ?? null;
  const px = 1 / scale;

  const geometry = useCallback(
    () =>
      pageModel
        ? {
            size: pageModel.size,
            margins: pageModel.margins,
            columns: pageModel.columns,
            gutter: pageModel.gutter,
            baselineGrid: pageModel.baselineGrid,
          }
        : null,
    [pageModel],
  );

  const others = (ids: Id[]) =>
    pageFrames(page)
      .filter((i) => !ids.includes(i.frameId))
      .map(rectOf);

  const apply = (label: string, ops: Parameters<typeof session.apply>[0]) => {
    try {
      session.apply(ops, { label });
    } catch (error) {
      session.notify(error as Error);
    }
  };

  const onPointerDown = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0 || spaceDown.current || !edition || !pageModel) return;
    event.preventDefault();
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    const p = toPagePoint(event.clientX, event.clientY);
    const slop = HIT_PX * px;
    if (tool === 'text') {
      const hit = store.getState().displayList
        ? hitTest(store.getState().displayList!, pageIndex, p.x, p.y)
        : null;
      if (hit) {
        store.select({ pageIndex, frameIds: [hit.frameId] });
        session.requestCaret({ storyId: hit.storyId, point: hit.point });
        setDrag({ kind: 'text', storyId: hit.storyId, anchor: hit.point });
      } else {
        setDrag({ kind: 'create', tool: 'text', start: p, rect: { ...p, width: 0, height: 0 } });
      }
      return;
    }
    if (tool === 'frame' || tool === 'rule') {
      setDrag({ kind: 'create', tool, start: p, rect: { ...p, width: 0, height: 0 } });
      return;
    }
    // Select and direct-select: handles and ports of the selected frames first.
    for (const id of selected) {
      const item = pageFrames(page).find((i) => i.frameId === id);
      if (!item) continue;
      const r = rectOf(item);
      if (tool === 'select' && item.kind === 'text' && near(portPoints(r, scale).out, p, slop + 3 * px)) {
        setDrag({ kind: 'thread', from: id, start: p, at: p });
        return;
      }
      if (tool === 'select') {
        const handles = handlePoints(r);
        for (const key of Object.keys(handles) as HandleId[]) {
          if (near(handles[key], p, slop)) {
            setDrag({ kind: 'resize', id, edges: HANDLE_EDGES[key], start: p, orig: r, rect: r, guides: [] });
            return;
          }
        }
      }
    }
    const item = topmostAt(page, p, slop);
    if (!item) {
      store.select({ pageIndex, frameIds: [] });
      return;
    }
    if (tool === 'direct' && item.kind === 'image') {
      store.select({ pageIndex, frameIds: [item.frameId] });
      setDrag({ kind: 'crop', id: item.frameId, start: p, dx: 0, dy: 0 });
      return;
    }
    let ids: Id[];
    if (event.shiftKey)
      ids = selected.includes(item.frameId)
        ? selected.filter((id) => id !== item.frameId)
        : [...selected, item.frameId];
    else ids = selected.includes(item.frameId) ? selected : [item.frameId];
    const storyId = item.kind === 'text' ? item.storyId : null;
    store.select({ pageIndex, frameIds: ids, ...(storyId ? { storyId } : {}) });
    if (!ids.includes(item.frameId)) return;
    const boxes = pageFrames(page)
      .filter((i) => ids.includes(i.frameId))
      .map(rectOf);
    const box = boundingBox(boxes);
    setDrag({ kind: 'move', ids, start: p, box, moved: false, dx: 0, dy: 0, guides: [] });
  };

  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const current = dragRef.current;
    if (!current) return;
    const p = toPagePoint(event.clientX, event.clientY);
    const g = geometry();
    const snapOn = !(event.ctrlKey || event.metaKey);
    switch (current.kind) {
      case 'move': {
        const dx = p.x - current.start.x;
        const dy = p.y - current.start.y;
        if (!current.moved && Math.hypot(dx, dy) < 3 * px) return;
        const moved = { ...current.box, x: current.box.x + dx, y: current.box.y + dy };
        const snapped = g
          ? snapRect({
              rect: moved,
              edges: MOVE_EDGES,
              page: g,
              others: others(current.ids),
              threshold: SNAP_PX * px,
              enabled: snapOn,
            })
          : { rect: moved, guides: [] };
        setDrag({
          ...current,
          moved: true,
          dx: snapped.rect.x - current.box.x,
          dy: snapped.rect.y - current.box.y,
          guides: snapped.guides,
        });
        return;
      }
      case 'resize': {
        const raw = resizeRect(current.orig, current.edges, p.x - current.start.x, p.y - current.start.y);
        const snapped = g
          ? snapRect({
              rect: raw,
              edges: current.edges,
              page: g,
              others: others([current.id]),
              threshold: SNAP_PX * px,
              enabled: snapOn,
            })
          : { rect: raw, guides: [] };
        setDrag({ ...current, rect: clampSize(snapped.rect, current.edges), guides: snapped.guides });
        return;
      }
      case 'create': {
        let end = p;
        if (current.tool === 'rule' && event.shiftKey) {
          // Shift keeps a rule horizontal or vertical.
          end =
            Math.abs(p.x - current.start.x) >= Math.abs(p.y - current.start.y)
              ? { x: p.x, y: current.start.y }
              : { x: current.start.x, y: p.y };
        }
        setDrag({ ...current, rect: normalise(current.start, end) });
        return;
      }
      case 'thread':
        setDrag({ ...current, at: p });
        return;
      case 'crop':
        setDrag({ ...current, dx: p.x - current.start.x, dy: p.y - current.start.y });
        return;
      case 'text': {
        const list = store.getState().displayList;
        const hit = list ? hitTest(list, pageIndex, p.x, p.y) : null;
        if (hit && hit.storyId === current.storyId)
          session.requestCaret({ storyId: current.storyId, point: current.anchor, focus: hit.point });
        return;
      }
    }
  };

  const onPointerUp = () => {
    const current = dragRef.current;
    setDrag(null);
    const edition = store.getState().edition;
    const pageModel = edition?.pages.find((p) => p.id === page.pageId) ?? null;
    if (!current || !edition || !pageModel) return;
    switch (current.kind) {
      case 'move':
        if (current.moved && (current.dx || current.dy))
          apply('step.move', moveFrames(edition, current.ids, current.dx, current.dy));
        return;
      case 'resize':
        apply('step.resize', setFrameRect(edition, current.id, current.rect));
        return;
      case 'create': {
        const r = current.rect;
        const tiny = r.width < 4 * px && r.height < 4 * px;
        if (tiny) return;
        const kind = current.tool === 'frame' ? 'image' : current.tool;
        const made = createFrame(
          edition,
          pageModel,
          kind,
          kind === 'rule' ? r : clampSize(r, MOVE_EDGES),
          newId,
        );
        const label =
          kind === 'text' ? 'step.newTextFrame' : kind === 'image' ? 'step.newImageFrame' : 'step.newRule';
        apply(label, made.ops);
        store.select({
          pageIndex,
          frameIds: [made.frameId],
          ...(made.storyId ? { storyId: made.storyId } : {}),
        });
        if (made.storyId) session.requestCaret({ storyId: made.storyId, point: { block: 0, offset: 0 } });
        return;
      }
      case 'thread': {
        const target = topmostAt(page, current.at, HIT_PX * px);
        if (!target || target.frameId === current.from) return;
        if (target.kind !== 'text') {
          session.notify(new LocalizedError('tools.threadTextOnly'));
          return;
        }
        const error = runAction(actionNamed('threadFrames'), store, session, {
          from: current.from,
          to: target.frameId,
        });
        if (error) session.notify(error);
        return;
      }
      case 'crop': {
        const found = findFrame(edition, current.id);
        if (!found || found.frame.kind !== 'image' || (!current.dx && !current.dy)) return;
        const frame = found.frame as ImageFrame;
        const asset = frame.assetId ? edition.assets[frame.assetId] : undefined;
        if (!asset) return;
        const content = dragContent(frame, asset, frame.content, current.dx, current.dy);
        apply('step.crop', [{ type: 'update_frame', frameId: frame.id, props: { content, fit: 'none' } }]);
        return;
      }
      case 'text':
        return;
    }
  };

  const onDoubleClick = (event: React.MouseEvent<SVGRectElement>) => {
    const list = store.getState().displayList;
    if (!list) return;
    const p = toPagePoint(event.clientX, event.clientY);
    const hit = hitTest(list, pageIndex, p.x, p.y);
    if (!hit) return;
    session.setTool('text');
    store.select({ pageIndex, frameIds: [hit.frameId] });
    session.requestCaret({ storyId: hit.storyId, point: hit.point });
  };

  const onDragOver = (event: DragEvent<SVGRectElement>) => {
    if (event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const onDrop = (event: DragEvent<SVGRectElement>) => {
    const files = [...event.dataTransfer.files].filter(
      (f) => /^image\//.test(f.type) || /\.(jpe?g|png|tiff?|webp|heic|heif)$/i.test(f.name),
    );
    if (files.length === 0) return;
    // The window's own drop handler opens editions; a photo dropped on a page is placed.
    event.preventDefault();
    event.stopPropagation();
    event.nativeEvent.stopImmediatePropagation();
    const p = toPagePoint(event.clientX, event.clientY);
    const target = topmostAt(page, p, 0);
    void placeFiles(store, session, files, {
      pageIndex,
      at: p,
      frameId: target?.kind === 'image' ? target.frameId : null,
    });
  };

  if (preview) return null;
  return (
    <g className="tools-overlay" data-testid={`tools-overlay-${pageIndex + 1}`}>
      <rect
        data-testid={`tools-surface-${pageIndex + 1}`}
        x={0}
        y={0}
        width={page.width}
        height={page.height}
        fill="transparent"
        style={{ cursor: CURSORS[tool] }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onDoubleClick={onDoubleClick}
        onDragOver={onDragOver}
        onDrop={onDrop}
      />
      <Decorations page={page} selected={selected} scale={scale} tool={tool} edition={edition} />
      {drag ? <DragPreview drag={drag} page={page} px={px} /> : null}
    </g>
  );
}

function boundingBox(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Handles, ports and thread lines of the selected frames. */
function Decorations({
  page,
  selected,
  scale,
  tool,
  edition,
}: {
  page: DisplayPage;
  selected: Id[];
  scale: number;
  tool: ToolId;
  edition: Edition | null;
}) {
  const px = 1 / scale;
  const size = HANDLE_PX * px;
  const items = pageFrames(page).filter((i) => selected.includes(i.frameId));
  return (
    <g pointerEvents="none">
      {items.map((item) => {
        const r = rectOf(item);
        const ports = portPoints(r, scale);
        const overset = item.kind === 'text' && item.overset;
        const story = item.kind === 'text' && item.storyId && edition ? edition.stories[item.storyId] : null;
        const next = story ? story.thread[story.thread.indexOf(item.frameId) + 1] : undefined;
        const nextItem = next ? pageFrames(page).find((i) => i.frameId === next) : undefined;
        return (
          <g key={item.frameId} data-testid={`handles-${item.frameId}`}>
            {tool === 'select'
              ? Object.entries(handlePoints(r)).map(([key, h]) => (
                  <rect
                    key={key}
                    x={h.x - size / 2}
                    y={h.y - size / 2}
                    width={size}
                    height={size}
                    fill="#fff"
                    stroke="#2563eb"
                    strokeWidth={px}
                  />
                ))
              : null}
            {item.kind === 'text' ? (
              <>
                <rect
                  x={ports.in.x - size / 2}
                  y={ports.in.y - size / 2}
                  width={size}
                  height={size}
                  fill="#fff"
                  stroke="#2563eb"
                  strokeWidth={px}
                />
                <rect
                  data-testid={`out-port-${item.frameId}`}
                  x={ports.out.x - size / 2}
                  y={ports.out.y - size / 2}
                  width={size}
                  height={size}
                  fill={overset ? '#fee2e2' : '#fff'}
                  stroke={overset ? '#dc2626' : '#2563eb'}
                  strokeWidth={px}
                />
                {overset ? (
                  <path
                    d={`M ${ports.out.x - size / 3} ${ports.out.y} h ${(2 * size) / 3} M ${ports.out.x} ${ports.out.y - size / 3} v ${(2 * size) / 3}`}
                    stroke="#dc2626"
                    strokeWidth={px}
                  />
                ) : null}
                {nextItem ? (
                  <line
                    x1={ports.out.x}
                    y1={ports.out.y}
                    x2={portPoints(rectOf(nextItem), scale).in.x}
                    y2={portPoints(rectOf(nextItem), scale).in.y}
                    stroke="#2563eb"
                    strokeWidth={px}
                    strokeDasharray={`${4 * px} ${3 * px}`}
                  />
                ) : null}
              </>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

function DragPreview({ drag, page, px }: { drag: Drag; page: DisplayPage; px: number }) {
  const guides = drag.kind === 'move' || drag.kind === 'resize' ? drag.guides : [];
  let ghost: Rect | null = null;
  if (drag.kind === 'move' && drag.moved)
    ghost = { ...drag.box, x: drag.box.x + drag.dx, y: drag.box.y + drag.dy };
  if (drag.kind === 'resize') ghost = drag.rect;
  if (drag.kind === 'create') ghost = drag.rect;
  if (drag.kind === 'crop') {
    const item = page.items.find((i) => i.frameId === drag.id);
    if (item && item.kind === 'image')
      ghost = {
        x: item.imageX + drag.dx,
        y: item.imageY + drag.dy,
        width: item.imageWidth,
        height: item.imageHeight,
      };
  }
  return (
    <g pointerEvents="none" data-testid="drag-preview">
      {ghost ? (
        drag.kind === 'create' && drag.tool === 'rule' ? (
          <line
            x1={ghost.x}
            y1={ghost.y}
            x2={ghost.x + ghost.width}
            y2={ghost.y + ghost.height}
            stroke="#2563eb"
            strokeWidth={px}
          />
        ) : (
          <rect
            x={ghost.x}
            y={ghost.y}
            width={ghost.width}
            height={ghost.height}
            fill="#2563eb"
            fillOpacity={0.06}
            stroke="#2563eb"
            strokeWidth={px}
            strokeDasharray={`${3 * px} ${2 * px}`}
          />
        )
      ) : null}
      {drag.kind === 'thread' ? (
        <line
          x1={drag.start.x}
          y1={drag.start.y}
          x2={drag.at.x}
          y2={drag.at.y}
          stroke="#2563eb"
          strokeWidth={px}
        />
      ) : null}
      {guides.map((g, i) =>
        g.axis === 'x' ? (
          <line
            key={i}
            data-testid="smart-guide"
            x1={g.value}
            x2={g.value}
            y1={g.from}
            y2={g.to}
            stroke={g.source === 'frame' ? '#db2777' : '#0ea5e9'}
            strokeWidth={px}
          />
        ) : (
          <line
            key={i}
            data-testid="smart-guide"
            x1={g.from}
            x2={g.to}
            y1={g.value}
            y2={g.value}
            stroke={g.source === 'frame' ? '#db2777' : '#0ea5e9'}
            strokeWidth={px}
          />
        ),
      )}
    </g>
  );
}
