import { describe, expect, it } from 'vitest';
import { applyOperation, applyOperations, OperationError, blockText } from '../../../shared/model/operations';
import {
  createBlock,
  createImageFrame,
  createPage,
  createStory,
  createTextFrame,
} from '../../../shared/model/factories';
import { getPagePreset } from '../../../shared/model/presets';
import type { Edition } from '../../../shared/model/types';
import { sampleEdition } from './fixtures';
import { applyAndUndo, deepFreeze } from './op-helpers';

const lead = (e: Edition) => e.stories['st-lead'];
const text = (e: Edition, block: number, story = 'st-lead') => blockText(e.stories[story].blocks[block]);

/** Expects the operation to be refused with a message containing `fragment`. */
function refused(edition: Edition, op: Parameters<typeof applyOperation>[1], fragment: string) {
  expect(() => applyOperation(deepFreeze(edition), op)).toThrow(OperationError);
  expect(() => applyOperation(edition, op)).toThrow(fragment);
}

describe('text operations', () => {
  it('insert text into the run at the offset, keeping its marks, and undo exactly', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'insert_text',
      storyId: 'st-lead',
      block: 2,
      offset: 10,
      text: '新',
    });
    expect(text(after, 2)).toBe('智慧岛核心区已建成,新签约入驻企业359家,市政项目完成投资21.8亿元。');
    // At the boundary after "建成," the text joins the run before it (not the bold run).
    expect(lead(after).blocks[2].children[0].text).toBe('智慧岛核心区已建成,新');
    expect(lead(after).blocks[2].children[1]).toEqual({ text: '签约入驻企业359家', bold: true });
  });

  it('remove text across runs and undo exactly', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'remove_text',
      storyId: 'st-lead',
      block: 2,
      offset: 6,
      length: 8,
    });
    expect(text(after, 2)).toBe('智慧岛核心区企业359家,市政项目完成投资21.8亿元。');
  });

  it('split a paragraph, and a headline split makes a body paragraph when asked', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'split_block',
      storyId: 'st-lead',
      block: 2,
      offset: 14,
    });
    expect(lead(after).blocks).toHaveLength(6);
    expect(text(after, 2)).toBe('智慧岛核心区已建成,签约入驻');
    expect(text(after, 3)).toBe('企业359家,市政项目完成投资21.8亿元。');
    expect(lead(after).blocks[3].children[0]).toEqual({ text: '企业359家', bold: true });
    const atEnd = applyAndUndo(sampleEdition(), {
      type: 'split_block',
      storyId: 'st-lead',
      block: 0,
      offset: 19,
      newType: 'body',
    });
    expect(lead(atEnd).blocks[1]).toEqual({ type: 'body', children: [{ text: '' }] });
    expect(text(atEnd, 0)).toBe('示范区:真抓实干求突破 全力以赴谋发展');
  });

  it('merge a paragraph into the one before it', () => {
    const after = applyAndUndo(sampleEdition(), { type: 'merge_block', storyId: 'st-lead', block: 1 });
    expect(lead(after).blocks[0].type).toBe('headline');
    expect(text(after, 0)).toBe('示范区:真抓实干求突破 全力以赴谋发展记者 姬慧洋 通讯员 王明杰');
    refused(sampleEdition(), { type: 'merge_block', storyId: 'st-lead', block: 0 }, 'no paragraph before it');
  });

  it('set a paragraph role and style, and clear the style', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_block',
      storyId: 'st-lead',
      block: 3,
      props: { type: 'subheadline', styleId: 'ps-body-tight' },
    });
    expect(lead(after).blocks[3]).toMatchObject({ type: 'subheadline', styleId: 'ps-body-tight' });
    const cleared = applyAndUndo(sampleEdition(), {
      type: 'set_block',
      storyId: 'st-lead',
      block: 4,
      props: { styleId: null },
    });
    expect('styleId' in lead(cleared).blocks[4]).toBe(false);
    refused(
      sampleEdition(),
      { type: 'set_block', storyId: 'st-lead', block: 4, props: { styleId: 'ps-nope' } },
      'does not exist',
    );
  });

  it('set and clear marks over a range that crosses paragraphs', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_marks',
      storyId: 'st-lead',
      from: { block: 1, offset: 3 },
      to: { block: 2, offset: 4 },
      marks: { italic: true, charStyleId: 'cs-note' },
    });
    expect(lead(after).blocks[1].children).toEqual([
      { text: '记者 ' },
      { text: '姬慧洋 通讯员 王明杰', italic: true, charStyleId: 'cs-note' },
    ]);
    expect(lead(after).blocks[2].children[0]).toEqual({
      text: '智慧岛核',
      italic: true,
      charStyleId: 'cs-note',
    });
    const unbold = applyAndUndo(sampleEdition(), {
      type: 'set_marks',
      storyId: 'st-lead',
      from: { block: 2, offset: 0 },
      to: { block: 2, offset: text(sampleEdition(), 2).length },
      marks: { bold: false },
    });
    // With the bold run cleared, neighbouring runs with equal marks join.
    expect(lead(unbold).blocks[2].children).toEqual([{ text: text(sampleEdition(), 2) }]);
  });

  it('replace all paragraphs of a story', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_story_blocks',
      storyId: 'st-caption',
      blocks: [createBlock('caption', '新的图说'), createBlock('credit', '记者 摄')],
    });
    expect(after.stories['st-caption'].blocks.map((b) => b.type)).toEqual(['caption', 'credit']);
    refused(
      sampleEdition(),
      { type: 'set_story_blocks', storyId: 'st-caption', blocks: [] },
      'at least one paragraph',
    );
  });

  it('refuse offsets outside the paragraph and unknown stories', () => {
    refused(
      sampleEdition(),
      { type: 'insert_text', storyId: 'st-lead', block: 0, offset: 99, text: 'x' },
      'outside paragraph 0',
    );
    refused(
      sampleEdition(),
      { type: 'insert_text', storyId: 'st-none', block: 0, offset: 0, text: 'x' },
      'story "st-none" does not exist',
    );
    refused(
      sampleEdition(),
      { type: 'remove_text', storyId: 'st-lead', block: 9, offset: 0, length: 1 },
      'out of range',
    );
  });
});

