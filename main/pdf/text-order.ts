/**
 * The order a page's text is written to the PDF: page-logic.ts reads the
 * page (stories in reading order), page-painter.ts plans which frames'
 * text moves to the end in that order. One place for the painter and for
 * the tests that read the PDF back glyph by glyph.
 */
import type { DisplayPage, DisplayTextFrame } from '../../shared/layout/display-list';
import type { Edition } from '../../shared/model/types';
import { EditionLogic, type PageReading } from './page-logic';
import { planText, textWritingOrder, type TextPlan } from './page-painter';

export function planPage(logic: EditionLogic, page: DisplayPage): { reading: PageReading; plan: TextPlan } {
  const { edition } = logic;
  const reading = logic.readPage(page);
  const plan = planText(
    page,
    reading,
    (storyId, frameId) => edition.stories[storyId]?.thread.indexOf(frameId) ?? 0,
  );
  return { reading, plan };
}

/** The page's text frames in the order their glyphs appear in the PDF's content stream. */
export function textFramesInWritingOrder(edition: Edition, page: DisplayPage): DisplayTextFrame[] {
  return textWritingOrder(page, planPage(new EditionLogic(edition), page).plan);
}
