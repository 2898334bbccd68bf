/**
 * The EditorStore as the shell and the editing tools use it: operations go
 * through the model's apply path, the page recomposes (from the edited
 * paragraph for text edits, wholly for anything else), and listeners see
 * each change with the edition before and after.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { Edition } from '../../../shared/model/types';
import { applyEditionOperation } from '../../../renderer/layout/operations';
import { EditorStore, type AppliedChange, type StoryChange } from '../../../renderer/state/editor-store';
import { storyChangesOf } from '../../../renderer/state/story-changes';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

/** A composer that records how it was asked to compose. */
function recordingComposer() {
  const calls: ({ kind: 'compose' } | { kind: 'update'; changes: readonly StoryChange[] })[] = [];
  const list = (edition: Edition): DisplayList =>
    ({ pages: [], stories: {}, missingGlyphs: [], fonts: {}, ...{ edition } }) as never;
  return {
    calls,
    compose(edition: Edition) {
      calls.push({ kind: 'compose' });
      return list(edition);
    },
    update(edition: Edition, changes: readonly StoryChange[]) {
      calls.push({ kind: 'update', changes });
      return list(edition);
    },
  };
}

function openStore() {
  const composer = recordingComposer();
  const store = new EditorStore(applyEditionOperation, composer);
  store.load({ documentId: 'doc-1', path: null, title: 'Test' }, fixtureEdition());
  return { store, composer };
}

describe('the editor store', () => {
  it('composes a document when it is opened, clean and with nothing selected', () => {
    const { store, composer } = openStore();
    expect(composer.calls).toEqual([{ kind: 'compose' }]);
    expect(store.getState()).toMatchObject({
      dirty: false,
      selection: { pageIndex: 0, frameIds: [], storyId: null },
    });
    expect(store.getState().displayList).not.toBeNull();
  });

  it('applies a text edit through the model and recomposes from the edited paragraph', () => {
    const { store, composer } = openStore();
    const changes: AppliedChange[] = [];
    store.onApplied((change) => changes.push(change));
    store.apply({ type: 'insert_text', storyId: 'story-1', block: 1, offset: 0, text: '新' });
    expect(store.getState().edition!.stories['story-1'].blocks[1].children[0].text.startsWith('新')).toBe(
      true,
    );
    expect(store.getState().dirty).toBe(true);
    expect(composer.calls.at(-1)).toEqual({ kind: 'update', changes: [{ storyId: 'story-1', block: 1 }] });
    expect(changes).toHaveLength(1);
    expect(changes[0].before.stories['story-1'].blocks[1].children[0].text.startsWith('新')).toBe(false);
    expect(changes[0].meta.origin).toBe('user');
  });

  it('recomposes everything after a frame change', () => {
    const { store, composer } = openStore();
    store.apply({ type: 'update_frame', frameId: 'text-1', props: { width: 300 } });
    expect(composer.calls.at(-1)).toEqual({ kind: 'compose' });
    expect(store.getState().edition!.pages[0].frames.find((frame) => frame.id === 'text-1')!.width).toBe(300);
  });

  it('leaves the edition untouched when the model refuses an operation', () => {
    const { store } = openStore();
    const before = store.getState().edition;
    expect(() =>
      store.apply({ type: 'update_frame', frameId: 'no-such-frame', props: { width: 1 } }),
    ).toThrow();
    expect(store.getState().edition).toBe(before);
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps the view and selection apart from the document', () => {
    const { store } = openStore();
    store.select({ frameIds: ['text-1'] });
    store.setView({ scale: 2, fit: false });
    expect(store.getState()).toMatchObject({
      dirty: false,
      selection: { frameIds: ['text-1'] },
      view: { scale: 2, fit: false },
    });
    store.markSaved('/news/today.folio');
    expect(store.getState().document).toMatchObject({ path: '/news/today.folio', title: 'today' });
  });

  it('lets the panels follow a typed edit after the page, and anything else at once', async () => {
    const { store } = openStore();
    let panelRenders = 0;
    store.subscribeDeferred(() => panelRenders++);
    store.apply({ type: 'insert_text', storyId: 'story-1', block: 1, offset: 0, text: '新' });
    store.apply({ type: 'insert_text', storyId: 'story-1', block: 1, offset: 1, text: '闻' });
    // The page (getState) has both characters; the panels still show the text before them.
    const text = (edition: Edition | null) => edition!.stories['story-1'].blocks[1].children[0].text;
    expect(text(store.getState().edition).startsWith('新闻')).toBe(true);
    expect(text(store.getDeferredState().edition).startsWith('新')).toBe(false);
    expect(panelRenders).toBe(0);
    // Two keystrokes, one catch-up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getDeferredState()).toBe(store.getState());
    expect(panelRenders).toBe(1);
    // A frame change is shown by the panels at once.
    store.apply({ type: 'update_frame', frameId: 'text-1', props: { width: 300 } });
    expect(store.getDeferredState()).toBe(store.getState());
    expect(panelRenders).toBeGreaterThan(1);
  });
});

describe('which paragraphs an operation batch edits', () => {
  it('finds the first edited paragraph per story', () => {
    expect(
      storyChangesOf([
        { type: 'insert_text', storyId: 'a', block: 3, offset: 0, text: 'x' },
        { type: 'split_block', storyId: 'a', block: 2, offset: 1 },
        { type: 'merge_block', storyId: 'b', block: 4 },
      ]),
    ).toEqual([
      { storyId: 'a', block: 2 },
      { storyId: 'b', block: 3 },
    ]);
  });

  it('gives up (full recompose) when the batch touches anything but text', () => {
    expect(
      storyChangesOf([
        { type: 'insert_text', storyId: 'a', block: 0, offset: 0, text: 'x' },
        { type: 'remove_frame', frameId: 'f' },
      ]),
    ).toBeNull();
    expect(storyChangesOf([{ type: 'set_story_thread', storyId: 'a', thread: [] }])).toBeNull();
  });
});
