import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../shared/model/operations';
import type { Operation } from '../../../shared/model/ops/types';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { sequentialIds } from '../../../shared/model/ids';
import type { Edition } from '../../../shared/model/types';
import {
  createFrame,
  deleteFrames,
  duplicateFrames,
  moveFrames,
  reorderFrames,
  threadFrames,
  unthreadAfter,
  setWrap,
} from '../../../shared/editing/frame-edits';
import { addPage, deletePage, duplicatePage, movePage } from '../../../shared/editing/page-edits';
import {
  createParagraphStyle,
  storiesUsingStyle,
  updateParagraphStyle,
} from '../../../shared/editing/style-edits';

function run(edition: Edition, ops: Operation[]) {
  const applied = applyOperations(edition, ops);
  // Every command must be undoable exactly: its inverse brings the edition back.
  expect(applyOperations(applied.edition, [applied.inverse]).edition).toEqual(edition);
  return applied.edition;
}

function editionWithFrames() {
  const ids = sequentialIds('t');
  let e = createEmptyEdition({ ids, pageCount: 2 });
  const page = e.pages[0];
  const a = createFrame(e, page, 'text', { x: 50, y: 50, width: 200, height: 100 }, ids);
  e = run(e, a.ops);
  const b = createFrame(e, page, 'text', { x: 50, y: 200, width: 200, height: 100 }, ids);
  e = run(e, b.ops);
  return { e, ids, a, b };
}

describe('frame commands', () => {
  it('creates a text frame with an empty story flowing in it', () => {
    const { e, a } = editionWithFrames();
    expect(e.pages[0].frames.map((f) => f.id)).toContain(a.frameId);
    expect(e.stories[a.storyId!].thread).toEqual([a.frameId]);
  });

  it('moves, reorders, wraps and deletes frames', () => {
    const { e, a, b } = editionWithFrames();
    const moved = run(e, moveFrames(e, [a.frameId], 10, -5));
    expect(moved.pages[0].frames[0]).toMatchObject({ x: 60, y: 45 });
    const back = run(e, reorderFrames(e, [b.frameId], 'back'));
    expect(back.pages[0].frames[0].id).toBe(b.frameId);
    const wrapped = run(e, setWrap(e, [a.frameId], 'box', { top: 6, right: 6, bottom: 6, left: 6 }));
    expect(wrapped.pages[0].frames[0].wrap.mode).toBe('box');
    const gone = run(e, deleteFrames(e, [a.frameId]));
    expect(gone.pages[0].frames.map((f) => f.id)).toEqual([b.frameId]);
  });

  it('threads a second frame after the first, taking over its story, and unthreads it', () => {
    const { e, a, b, ids } = editionWithFrames();
    const threaded = run(e, threadFrames(e, a.frameId, b.frameId, ids));
    expect(threaded.stories[a.storyId!].thread).toEqual([a.frameId, b.frameId]);
    expect(threaded.stories[b.storyId!]).toBeUndefined();
    const unthreaded = run(threaded, unthreadAfter(threaded, a.frameId));
    expect(unthreaded.stories[a.storyId!].thread).toEqual([a.frameId]);
  });

  it('duplicates a frame with a copy of its one-frame story', () => {
    const { e, a, ids } = editionWithFrames();
    const { ops, newFrameIds } = duplicateFrames(e, [a.frameId], ids);
    const next = run(e, ops);
    const copy = next.pages[0].frames.find((f) => f.id === newFrameIds[0])!;
    expect(copy).toMatchObject({ x: 62, y: 62 });
    expect(Object.values(next.stories).filter((s) => s.thread.includes(copy.id))).toHaveLength(1);
  });
});

describe('page commands', () => {
  it('adds, duplicates (with its stories), reorders and deletes pages', () => {
    const { e, ids } = editionWithFrames();
    const added = addPage(e, 0, ids);
    const withPage = run(e, added.ops);
    expect(withPage.pages[1].id).toBe(added.pageId);
    expect(withPage.pages[1].frames).toEqual([]);
    const dup = duplicatePage(e, e.pages[0].id, ids);
    const duplicated = run(e, dup.ops);
    const copy = duplicated.pages[1];
    expect(copy.frames).toHaveLength(2);
    const copiedStories = Object.values(duplicated.stories).filter((s) =>
      s.thread.some((id) => copy.frames.some((f) => f.id === id)),
    );
    expect(copiedStories).toHaveLength(2);
    const moved = run(e, movePage(e, e.pages[0].id, 1));
    expect(moved.pages[1].id).toBe(e.pages[0].id);
    const deleted = run(e, deletePage(e, e.pages[1].id));
    expect(deleted.pages).toHaveLength(1);
    expect(() => deletePage(deleted, deleted.pages[0].id)).toThrow(/at least one page/);
  });
});

describe('style commands', () => {
  it('creates a style based on another and changes it', () => {
    const { e, ids } = editionWithFrames();
    const body = e.styles.roleStyles.body;
    const created = createParagraphStyle(e, 'Body tight', body, { leading: 12 }, ids);
    const withStyle = run(e, created.ops);
    expect(withStyle.styles.paragraph[created.styleId]).toMatchObject({ basedOn: body, leading: 12 });
    const changed = run(
      withStyle,
      updateParagraphStyle(withStyle, created.styleId, { leading: undefined, fontSize: 11 }),
    );
    expect(changed.styles.paragraph[created.styleId].leading).toBeUndefined();
    expect(changed.styles.paragraph[created.styleId].fontSize).toBe(11);
    expect(() => updateParagraphStyle(changed, body, { basedOn: created.styleId })).toThrow(/based on/);
  });

  it('finds every story using a style through the role default', () => {
    const { e, a, b } = editionWithFrames();
    expect(storiesUsingStyle(e, e.styles.roleStyles.body).sort()).toEqual([a.storyId, b.storyId].sort());
  });
});

describe('master pages', () => {
  it('creates a master with a folio line whose stories are fields, and applies it', async () => {
    const { createMasterWithFolioLine, applyMaster } = await import('../../../shared/editing/page-edits');
    const { e, ids } = editionWithFrames();
    const made = createMasterWithFolioLine(e, 'B-Folio', e.pages[0], ids);
    const next = run(e, made.ops);
    const master = next.masters.find((m) => m.id === made.masterId)!;
    const folioStories = Object.values(next.stories).filter((s) =>
      s.thread.some((id) => master.frames.some((f) => f.id === id)),
    );
    expect(folioStories).toHaveLength(2);
    const fields = folioStories.flatMap((s) =>
      s.blocks.flatMap((b) => b.children.map((l) => l.field).filter(Boolean)),
    );
    expect(fields).toEqual(expect.arrayContaining(['paperName', 'date', 'pageNumber', 'section']));
    const applied = run(next, applyMaster(next, [next.pages[1].id], made.masterId));
    expect(applied.pages[1].masterId).toBe(made.masterId);
  });
});