describe('story operations', () => {
  it('add and remove a story; removing a caption story unlinks its photo, and undo relinks', () => {
    const story = createStory('st-new', 'New', [createBlock('headline', '新闻')], []);
    const added = applyAndUndo(sampleEdition(), { type: 'add_story', story });
    expect(added.stories['st-new'].name).toBe('New');
    const removed = applyAndUndo(sampleEdition(), { type: 'remove_story', storyId: 'st-caption' });
    expect(removed.stories['st-caption']).toBeUndefined();
    expect(removed.pages[0].frames.find((f) => f.id === 'fr-photo')).toMatchObject({ captionStoryId: null });
    refused(sampleEdition(), { type: 'add_story', story: { ...story, id: 'st-lead' } }, 'already in use');
  });

  it('rename a story', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_story_props',
      storyId: 'st-lead',
      props: { name: '头条' },
    });
    expect(lead(after).name).toBe('头条');
  });

  it('thread and unthread frames, refusing non-text frames and frames owned by another story', () => {
    const unthreaded = applyAndUndo(sampleEdition(), {
      type: 'set_story_thread',
      storyId: 'st-lead',
      thread: ['fr-a'],
    });
    expect(lead(unthreaded).thread).toEqual(['fr-a']);
    const rethreaded = applyAndUndo(unthreaded, {
      type: 'set_story_thread',
      storyId: 'st-caption',
      thread: ['fr-cap', 'fr-b'],
    });
    expect(rethreaded.stories['st-caption'].thread).toEqual(['fr-cap', 'fr-b']);
    refused(
      sampleEdition(),
      { type: 'set_story_thread', storyId: 'st-lead', thread: ['fr-a', 'fr-photo'] },
      'not a text frame',
    );
    refused(
      sampleEdition(),
      { type: 'set_story_thread', storyId: 'st-caption', thread: ['fr-a'] },
      'already in the thread of story "st-lead"',
    );
    refused(
      sampleEdition(),
      { type: 'set_story_thread', storyId: 'st-lead', thread: ['fr-a', 'fr-a'] },
      'twice',
    );
  });
});

