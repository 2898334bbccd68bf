/**
 * The two views of a proofread page, composed with the real composer: the
 * markup view shows deleted words struck through and inserted ones
 * underlined, in the author's colour; the final view is the page as it will
 * print; copyfit and overset come from the final text in both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { composeEdition } from '../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { applyOperation, blockText } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { buildSampleEdition } from '../../../shared/sample';
import { caretRect, hitTest } from '../../../shared/editing/caret-map';
import { trackedReplacement } from '../../../shared/review/track';
import { ReviewComposition } from '../../../shared/review/review-composition';

let composer: ParagraphComposer;
let edition: Edition;
let storyId: string;

const WANG = { author: '王校对', color: '#c0392b', time: '2024-05-01T09:30:00.000Z' };

function text(list: DisplayList, id: string): string {
  return list.pages
    .flatMap((p) => p.items)
    .flatMap((i) => (i.kind === 'text' ? i.lines : []))
    .filter((l) => l.storyId === id)
    .map((l) => l.text)
    .join('');
}

beforeAll(async () => {
  composer = await createNodeComposer();
  let e = buildSampleEdition().edition;
  e = applyOperation(e, { type: 'set_review_settings', props: { trackChanges: true } }).edition;
  // The longest story: the lead.
  storyId = Object.values(e.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0].id;
  const body = e.stories[storyId].blocks.findIndex((b) => b.type === 'body' && blockText(b).length > 20);
  edition = trackedReplacement(
    e,
    { storyId, block: body, start: 2, end: 6, text: '新词' },
    { stamp: WANG },
  ).edition;
});

describe('the markup and final views', () => {
  it('show deleted words only in the markup view, and both views report the final text', () => {
    const review = new ReviewComposition(composer);
    const markup = review.compose(edition, { view: 'markup' });
    const final = new ReviewComposition(composer).compose(edition, { view: 'final' });
    const plain = composeEdition(edition, composer);
    const deleted = edition.review!.changes.find((c) => c.kind === 'delete');
    const gone = deleted && deleted.kind === 'delete' ? blockText(deleted.content[0]) : '';
    expect(gone).toHaveLength(4);
    expect(text(markup, storyId)).toContain(gone + '新词');
    expect(text(final, storyId)).toBe(text(plain, storyId));
    expect(text(markup, storyId).length).toBe(text(final, storyId).length + gone.length);
    expect(markup.stories).toEqual(plain.stories);
  });

  it('mark the insertion underlined and the deletion struck through in the author colour', () => {
    const markup = new ReviewComposition(composer).compose(edition, { view: 'markup' });
    const marks = markup.pages.flatMap((p) => p.review ?? []);
    expect(marks.map((m) => [m.kind, m.color]).sort()).toEqual([
      ['delete', '#c0392b'],
      ['insert', '#c0392b'],
    ]);
    for (const mark of marks) expect(mark.rects.reduce((w, r) => w + r.width, 0)).toBeGreaterThan(10);
    const final = new ReviewComposition(composer).compose(edition, { view: 'final' });
    expect(final.pages.flatMap((p) => p.review ?? [])).toEqual([]);
  });

  it('keep the caret and clicks in the story’s own points over struck text', () => {
    const markup = new ReviewComposition(composer).compose(edition, { view: 'markup' });
    const insert = edition.review!.changes.find((c) => c.kind === 'insert')!;
    const caret = caretRect(markup, storyId, insert.to)!;
    expect(caret).not.toBeNull();
    const hit = hitTest(markup, caret.pageIndex, caret.x + 0.1, caret.y + caret.height / 2);
    expect(hit?.point).toEqual(insert.to);
  });
});
