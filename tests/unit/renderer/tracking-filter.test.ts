/**
 * Tracked changes on the renderer's one edit path: with the tracking
 * filter on the editing session, a user's edits of a tracked story get
 * their records in the user's name and colour; untracked stories and the
 * decisions themselves go through as given; each decision and each switch
 * is one undo step.
 */
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../shared/model/operations';
import { isTracking, reviewOf } from '../../../shared/model/review';
import type { Edition } from '../../../shared/model/types';
import { sessionOf } from '../../../renderer/actions/session';
import { userOf } from '../../../renderer/comments/user-state';
import { applyEditionOperation } from '../../../renderer/layout/operations';
import { EditorStore } from '../../../renderer/state/editor-store';
import {
  decide,
  setEditionTracking,
  setStoryTracking,
  trackingFilter,
} from '../../../renderer/tracking/change-actions';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

const STORY = 'story-1';

function open() {
  const store = new EditorStore(applyEditionOperation);
  const edition = fixtureEdition(2);
  store.load({ documentId: 'doc-1', path: null, title: 'Test' }, edition);
  userOf(store).set({ name: '王校对', color: '#2563eb', loaded: true });
  const session = sessionOf(store);
  session.addFilter(trackingFilter(store));
  return { store, session, original: edition };
}

const body = (edition: Edition, storyId = STORY) => blockText(edition.stories[storyId].blocks[1]);
const changes = (store: EditorStore) => reviewOf(store.getState().edition!).changes;

describe('tracking in the editing session', () => {
  it('leaves edits alone while tracking is off', () => {
    const { store, session } = open();
    session.apply({ type: 'insert_text', storyId: STORY, block: 1, offset: 0, text: '目前' }, { label: 'x' });
    expect(body(store.getState().edition!)).toMatch(/^目前智慧岛/);
    expect(changes(store)).toEqual([]);
  });

  it('records insertions and deletions in the user’s name once the edition tracks, and rejecting restores the text', () => {
    const { store, session, original } = open();
    expect(setEditionTracking(store, true)).toBe(true);
    expect(isTracking(store.getState().edition!, STORY)).toBe(true);
    session.apply({ type: 'insert_text', storyId: STORY, block: 1, offset: 0, text: '目前' }, { label: 'x' });
    session.apply({ type: 'remove_text', storyId: STORY, block: 1, offset: 12, length: 5 }, { label: 'x' });
    const recorded = changes(store);
    expect(recorded.map((c) => c.kind)).toEqual(['insert', 'delete']);
    expect(recorded.every((c) => c.author === '王校对' && c.color === '#2563eb')).toBe(true);
    // The story holds the final text; the deletion keeps its words.
    expect(body(store.getState().edition!)).toMatch(/^目前智慧岛核心区已建成，业359家/);
    const deletion = recorded[1];
    expect(deletion.kind === 'delete' && deletion.content.map(blockText).join('')).toBe('签约入驻企');

    expect(decide(store, 'reject', {})).toBe(2);
    expect(body(store.getState().edition!)).toBe(body(original));
    expect(changes(store)).toEqual([]);
    // One undo step brings both back as pending changes.
    session.undo();
    expect(changes(store).map((c) => c.kind)).toEqual(['insert', 'delete']);
    expect(body(store.getState().edition!)).toMatch(/^目前/);
  });

  it('accepting one keeps its text and drops only its record', () => {
    const { store, session } = open();
    setEditionTracking(store, true);
    session.apply({ type: 'insert_text', storyId: STORY, block: 1, offset: 0, text: '目前' }, { label: 'x' });
    session.apply({ type: 'remove_text', storyId: STORY, block: 1, offset: 12, length: 5 }, { label: 'x' });
    const [insertion] = changes(store);
    expect(decide(store, 'accept', { ids: [insertion.id] })).toBe(1);
    expect(changes(store).map((c) => c.kind)).toEqual(['delete']);
    expect(body(store.getState().edition!)).toMatch(/^目前/);
  });

  it('a story switched off is not tracked while the edition is; switched back it follows the edition', () => {
    const { store, session } = open();
    setEditionTracking(store, true);
    expect(setStoryTracking(store, 'story-2', false)).toBe(true);
    session.apply(
      { type: 'insert_text', storyId: 'story-2', block: 1, offset: 0, text: '甲' },
      { label: 'x' },
    );
    session.apply({ type: 'insert_text', storyId: STORY, block: 1, offset: 0, text: '乙' }, { label: 'x' });
    expect(changes(store).map((c) => c.storyId)).toEqual([STORY]);
    setStoryTracking(store, 'story-2', true);
    // Back to what the edition does: the story's own switch is gone.
    expect(reviewOf(store.getState().edition!).settings.trackStories).toEqual({});
    // Undo takes the switch back, as any step.
    session.undo();
    expect(isTracking(store.getState().edition!, 'story-2')).toBe(false);
  });

  it('applies the decisions as given: rejecting a deletion puts the words back untracked', () => {
    const { store, session } = open();
    setEditionTracking(store, true);
    session.apply({ type: 'remove_text', storyId: STORY, block: 1, offset: 0, length: 3 }, { label: 'x' });
    decide(store, 'reject', {});
    expect(changes(store)).toEqual([]);
    expect(body(store.getState().edition!)).toMatch(/^智慧岛/);
  });
});