describe('frame operations', () => {
  it('insert a frame on a page or a master, at a paint-order index', () => {
    const frame = createTextFrame('fr-new', { x: 10, y: 10, width: 100, height: 50 });
    const onPage = applyAndUndo(sampleEdition(), {
      type: 'insert_frame',
      container: { pageId: 'pg-2' },
      frame,
      index: 0,
    });
    expect(onPage.pages[1].frames.map((f) => f.id)).toEqual(['fr-new', 'fr-b']);
    const onMaster = applyAndUndo(sampleEdition(), {
      type: 'insert_frame',
      container: { masterId: 'ms-1' },
      frame,
    });
    expect(onMaster.masters[0].frames.map((f) => f.id)).toEqual(['fr-folio', 'fr-new']);
    refused(
      sampleEdition(),
      { type: 'insert_frame', container: { pageId: 'pg-1' }, frame: { ...frame, id: 'fr-a' } },
      'already in use',
    );
    refused(
      sampleEdition(),
      { type: 'insert_frame', container: { pageId: 'pg-9' }, frame },
      'page "pg-9" does not exist',
    );
    refused(
      sampleEdition(),
      {
        type: 'insert_frame',
        container: { pageId: 'pg-1' },
        frame: createImageFrame('fr-i', { x: 0, y: 0, width: 1, height: 1 }, { assetId: 'as-x' }),
      },
      'asset "as-x" does not exist',
    );
    refused(
      sampleEdition(),
      { type: 'insert_frame', container: { pageId: 'pg-1' }, frame: { ...frame, width: -5 } },
      'frame.width',
    );
  });

  it('remove a threaded frame: it leaves the thread, and undo restores both', () => {
    const after = applyAndUndo(sampleEdition(), { type: 'remove_frame', frameId: 'fr-b' });
    expect(after.pages[1].frames).toEqual([]);
    expect(lead(after).thread).toEqual(['fr-a']);
    applyAndUndo(sampleEdition(), { type: 'remove_frame', frameId: 'fr-folio' });
  });

  it('update a frame’s fields but never its id or kind', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'update_frame',
      frameId: 'fr-a',
      props: { x: 60, columns: 5 },
    });
    expect(after.pages[0].frames[0]).toMatchObject({ x: 60, columns: 5 });
    // An optional field older files lack (column balancing) can be set, and undo takes it away again.
    const unbalanced = applyAndUndo(sampleEdition(), {
      type: 'update_frame',
      frameId: 'fr-a',
      props: { balanceColumns: false },
    });
    expect(unbalanced.pages[0].frames[0]).toMatchObject({ balanceColumns: false });
    refused(
      sampleEdition(),
      { type: 'update_frame', frameId: 'fr-a', props: { kind: 'image' } as never },
      'cannot change',
    );
    refused(
      sampleEdition(),
      { type: 'update_frame', frameId: 'fr-rule', props: { columns: 2 } as never },
      'no field "columns"',
    );
    refused(
      sampleEdition(),
      { type: 'update_frame', frameId: 'fr-a', props: { fill: { swatchId: 'gold', tint: 100 } } },
      'swatch "gold"',
    );
  });

  it('move a frame to another page, keeping its thread', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'move_frame',
      frameId: 'fr-a',
      container: { pageId: 'pg-2' },
    });
    expect(after.pages[0].frames.map((f) => f.id)).not.toContain('fr-a');
    expect(after.pages[1].frames.map((f) => f.id)).toEqual(['fr-b', 'fr-a']);
    expect(lead(after).thread).toEqual(['fr-a', 'fr-b']);
    applyAndUndo(sampleEdition(), {
      type: 'move_frame',
      frameId: 'fr-folio',
      container: { pageId: 'pg-1' },
      index: 1,
    });
  });

  it('reorder a frame in paint order (bring to front / send to back)', () => {
    const front = applyAndUndo(sampleEdition(), { type: 'reorder_frame', frameId: 'fr-a', index: 3 });
    expect(front.pages[0].frames.map((f) => f.id)).toEqual(['fr-photo', 'fr-cap', 'fr-rule', 'fr-a']);
    const back = applyAndUndo(sampleEdition(), { type: 'reorder_frame', frameId: 'fr-rule', index: 0 });
    expect(back.pages[0].frames[0].id).toBe('fr-rule');
    refused(sampleEdition(), { type: 'reorder_frame', frameId: 'fr-a', index: 4 }, 'out of range');
  });
});

