/**
 * The gap between a photo and its caption comes from the caption style
 * (`captionGap`, 1 mm when no style sets it): a caption paragraph that
 * starts a frame sits that far below the frame's top, where space before
 * is dropped; body text and a caption inside a frame are not moved by it.
 */
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import { CAPTION_GAP_DEFAULT } from '../../../../shared/model/defaults';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, block, body, columnsFrame, han, testEdition } from './test-edition';

function textFrame(list: DisplayList, frameId: string): DisplayTextFrame {
  for (const page of list.pages)
    for (const item of page.items) if (item.kind === 'text' && item.frameId === frameId) return item;
  throw new Error(`no text frame ${frameId}`);
}

/** Top of a line's em box (the baseline less the ascent). */
const boxTop = (frame: DisplayTextFrame, i = 0) => frame.lines[i].y - frame.lines[i].ascent;

describe('the caption gap', () => {
  it('is 1 mm by default, measured from the frame top to the first line box', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('cap', 100, 200, 2, { columns: 1, width: 50 }));
    addStory(edition, 'c', [block('caption', han(3))], ['cap']);
    const frame = textFrame(composeEdition(edition, createFixedComposer()), 'cap');
    expect(CAPTION_GAP_DEFAULT).toBeCloseTo(2.8346, 4);
    expect(boxTop(frame)).toBeCloseTo(200 + CAPTION_GAP_DEFAULT, 6);
  });

  it('follows the caption style, replacing its space before at the frame top', () => {
    const edition = testEdition();
    edition.styles.paragraph['ps-caption'] = {
      ...edition.styles.paragraph['ps-caption'],
      captionGap: 4,
      spaceBefore: 3,
    };
    addFrame(edition, 0, columnsFrame('cap', 100, 200, 3, { columns: 1, width: 50 }));
    // Two captions (12 pt leading): the second gets its space before, not the gap.
    addStory(edition, 'c', [block('caption', han(3)), block('caption', han(3, 3))], ['cap']);
    const frame = textFrame(composeEdition(edition, createFixedComposer()), 'cap');
    expect(boxTop(frame, 0)).toBeCloseTo(204, 6);
    expect(boxTop(frame, 1)).toBeCloseTo(204 + 12 + 3, 6);
  });

  it('leaves body text at the frame top, whatever the style sets', () => {
    const edition = testEdition();
    edition.styles.paragraph['ps-body'] = { ...edition.styles.paragraph['ps-body'], captionGap: 9 };
    addFrame(edition, 0, columnsFrame('a', 100, 200, 2, { columns: 1, width: 50 }));
    addStory(edition, 's', [body(han(3))], ['a']);
    expect(boxTop(textFrame(composeEdition(edition, createFixedComposer()), 'a'))).toBeCloseTo(200, 6);
  });
});
