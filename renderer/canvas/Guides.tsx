/**
 * Screen-only guides over a page: margins, columns, baseline grid, frame
 * edges, text threads, overset markers and the selection. Preview hides them
 * all. Drawn in page points, with strokes kept one device pixel wide.
 */
import { memo } from 'react';
import type { DisplayPage, DisplayTextFrame } from '../../shared/layout/display-list';
import type { Edition, Id } from '../../shared/model/types';
import type { ViewState } from '../state/view';

interface GuidesProps {
  page: DisplayPage;
  edition: Edition;
  view: ViewState;
  selected: readonly Id[];
}

function MarginAndColumnGuides({ page, hairline }: { page: DisplayPage; hairline: number }) {
  const { margins, columns, gutter } = page;
  const left = margins.left;
  const top = margins.top;
  const width = page.width - margins.left - margins.right;
  const height = page.height - margins.top - margins.bottom;
  const columnWidth = (width - gutter * (columns - 1)) / Math.max(1, columns);
  const columnEdges: number[] = [];
  for (let column = 1; column < columns; column++) {
    const x = left + column * (columnWidth + gutter);
    columnEdges.push(x - gutter, x);
  }
  return (
    <g className="guide-margins" strokeWidth={hairline} fill="none">
      <rect x={left} y={top} width={width} height={height} stroke="#d400d4" />
      {columnEdges.map((x, index) => (
        <line key={index} x1={x} x2={x} y1={top} y2={top + height} stroke="#7a3cff" />
      ))}
    </g>
  );
}

function BaselineGrid({
  page,
  edition,
  hairline,
}: {
  page: DisplayPage;
  edition: Edition;
  hairline: number;
}) {
  const grid = edition.pages[page.index]?.baselineGrid;
  if (!grid || grid.increment <= 0) return null;
  const lines: number[] = [];
  for (let y = grid.start; y <= page.height - page.margins.bottom + 1e-6; y += grid.increment) {
    if (y >= page.margins.top - 1e-6) lines.push(y);
  }
  return (
    <g className="guide-baseline-grid" stroke="#45b5e6" strokeWidth={hairline}>
      {lines.map((y) => (
        <line key={y} x1={page.margins.left} x2={page.width - page.margins.right} y1={y} y2={y} />
      ))}
    </g>
  );
}

function TextThreads({ page, edition, hairline }: { page: DisplayPage; edition: Edition; hairline: number }) {
  const frames = new Map(
    page.items
      .filter((item): item is DisplayTextFrame => item.kind === 'text')
      .map((item) => [item.frameId, item]),
  );
  const links: { from: DisplayTextFrame; to: DisplayTextFrame }[] = [];
  for (const story of Object.values(edition.stories)) {
    for (let i = 0; i + 1 < story.thread.length; i++) {
      const from = frames.get(story.thread[i]);
      const to = frames.get(story.thread[i + 1]);
      if (from && to) links.push({ from, to });
    }
  }
  return (
    <g className="guide-threads" stroke="#1f6feb" strokeWidth={hairline * 1.5} fill="none">
      {links.map(({ from, to }, index) => (
        <path key={index} d={`M${from.x + from.width} ${from.y + from.height}L${to.x} ${to.y}`} />
      ))}
    </g>
  );
}