describe('page operations', () => {
  const preset = getPagePreset('cn-broadsheet');

  it('insert, move and remove pages; a removed page’s frames leave their threads', () => {
    const inserted = applyAndUndo(sampleEdition(), {
      type: 'insert_page',
      index: 1,
      page: createPage(preset, 'pg-new', { masterId: 'ms-1' }),
    });
    expect(inserted.pages.map((p) => p.id)).toEqual(['pg-1', 'pg-new', 'pg-2']);
    const moved = applyAndUndo(sampleEdition(), { type: 'move_page', pageId: 'pg-2', index: 0 });
    expect(moved.pages.map((p) => p.id)).toEqual(['pg-2', 'pg-1']);
    const removed = applyAndUndo(sampleEdition(), { type: 'remove_page', pageId: 'pg-1' });
    expect(removed.pages.map((p) => p.id)).toEqual(['pg-2']);
    expect(lead(removed).thread).toEqual(['fr-b']);
    expect(removed.stories['st-caption'].thread).toEqual([]);
    refused(
      sampleEdition(),
      { type: 'insert_page', index: 0, page: createPage(preset, 'pg-1') },
      'already in use',
    );
    refused(
      sampleEdition(),
      { type: 'insert_page', index: 0, page: createPage(preset, 'pg-x', { masterId: 'ms-9' }) },
      'master "ms-9"',
    );
  });

  it('set page properties', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_page_props',
      pageId: 'pg-1',
      props: { columns: 6, section: '要闻', masterId: null },
    });
    expect(after.pages[0]).toMatchObject({ columns: 6, section: '要闻', masterId: null });
    refused(
      sampleEdition(),
      { type: 'set_page_props', pageId: 'pg-1', props: { frames: [] } as never },
      'not a page property',
    );
    refused(sampleEdition(), { type: 'set_page_props', pageId: 'pg-1', props: { columns: 0 } }, 'columns');
  });

  it('insert, rename and remove masters; pages on a removed master lose it until undo', () => {
    const added = applyAndUndo(sampleEdition(), {
      type: 'insert_master',
      master: { id: 'ms-b', name: 'B', frames: [] },
    });
    expect(added.masters.map((m) => m.id)).toEqual(['ms-1', 'ms-b']);
    const renamed = applyAndUndo(sampleEdition(), {
      type: 'set_master_props',
      masterId: 'ms-1',
      props: { name: 'A-要闻' },
    });
    expect(renamed.masters[0].name).toBe('A-要闻');
    const removed = applyAndUndo(sampleEdition(), { type: 'remove_master', masterId: 'ms-1' });
    expect(removed.pages.every((p) => p.masterId === null)).toBe(true);
    expect(removed.stories['st-folio'].thread).toEqual([]);
  });
});

describe('style operations', () => {
  it('add, change and remove a paragraph style; refuse removing one in use', () => {
    const style = { id: 'ps-quote', name: '引语', basedOn: 'ps-body', italic: true };
    const added = applyAndUndo(sampleEdition(), { type: 'upsert_paragraph_style', style });
    expect(added.styles.paragraph['ps-quote']).toEqual(style);
    applyAndUndo(sampleEdition(), {
      type: 'upsert_paragraph_style',
      style: { id: 'ps-body', name: '正文', basedOn: 'ps-base', leading: 14 },
    });
    applyAndUndo(added, { type: 'remove_paragraph_style', styleId: 'ps-quote' });
    refused(
      sampleEdition(),
      { type: 'remove_paragraph_style', styleId: 'ps-body-tight' },
      'used in story "st-lead"',
    );
    refused(
      sampleEdition(),
      { type: 'remove_paragraph_style', styleId: 'ps-headline' },
      'default of the headline role',
    );
    refused(sampleEdition(), { type: 'remove_paragraph_style', styleId: 'ps-base' }, 'is based on "ps-base"');
    refused(
      sampleEdition(),
      { type: 'upsert_paragraph_style', style: { ...style, id: 'ps-body', basedOn: 'ps-body-tight' } },
      'loop',
    );
  });

  it('add and remove character styles', () => {
    const added = applyAndUndo(sampleEdition(), {
      type: 'upsert_character_style',
      style: { id: 'cs-x', name: 'X', basedOn: null, fontWeight: 900 },
    });
    applyAndUndo(added, { type: 'remove_character_style', styleId: 'cs-x' });
    refused(sampleEdition(), { type: 'remove_character_style', styleId: 'cs-red' }, 'is based on "cs-red"');
  });

  it('choose the default style of a role', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_role_style',
      role: 'body',
      styleId: 'ps-body-tight',
    });
    expect(after.styles.roleStyles.body).toBe('ps-body-tight');
  });

  it('add and remove swatches; refuse removing one in use', () => {
    const gold = {
      id: 'gold',
      name: 'Gold',
      cmyk: [0, 20, 80, 10] as [number, number, number, number],
      spot: 'PANTONE 871 C',
    };
    const added = applyAndUndo(sampleEdition(), { type: 'upsert_swatch', swatch: gold });
    applyAndUndo(added, { type: 'remove_swatch', swatchId: 'gold' });
    refused(sampleEdition(), { type: 'remove_swatch', swatchId: 'black' }, 'used by');
    refused(
      sampleEdition(),
      { type: 'upsert_swatch', swatch: { ...gold, cmyk: [0, 0, 0, 101] } },
      'swatch.cmyk[3]',
    );
  });
});

