/** One page of the canvas: the painted display list, guides and the extensions' overlays, in one SVG. */
import { memo, useCallback, useRef, type PointerEvent } from 'react';
import type { DisplayPage } from '../../shared/layout/display-list';
import type { Edition, Id } from '../../shared/model/types';
import type { ViewState } from '../state/view';
import type { CanvasOverlayProps } from '../shell/extensions';
import type { ComponentType } from 'react';
import { Guides, sameForGuides } from './Guides';
import { PaintItem } from './PaintItems';

/** The painted content of a page (with an element id where something refers to it). */
export const PageContent = memo(function PageContent({ page, id }: { page: DisplayPage; id?: string }) {
  return (
    <g id={id}>
      <rect className="paper" x={0} y={0} width={page.width} height={page.height} fill="#ffffff" />
      {page.items.map((item) => (
        <PaintItem key={`${item.fromMaster ? 'm' : 'p'}-${item.frameId}`} item={item} />
      ))}
    </g>
  );
});

interface PageViewProps {
  page: DisplayPage;
  edition: Edition;
  view: ViewState;
  selected: readonly Id[];
  lang: string;
  overlays: ComponentType<CanvasOverlayProps>[];
  /** A click on the page at a point in page coordinates (not taken by an overlay). */
  onPagePointerDown(
    pageIndex: number,
    point: { x: number; y: number },
    event: PointerEvent<SVGSVGElement>,
  ): void;
}

/**
 * A page renders again when its display page, the view or the selection
 * changes — not when typing replaced the edition's stories elsewhere (the
 * edition reaches only the guides, which read its grid and threads).
 */
function samePageProps(before: PageViewProps, after: PageViewProps): boolean {
  return (
    before.page === after.page &&
    before.view === after.view &&
    before.selected === after.selected &&
    before.lang === after.lang &&
    before.overlays === after.overlays &&
    before.onPagePointerDown === after.onPagePointerDown &&
    sameForGuides(before.edition, after.edition, after.page.index)
  );
}

export const PageView = memo(function PageView({
  page,
  edition,
  view,
  selected,
  lang,
  overlays,
  onPagePointerDown,
}: PageViewProps) {
  const svg = useRef<SVGSVGElement>(null);
  const toPagePoint = useCallback(
    (clientX: number, clientY: number) => {
      const box = svg.current?.getBoundingClientRect();
      if (!box) return { x: 0, y: 0 };
      return {
        x: ((clientX - box.left) / box.width) * page.width,
        y: ((clientY - box.top) / box.height) * page.height,
      };
    },
    [page.width, page.height],
  );
  return (
    <div
      className="page-slot"
      style={{ containIntrinsicSize: `${page.width * view.scale}px ${page.height * view.scale}px` }}
    >
      <svg
        ref={svg}
        className="page"
        data-testid={`page-${page.index + 1}`}
        data-page-id={page.pageId}
        width={page.width * view.scale}
        height={page.height * view.scale}
        viewBox={`0 0 ${page.width} ${page.height}`}
        lang={lang}
        onPointerDown={(event) => {
          if (!event.defaultPrevented && event.button === 0)
            onPagePointerDown(page.index, toPagePoint(event.clientX, event.clientY), event);
        }}
      >
        <PageContent page={page} />
        <Guides page={page} edition={edition} view={view} selected={selected} />
        {overlays.map((Overlay, index) => (
          <Overlay
            key={index}
            page={page}
            pageIndex={page.index}
            scale={view.scale}
            toPagePoint={toPagePoint}
          />
        ))}
      </svg>
    </div>
  );
}, samePageProps);
