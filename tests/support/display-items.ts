/**
 * Hand-made display-list pieces for tests that feed painters, exporters or
 * the caret map: a bare page and a one-column text frame, so each test spells
 * out only its ids, geometry and lines.
 */
import type {
  DisplayItem,
  DisplayLine,
  DisplayPage,
  DisplayTextFrame,
} from '../../shared/layout/display-list';

const NO_SIDES = { top: 0, right: 0, bottom: 0, left: 0 };

/** A 500 × 500 pt page with no bleed or margins and one column. */
export function plainPage(pageId: string, index: number, items: DisplayItem[]): DisplayPage {
  return {
    pageId,
    index,
    width: 500,
    height: 500,
    bleed: { ...NO_SIDES },
    margins: { ...NO_SIDES },
    columns: 1,
    gutter: 0,
    items,
  };
}

/** A text frame of one column filling the frame, no fill or stroke, not from a master. */
export function oneColumnTextFrame(
  frameId: string,
  storyId: string,
  rect: { x: number; y: number; width: number; height: number },
  lines: DisplayLine[],
  overset = false,
): DisplayTextFrame {
  return {
    kind: 'text',
    frameId,
    fromMaster: false,
    ...rect,
    storyId,
    columns: [{ ...rect }],
    lines,
    fill: null,
    stroke: null,
    overset,
  };
}
