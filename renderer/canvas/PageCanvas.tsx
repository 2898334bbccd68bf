/**
 * The page canvas: every page of the display list stacked in a scrolling
 * area, with rulers, zoom (buttons, menu, Ctrl/⌘ + wheel), fit-to-window and
 * panning (space + drag, or the middle button).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type PointerEvent,
} from 'react';
import type { CanvasOverlayProps } from '../shell/extensions';
import { useEditor, useEditorStore } from '../state/use-editor';
import { fitScale, stepZoom } from '../state/view';
import { frameAt } from './hit-test';
import { PaintContextValue, type PaintContext } from './paint-context';
import { PageView } from './PageView';
import { Ruler, RULER_SIZE } from './Rulers';
import { ThumbnailSources } from './ThumbnailSources';

interface PageCanvasProps {
  paint: PaintContext;
  overlays: ComponentType<CanvasOverlayProps>[];
  /** The body size in pt: one 字 on the rulers. */
  bodySize: number;
}

/** Gap between stacked pages and around them, in CSS px. */
const PAGE_GAP = 24;

export function PageCanvas({ paint, overlays, bodySize }: PageCanvasProps) {
  const zoom = useEditor((state) => state.view.scale);
  // Photos are fetched at the size the zoom shows them (device pixels), not at full resolution.
  const zoomedPaint = useMemo(
    () => ({ ...paint, pxPerPt: zoom * (window.devicePixelRatio || 1) }),
    [paint, zoom],
  );
  const store = useEditorStore();
  const displayList = useEditor((state) => state.displayList);
  const edition = useEditor((state) => state.edition);
  const view = useEditor((state) => state.view);
  const selection = useEditor((state) => state.selection);
  // The pages' sizes as one string: unchanged (===) by text edits.
  const pageSizes = useEditor(
    (state) => state.displayList?.pages.map((page) => `${page.width}x${page.height}`).join(' ') ?? '',
  );
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 800, height: 600, scrollLeft: 0, scrollTop: 0 });
  const [pageOrigin, setPageOrigin] = useState({ x: 0, y: 0 });
  const panning = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const spaceDown = useRef(false);

  const firstPage = displayList?.pages[selection.pageIndex] ?? displayList?.pages[0];

  // Fit: follow the viewport size while the user has not chosen a zoom.
  useLayoutEffect(() => {
    if (view.fit && firstPage) {
      const scale = fitScale(firstPage, viewport);
      if (Math.abs(scale - view.scale) > 1e-4) store.setView({ scale });
    }
  }, [view.fit, view.scale, firstPage, viewport, store]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () =>
      setViewport({
        width: element.clientWidth,
        height: element.clientHeight,
        scrollLeft: element.scrollLeft,
        scrollTop: element.scrollTop,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  // Ruler zero: the current page's top-left corner on screen. Measured when
  // the view or the pages' sizes change, never on a text edit: reading a box
  // forces a synchronous layout of the whole page.
  useLayoutEffect(() => {
    const element = scroller.current;
    const page = element?.querySelector<SVGSVGElement>(`[data-testid="page-${selection.pageIndex + 1}"]`);
    if (!element || !page) return;
    const outer = element.getBoundingClientRect();
    const box = page.getBoundingClientRect();
    const x = box.left - outer.left;
    const y = box.top - outer.top;
    setPageOrigin((origin) => (origin.x === x && origin.y === y ? origin : { x, y }));
  }, [viewport, view.scale, selection.pageIndex, pageSizes]);

  // Ctrl/⌘ + wheel zooms about the pointer; the plain wheel scrolls.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const state = store.getState().view;
      const scale = stepZoom(state.scale, event.deltaY < 0 ? 1 : -1);
      const box = element.getBoundingClientRect();
      const px = event.clientX - box.left + element.scrollLeft;
      const py = event.clientY - box.top + element.scrollTop;
      const ratio = scale / state.scale;
      store.setView({ scale, fit: false });
      requestAnimationFrame(() => {
        element.scrollLeft = px * ratio - (event.clientX - box.left);
        element.scrollTop = py * ratio - (event.clientY - box.top);
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [store]);

  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      if (
        event.code === 'Space' &&
        !(event.target instanceof HTMLElement && event.target.isContentEditable) &&
        !(event.target instanceof HTMLInputElement)
      ) {
        spaceDown.current = true;
      }
    };
    const up = (event: KeyboardEvent) => {
      if (event.code === 'Space') spaceDown.current = false;
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button === 1 || (event.button === 0 && spaceDown.current)) {
      event.preventDefault();
      const element = scroller.current!;
      panning.current = {
        x: event.clientX,
        y: event.clientY,
        left: element.scrollLeft,
        top: element.scrollTop,
      };
      element.setPointerCapture(event.pointerId);
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const pan = panning.current;
    if (!pan) return;
    scroller.current!.scrollLeft = pan.left - (event.clientX - pan.x);
    scroller.current!.scrollTop = pan.top - (event.clientY - pan.y);
  };
  const onPointerUp = () => {
    panning.current = null;
  };

  const onPagePointerDown = useCallback(
    (pageIndex: number, point: { x: number; y: number }) => {
      if (spaceDown.current) return;
      const page = store.getState().displayList?.pages[pageIndex];
      if (!page) return;
      const item = frameAt(page, point.x, point.y);
      const storyId = item?.kind === 'text' ? item.storyId : null;
      store.select({
        pageIndex,
        frameIds: item ? [item.frameId] : [],
        storyId: storyId ?? store.getState().selection.storyId,
      });
    },
    [store],
  );

  return (
    <div className="canvas-area">
      <div className="ruler-corner" />
      <div className="ruler-top">
        <Ruler
          orientation="horizontal"
          origin={pageOrigin.x}
          length={viewport.width}
          scale={view.scale}
          units={view.units}
          bodySize={bodySize}
        />
      </div>
      <div className="ruler-left">
        <Ruler
          orientation="vertical"
          origin={pageOrigin.y}
          length={viewport.height}
          scale={view.scale}
          units={view.units}
          bodySize={bodySize}
        />
      </div>
      <div
        ref={scroller}
        className="page-canvas"
        data-testid="page-canvas"
        data-scale={view.scale}
        style={{ padding: PAGE_GAP, ['--ruler' as string]: `${RULER_SIZE}px` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        <PaintContextValue.Provider value={zoomedPaint}>
          <div className="page-stack" style={{ gap: PAGE_GAP }}>
            {displayList && edition
              ? displayList.pages.map((page) => (
                  <PageView
                    key={page.pageId}
                    page={page}
                    edition={edition}
                    view={view}
                    selected={selection.frameIds}
                    lang={paint.lang}
                    overlays={overlays}
                    onPagePointerDown={onPagePointerDown}
                  />
                ))
              : null}
          </div>
          {displayList ? <ThumbnailSources pages={displayList.pages} /> : null}
        </PaintContextValue.Provider>
      </div>
    </div>
  );
}
