/**
 * Comparing two rounds as read from a file (no objects shared): the later
 * round, composed incrementally after the earlier one, looks exactly as it
 * does composed from scratch; the pages no change reached keep their
 * DisplayPage, so the diff finds only the page that changed and the same
 * regions as a diff of both rounds composed whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { Composition, composeEdition } from '../../../shared/layout/compose-edition';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { applyOperation, blockText } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { buildSampleEdition } from '../../../shared/sample';
import { composeStates, diffEditions, shareEqual, storyChangesBetween } from '../../../shared/review';

let composer: ParagraphComposer;
let before: Edition;
let after: Edition;
let storyId: string;

beforeAll(async () => {
  composer = await createNodeComposer();
  const sample = buildSampleEdition().edition;
  // A second page with nothing on it: a page no edit reaches.
  before = { ...sample, pages: [...sample.pages, { ...sample.pages[0], id: 'page-2', frames: [] }] };
  storyId = Object.values(before.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0].id;
  const block = before.stories[storyId].blocks.findIndex(
    (b) => b.type === 'body' && blockText(b).length > 20,
  );
  const edited = applyOperation(before, {
    type: 'insert_text',
    storyId,
    block,
    offset: 2,
    text: '据悉，',
  }).edition;
  // As two rounds read from a file: equal values, no shared objects.
  [before, after] = [structuredClone(before), structuredClone(edited)];
});

describe('composing two states to compare them', () => {
  it('shares the earlier state’s equal objects, leaving only the edited story’s changed paragraph', () => {
    const shared = shareEqual(before, after);
    expect(shared.pages).toBe(before.pages);
    expect(shared.styles).toBe(before.styles);
    const changes = storyChangesBetween(before, shared);
    expect(changes).toHaveLength(1);
    expect(changes![0].storyId).toBe(storyId);
    expect(blockText(shared.stories[storyId].blocks[changes![0].block])).toContain('据悉，');
  });

  it('composes the later state incrementally, exactly as from scratch, and diffs like the whole composition', () => {
    const states = composeStates(new Composition(composer), before, after);
    const fromScratch = composeEdition(after, composer);
    expect(JSON.parse(JSON.stringify(states.listB))).toEqual(JSON.parse(JSON.stringify(fromScratch)));
    // The page the edit did not reach is the very same DisplayPage.
    expect(states.listB.pages[1]).toBe(states.listA.pages[1]);
    const diff = diffEditions(states.before, states.after, states.listA, states.listB);
    const whole = diffEditions(before, after, composeEdition(before, composer), fromScratch);
    expect(diff).toEqual(whole);
    expect(diff.pages.map((p) => p.number)).toEqual([1]);
    expect(diff.stories.map((s) => s.storyId)).toEqual([storyId]);
  });
});
