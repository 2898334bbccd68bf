/**
 * Screen-only marks over a page: the overset marker on a frame whose story
 * does not fit, guides that follow the View toggles, and nothing in Preview.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DisplayPage, DisplayTextFrame } from '../../../shared/layout/display-list';
import { Guides } from '../../../renderer/canvas/Guides';
import { DEFAULT_VIEW } from '../../../renderer/state/view';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

function textFrame(frameId: string, overset: boolean): DisplayTextFrame {
  return {
    kind: 'text',
    frameId,
    fromMaster: false,
    x: 60,
    y: 80,
    width: 200,
    height: 100,
    storyId: 'story-1',
    columns: [],
    lines: [],
    fill: null,
    stroke: null,
    overset,
  };
}

const page: DisplayPage = {
  pageId: 'page-1',
  index: 0,
  width: 600,
  height: 800,
  bleed: { top: 0, right: 0, bottom: 0, left: 0 },
  margins: { top: 40, right: 40, bottom: 40, left: 40 },
  columns: 4,
  gutter: 10,
  items: [textFrame('full', true), textFrame('fits', false)],
};

const draw = (view = DEFAULT_VIEW) =>
  renderToStaticMarkup(
    <svg>
      <Guides page={page} edition={fixtureEdition()} view={view} selected={[]} />
    </svg>,
  );

describe('guides and markers over a page', () => {
  it('marks only the frame whose story is overset', () => {
    const html = draw();
    expect(html).toContain('data-testid="overset-full"');
    expect(html).not.toContain('data-testid="overset-fits"');
  });

  it('draws margin and column guides (3 gutters → 6 column edges) and frame edges by default', () => {
    const html = draw();
    expect(html).toContain('class="guide-margins"');
    expect(html.match(/<line /g)?.length).toBe(6);
    expect(html).toContain('class="guide-frame-edges"');
  });

  it('draws the baseline grid and text threads only when switched on', () => {
    expect(draw()).not.toContain('guide-baseline-grid');
    const edition = fixtureEdition();
    const withGrid = renderToStaticMarkup(
      <svg>
        <Guides
          page={page}
          edition={{
            ...edition,
            pages: [{ ...edition.pages[0], baselineGrid: { start: 40, increment: 12 } }],
          }}
          view={{ ...DEFAULT_VIEW, baselineGrid: true }}
          selected={[]}
        />
      </svg>,
    );
    expect(withGrid).toContain('guide-baseline-grid');
    expect(withGrid.match(/<line /g)!.length).toBeGreaterThan(6 + 50);
  });

  it('shows nothing in Preview, not even the overset marker', () => {
    expect(draw({ ...DEFAULT_VIEW, preview: true })).toBe('<svg></svg>');
  });
});