function GuidesOf({ page, edition, view, selected }: GuidesProps) {
  if (view.preview) return null;
  // One device pixel, whatever the zoom.
  const hairline = 1 / view.scale;
  const marker = 9 / view.scale;
  return (
    <g className="guides" pointerEvents="none">
      {view.guides ? <MarginAndColumnGuides page={page} hairline={hairline} /> : null}
      {view.baselineGrid ? <BaselineGrid page={page} edition={edition} hairline={hairline} /> : null}
      {view.frameEdges ? (
        <g className="guide-frame-edges" stroke="#9aa4b2" strokeWidth={hairline} fill="none">
          {page.items.map((item) => (
            <rect key={item.frameId} x={item.x} y={item.y} width={item.width} height={item.height} />
          ))}
        </g>
      ) : null}
      {view.textThreads ? <TextThreads page={page} edition={edition} hairline={hairline} /> : null}
      {page.items
        .filter((item): item is DisplayTextFrame => item.kind === 'text' && item.overset)
        .map((item) => (
          <g key={item.frameId} className="overset-marker" data-testid={`overset-${item.frameId}`}>
            <rect
              x={item.x + item.width - marker}
              y={item.y + item.height - marker}
              width={marker}
              height={marker}
              fill="#fff"
              stroke="#e5141a"
              strokeWidth={hairline * 1.5}
            />
            <path
              d={`M${item.x + item.width - marker / 2} ${item.y + item.height - marker * 0.8}v${marker * 0.6}M${item.x + item.width - marker * 0.8} ${item.y + item.height - marker / 2}h${marker * 0.6}`}
              stroke="#e5141a"
              strokeWidth={hairline * 1.5}
            />
          </g>
        ))}
      {page.items
        .filter((item) => selected.includes(item.frameId))
        .map((item) => (
          <rect
            key={item.frameId}
            className="selection"
            x={item.x}
            y={item.y}
            width={item.width}
            height={item.height}
            fill="none"
            stroke="#1473e6"
            strokeWidth={hairline * 2}
          />
        ))}
    </g>
  );
}

/** Whether two pages have the same geometry and frames (boxes, overset flags), whatever their text. */
function sameGuidePage(a: DisplayPage, b: DisplayPage): boolean {
  if (a === b) return true;
  const ma = a.margins;
  const mb = b.margins;
  return (
    a.index === b.index &&
    a.width === b.width &&
    a.height === b.height &&
    a.columns === b.columns &&
    a.gutter === b.gutter &&
    ma.top === mb.top &&
    ma.bottom === mb.bottom &&
    ma.left === mb.left &&
    ma.right === mb.right &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => {
      const other = b.items[i];
      return (
        item.frameId === other.frameId &&
        item.kind === other.kind &&
        item.x === other.x &&
        item.y === other.y &&
        item.width === other.width &&
        item.height === other.height &&
        (item.kind === 'text') === (other.kind === 'text') &&
        (item.kind !== 'text' || item.overset === (other as DisplayTextFrame).overset)
      );
    })
  );
}

/** The last answer of sameThreads: every page asks it about the same two editions after a keystroke. */
let lastThreads: { a: Edition['stories']; b: Edition['stories']; same: boolean } | null = null;

/** Whether two editions thread the same frames in the same order (all the guides read of the stories). */
function sameThreads(a: Edition, b: Edition): boolean {
  if (a.stories === b.stories) return true;
  if (lastThreads && lastThreads.a === a.stories && lastThreads.b === b.stories) return lastThreads.same;
  const same = compareThreads(a, b);
  lastThreads = { a: a.stories, b: b.stories, same };
  return same;
}

function compareThreads(a: Edition, b: Edition): boolean {
  const ids = Object.keys(a.stories);
  if (ids.length !== Object.keys(b.stories).length) return false;
  return ids.every((id) => {
    const before = a.stories[id].thread;
    const after = b.stories[id]?.thread;
    return (
      after !== undefined &&
      (before === after ||
        (before.length === after.length && before.every((frameId, i) => frameId === after[i])))
    );
  });
}

/**
 * Guides depend on the page, the view, the selection, the page's baseline
 * grid and the stories' threads — not on the text, so typing does not
 * render them again.
 */
export const Guides = memo(
  GuidesOf,
  (before, after) =>
    sameGuidePage(before.page, after.page) &&
    before.view === after.view &&
    before.selected === after.selected &&
    sameForGuides(before.edition, after.edition, after.page.index),
);

/** Whether the guides of page `pageIndex` read the same from both editions (its grid, the threads). */
export function sameForGuides(a: Edition, b: Edition, pageIndex: number): boolean {
  return (
    a === b || (a.pages[pageIndex]?.baselineGrid === b.pages[pageIndex]?.baselineGrid && sameThreads(a, b))
  );
}