describe('assets and metadata', () => {
  const asset = {
    id: 'as-2',
    name: 'b.png',
    path: 'assets/as-2.png',
    mime: 'image/png' as const,
    widthPx: 10,
    heightPx: 10,
    colorSpace: 'rgb' as const,
    byteLength: 3,
  };

  it('add and remove an asset; photo frames showing it become empty until undo', () => {
    applyAndUndo(sampleEdition(), { type: 'add_asset', asset });
    const removed = applyAndUndo(sampleEdition(), { type: 'remove_asset', assetId: 'as-1' });
    expect(removed.pages[0].frames[1]).toMatchObject({ assetId: null });
    refused(
      sampleEdition(),
      { type: 'add_asset', asset: { ...asset, path: 'assets/as-1.jpg' } },
      'already used by asset "as-1"',
    );
    refused(sampleEdition(), { type: 'add_asset', asset: { ...asset, path: '../evil.png' } }, 'asset.path');
  });

  it('set edition metadata', () => {
    const after = applyAndUndo(sampleEdition(), {
      type: 'set_meta',
      props: { issueNumber: 7002, date: '2022-12-22' },
    });
    expect(after.meta).toMatchObject({ issueNumber: 7002, date: '2022-12-22', paperName: '周口晚报' });
    refused(sampleEdition(), { type: 'set_meta', props: { date: 'tomorrow' } }, 'meta.date');
  });
});

describe('batches', () => {
  it('apply as one step and undo as one step', () => {
    const edition = deepFreeze(sampleEdition());
    const { edition: after, inverse } = applyOperations(edition, [
      {
        type: 'insert_frame',
        container: { pageId: 'pg-2' },
        frame: createTextFrame('fr-c', { x: 0, y: 0, width: 10, height: 10 }),
      },
      { type: 'set_story_thread', storyId: 'st-lead', thread: ['fr-a', 'fr-b', 'fr-c'] },
      { type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '【头条】' },
    ]);
    expect(lead(after).thread).toEqual(['fr-a', 'fr-b', 'fr-c']);
    expect(inverse.type).toBe('batch');
    expect(JSON.stringify(applyOperation(after, inverse).edition)).toBe(JSON.stringify(edition));
  });

  it('apply nothing when one operation fails', () => {
    const edition = deepFreeze(sampleEdition());
    expect(() =>
      applyOperations(edition, [
        { type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: 'x' },
        { type: 'remove_frame', frameId: 'fr-missing' },
      ]),
    ).toThrow('remove_frame: frame "fr-missing" does not exist');
  });

  it('share what an operation did not change', () => {
    const edition = sampleEdition();
    const { edition: after } = applyOperation(edition, {
      type: 'insert_text',
      storyId: 'st-caption',
      block: 0,
      offset: 0,
      text: '图',
    });
    expect(after.pages).toBe(edition.pages);
    expect(after.styles).toBe(edition.styles);
    expect(after.stories['st-lead']).toBe(edition.stories['st-lead']);
  });

  it('refuse an unknown operation type', () => {
    expect(() => applyOperation(sampleEdition(), { type: 'explode' } as never)).toThrow(
      'explode: unknown operation type',
    );
  });
});
