import { describe, expect, it } from 'vitest';
import { applyOperation, blockText, type Operation } from '../../../shared/model/operations';
import type { DeleteChange, Edition } from '../../../shared/model/types';
import { trackOperations, trackedReplacement } from '../../../shared/review/track';
import { pendingChanges, resolveChanges } from '../../../shared/review/resolve';
import { sampleEdition } from '../model/fixtures';

const WANG = { author: '王校对', color: '#c0392b', time: '2024-05-01T09:30:00.000Z' };
const LI = { author: 'Li', color: '#2255aa', time: '2024-05-01T10:00:00.000Z' };
const S = 'st-lead';

function tracking(): Edition {
  return applyOperation(sampleEdition(), { type: 'set_review_settings', props: { trackChanges: true } })
    .edition;
}

function edit(edition: Edition, ops: Operation[], stamp = WANG): Edition {
  return trackOperations(edition, ops, { stamp }).edition;
}

const text = (e: Edition, block: number) => blockText(e.stories[S].blocks[block]);

describe('tracking edits', () => {
  it('records typing as one insertion that grows with the next keystrokes', () => {
    let e = tracking();
    for (const [i, ch] of [...'新增'].entries())
      e = edit(e, [{ type: 'insert_text', storyId: S, block: 1, offset: 2 + i, text: ch }]);
    const [change] = pendingChanges(e);
    expect(change).toMatchObject({
      kind: 'insert',
      author: '王校对',
      from: { block: 1, offset: 2 },
      to: { block: 1, offset: 4 },
    });
    expect(text(e, 1).slice(2, 4)).toBe('新增');
  });

  it('keeps deleted words in the record, not in the story', () => {
    const e = edit(tracking(), [{ type: 'remove_text', storyId: S, block: 1, offset: 3, length: 3 }]);
    expect(text(e, 1)).toBe('记者  通讯员 王明杰');
    const [change] = pendingChanges(e) as DeleteChange[];
    expect(change.kind).toBe('delete');
    expect(change.content.map(blockText)).toEqual(['姬慧洋']);
  });

  it('joins backspaces into one deletion, in reading order', () => {
    let e = tracking();
    for (const offset of [5, 4, 3])
      e = edit(e, [{ type: 'remove_text', storyId: S, block: 1, offset, length: 1 }]);
    const changes = pendingChanges(e) as DeleteChange[];
    expect(changes).toHaveLength(1);
    expect(blockText(changes[0].content[0])).toBe('姬慧洋');
  });

  it('simply removes text that was itself a pending insertion', () => {
    let e = edit(tracking(), [{ type: 'insert_text', storyId: S, block: 1, offset: 0, text: '本报' }]);
    e = edit(e, [{ type: 'remove_text', storyId: S, block: 1, offset: 0, length: 2 }]);
    expect(pendingChanges(e)).toEqual([]);
  });

  it('records a replacement (Find/Replace) as a deletion and an insertion by its author', () => {
    const e = trackedReplacement(
      tracking(),
      { storyId: S, block: 1, start: 3, end: 6, text: '张三' },
      { stamp: LI },
    ).edition;
    expect(text(e, 1)).toBe('记者 张三 通讯员 王明杰');
    expect(pendingChanges(e).map((c) => [c.kind, c.author])).toEqual([
      ['delete', 'Li'],
      ['insert', 'Li'],
    ]);
    expect(text(resolveChanges(e, 'reject').edition, 1)).toBe('记者 姬慧洋 通讯员 王明杰');
  });

  it('records bold, and a role change, with what they were; changing back removes the record', () => {
    let e = edit(tracking(), [
      {
        type: 'set_marks',
        storyId: S,
        from: { block: 1, offset: 0 },
        to: { block: 1, offset: 2 },
        marks: { bold: true },
      },
      { type: 'set_block', storyId: S, block: 3, props: { type: 'body' } },
    ]);
    expect(pendingChanges(e).map((c) => c.kind)).toEqual(['format', 'paragraph']);
    e = edit(e, [{ type: 'set_block', storyId: S, block: 3, props: { type: 'section-head' } }]);
    expect(pendingChanges(e).map((c) => c.kind)).toEqual(['format']);
  });

  it('does not track a story whose own switch is off', () => {
    let e = applyOperation(tracking(), {
      type: 'set_review_settings',
      props: {},
      trackStories: { [S]: false },
    }).edition;
    e = edit(e, [{ type: 'insert_text', storyId: S, block: 0, offset: 0, text: '新' }]);
    expect(pendingChanges(e)).toEqual([]);
  });
});

describe('accepting and rejecting', () => {
  function edited(): Edition {
    let e = edit(tracking(), [{ type: 'remove_text', storyId: S, block: 1, offset: 3, length: 3 }]);
    e = edit(e, [{ type: 'insert_text', storyId: S, block: 2, offset: 0, text: '据悉,' }], LI);
    e = edit(e, [{ type: 'merge_block', storyId: S, block: 4 }]);
    return e;
  }

  it('accepts one change: the text stays, the mark goes', () => {
    const e = edited();
    const id = pendingChanges(e, { author: 'Li' })[0].id;
    const after = resolveChanges(e, 'accept', { ids: [id] }).edition;
    expect(after.stories).toEqual(e.stories);
    expect(pendingChanges(after)).toHaveLength(2);
  });

  it('rejects all by one author, leaving the others pending', () => {
    const e = edited();
    const after = resolveChanges(e, 'reject', { author: '王校对' }).edition;
    expect(text(after, 1)).toBe('记者 姬慧洋 通讯员 王明杰');
    expect(after.stories[S].blocks.map((b) => b.type)).toEqual(
      sampleEdition().stories[S].blocks.map((b) => b.type),
    );
    expect(pendingChanges(after).map((c) => c.author)).toEqual(['Li']);
  });

  it('puts a removed paragraph back with its role, and is undone exactly', () => {
    const original = tracking();
    const e = edit(original, [{ type: 'replace_blocks', storyId: S, index: 3, count: 1, blocks: [] }]);
    expect(e.stories[S].blocks).toHaveLength(4);
    const { ops } = resolveChanges(e, 'reject');
    const applied = applyOperation(e, { type: 'batch', ops });
    expect(applied.edition.stories[S]).toEqual(original.stories[S]);
    expect(applyOperation(applied.edition, applied.inverse).edition).toEqual(e);
  });

  it('brings a note back onto its words when their deletion is rejected', () => {
    let e = applyOperation(tracking(), {
      type: 'upsert_note',
      note: {
        id: 'nt-1',
        ...WANG,
        anchor: {
          kind: 'text',
          storyId: S,
          from: { block: 1, offset: 3 },
          to: { block: 1, offset: 6 },
          quote: '姬慧洋',
        },
        text: '姓名核实',
        replies: [],
        resolved: null,
      },
    }).edition;
    e = edit(e, [{ type: 'remove_text', storyId: S, block: 1, offset: 2, length: 5 }]);
    const collapsed = e.review!.notes[0].anchor;
    expect(collapsed.kind === 'text' && collapsed.from).toEqual(collapsed.kind === 'text' && collapsed.to);
    const back = resolveChanges(e, 'reject').edition.review!.notes[0].anchor;
    expect(back).toMatchObject({ from: { block: 1, offset: 3 }, to: { block: 1, offset: 6 } });
  });
});
