/**
 * What the frame tools and actions do, as model operations: pure functions
 * from an edition and a request to the operations that carry it out (the
 * session applies them as one undo step). Nothing here mutates.
 */
import { LocalizedError } from '../services/locales/localized-error';
import { cloneJson } from './clone';
import type { Edition, Frame, Id, ImageFrame, Page, Sides, TextWrap } from '../model/types';
import type { FrameContainer, FramePatch, Operation } from '../model/ops/types';
import { locateFrame, threadOwner } from '../model/operations';
import {
  createBlock,
  createImageFrame,
  createRuleFrame,
  createStory,
  createTextFrame,
} from '../model/factories';
import type { IdGenerator } from '../model/ids';
import type { Rect } from './snapping';
import { fillProportionally, fitProportionally, frameToContent } from './image-fit';

/** A frame and where it is, or undefined. */
export function findFrame(
  edition: Edition,
  frameId: Id,
): { frame: Frame; container: FrameContainer; index: number } | undefined {
  const location = locateFrame(edition, frameId);
  if (!location) return undefined;
  const container: FrameContainer =
    location.where === 'page'
      ? { pageId: edition.pages[location.containerIndex].id }
      : { masterId: edition.masters[location.containerIndex].id };
  return { frame: location.frame, container, index: location.frameIndex };
}

/** The frames of the page or master holding a frame. */
export function siblingsOf(edition: Edition, frameId: Id): Frame[] {
  const location = locateFrame(edition, frameId);
  if (!location) return [];
  return location.where === 'page'
    ? edition.pages[location.containerIndex].frames
    : edition.masters[location.containerIndex].frames;
}

/** Moves frames by (dx, dy); locked frames stay. */
export function moveFrames(edition: Edition, frameIds: readonly Id[], dx: number, dy: number): Operation[] {
  const ops: Operation[] = [];
  for (const id of frameIds) {
    const found = findFrame(edition, id);
    if (!found || found.frame.locked) continue;
    ops.push({ type: 'update_frame', frameId: id, props: { x: found.frame.x + dx, y: found.frame.y + dy } });
  }
  return ops;
}

/** Sets a frame's rectangle (a resize or a snapped move). */
export function setFrameRect(edition: Edition, frameId: Id, rect: Rect): Operation[] {
  const found = findFrame(edition, frameId);
  if (!found || found.frame.locked) return [];
  const { x, y, width, height } = rect;
  const f = found.frame;
  if (f.x === x && f.y === y && f.width === width && f.height === height) return [];
  return [{ type: 'update_frame', frameId, props: { x, y, width, height } }];
}

/** Deletes frames; their stories keep their text (a story left with no frame is overset, as in InDesign). */
export function deleteFrames(edition: Edition, frameIds: readonly Id[]): Operation[] {
  return frameIds
    .filter((id) => findFrame(edition, id))
    .map((frameId): Operation => ({ type: 'remove_frame', frameId }));
}

/**
 * Duplicates frames, offset down and right, on top of their page. A
 * duplicated text frame gets a copy of its story when the story lives in
 * that frame alone; a frame of a longer thread is duplicated empty.
 */
export function duplicateFrames(
  edition: Edition,
  frameIds: readonly Id[],
  ids: IdGenerator,
  offset = 12,
): { ops: Operation[]; newFrameIds: Id[] } {
  const ops: Operation[] = [];
  const newFrameIds: Id[] = [];
  for (const id of frameIds) {
    const found = findFrame(edition, id);
    if (!found) continue;
    const copy: Frame = {
      ...cloneJson(found.frame),
      id: ids('frame'),
      x: found.frame.x + offset,
      y: found.frame.y + offset,
    };
    if (copy.kind === 'image') copy.captionStoryId = null;
    ops.push({ type: 'insert_frame', container: found.container, frame: copy });
    newFrameIds.push(copy.id);
    const ownerId = threadOwner(edition, id);
    if (copy.kind === 'text' && ownerId) {
      const owner = edition.stories[ownerId];
      if (owner.thread.length === 1) {
        const story = {
          ...cloneJson(owner),
          id: ids('story'),
          name: `${owner.name} (2)`,
          thread: [copy.id],
        };
        ops.push({ type: 'add_story', story });
      }
    }
  }
  return { ops, newFrameIds };
}

/** Paint order: to front, forward one, backward one, to back. */
export type ZOrderMove = 'front' | 'forward' | 'backward' | 'back';

export function reorderFrames(edition: Edition, frameIds: readonly Id[], move: ZOrderMove): Operation[] {
  const ops: Operation[] = [];
  // Apply in an order that keeps the selected frames' relative order.
  const located = frameIds
    .map((id) => findFrame(edition, id))
    .filter((f): f is NonNullable<typeof f> => !!f)
    .sort((a, b) => (move === 'front' || move === 'forward' ? b.index - a.index : a.index - b.index));
  for (const found of located) {
    const count = siblingsOf(edition, found.frame.id).length;
    const index =
      move === 'front'
        ? count - 1
        : move === 'back'
          ? 0
          : move === 'forward'
            ? Math.min(count - 1, found.index + 1)
            : Math.max(0, found.index - 1);
    if (index !== found.index) ops.push({ type: 'reorder_frame', frameId: found.frame.id, index });
  }
  return ops;
}

/** Why a thread cannot be made, for the user (in their language: a LocalizedError). */
export class ThreadError extends LocalizedError {}

/**
 * Threads `toFrameId` after `fromFrameId` (out-port to in-port): the story
 * of the first frame flows on into the second. A target frame that holds
 * a story of its own lends it: that story's text is appended to the
 * threaded story, as InDesign does, and the emptied story is removed.
 */
export function threadFrames(
  edition: Edition,
  fromFrameId: Id,
  toFrameId: Id,
  ids: IdGenerator,
): Operation[] {
  const from = findFrame(edition, fromFrameId);
  const to = findFrame(edition, toFrameId);
  if (!from || !to) throw new ThreadError('error.thread.missingFrame');
  if (from.frame.kind !== 'text' || to.frame.kind !== 'text') throw new ThreadError('error.thread.textOnly');
  if (fromFrameId === toFrameId) throw new ThreadError('error.thread.itself');
  const ops: Operation[] = [];
  let storyId = threadOwner(edition, fromFrameId);
  let thread: Id[];
  if (!storyId) {
    storyId = ids('story');
    ops.push({
      type: 'add_story',
      story: createStory(storyId, 'Story', [createBlock('body')], [fromFrameId]),
    });
    thread = [fromFrameId];
  } else {
    thread = [...edition.stories[storyId].thread];
  }
  if (thread.includes(toFrameId)) throw new ThreadError('error.thread.already');
  const targetOwner = threadOwner(edition, toFrameId);
  if (targetOwner && targetOwner !== storyId) {
    const target = edition.stories[targetOwner];
    const hasText = target.blocks.some((b) => b.children.some((l) => l.text !== ''));
    if (hasText) {
      const blocks = edition.stories[storyId]?.blocks ?? [createBlock('body')];
      ops.push({ type: 'replace_blocks', storyId, index: blocks.length, count: 0, blocks: target.blocks });
    }
    // The target's thread is taken over: its frames follow the new one.
    const rest = target.thread.filter((id) => id !== toFrameId && !thread.includes(id));
    ops.push({ type: 'remove_story', storyId: targetOwner });
    const at = thread.indexOf(fromFrameId) + 1;
    thread.splice(at, 0, toFrameId, ...rest);
  } else {
    thread.splice(thread.indexOf(fromFrameId) + 1, 0, toFrameId);
  }
  ops.push({ type: 'set_story_thread', storyId, thread });
  return ops;
}

/** Breaks the thread after a frame: the frames after it become empty (the text goes overset or to nothing). */
export function unthreadAfter(edition: Edition, frameId: Id): Operation[] {
  const storyId = threadOwner(edition, frameId);
  if (!storyId) return [];
  const thread = edition.stories[storyId].thread;
  const at = thread.indexOf(frameId);
  if (at < 0 || at === thread.length - 1) return [];
  return [{ type: 'set_story_thread', storyId, thread: thread.slice(0, at + 1) }];
}

/** Takes a frame out of its thread; the text flows on from the frame before to the frame after. */
export function removeFromThread(edition: Edition, frameId: Id): Operation[] {
  const storyId = threadOwner(edition, frameId);
  if (!storyId) return [];
  return [
    {
      type: 'set_story_thread',
      storyId,
      thread: edition.stories[storyId].thread.filter((id) => id !== frameId),
    },
  ];
}

export type NewFrameKind = 'text' | 'image' | 'rule';

/**
 * A new frame on a page. A text frame comes with an empty story flowing in
 * it, so the designer can type at once.
 */
export function createFrame(
  edition: Edition,
  page: Page,
  kind: NewFrameKind,
  rect: Rect,
  ids: IdGenerator,
  defaults: { columns?: number; gutter?: number } = {},
): { ops: Operation[]; frameId: Id; storyId: Id | null } {
  const frameId = ids('frame');
  const container: FrameContainer = { pageId: page.id };
  if (kind === 'text') {
    const frame = createTextFrame(frameId, rect, {
      columns: defaults.columns ?? 1,
      gutter: defaults.gutter ?? page.gutter,
    });
    const storyId = ids('story');
    const zh = edition.meta.language === 'zh-Hans';
    return {
      frameId,
      storyId,
      ops: [
        { type: 'insert_frame', container, frame },
        {
          type: 'add_story',
          story: createStory(storyId, zh ? '新稿件' : 'New story', [createBlock('body')], [frameId]),
        },
      ],
    };
  }
  if (kind === 'image') {
    return {
      frameId,
      storyId: null,
      ops: [{ type: 'insert_frame', container, frame: createImageFrame(frameId, rect) }],
    };
  }
  // A rule runs along the drag's longer side.
  const horizontal = Math.abs(rect.width) >= Math.abs(rect.height);
  const geometry = horizontal ? { ...rect, height: 0 } : { ...rect, width: 0 };
  return {
    frameId,
    storyId: null,
    ops: [{ type: 'insert_frame', container, frame: createRuleFrame(frameId, geometry) }],
  };
}

/** Text wrap on or off (box wrap with offsets) for frames. */
export function setWrap(
  edition: Edition,
  frameIds: readonly Id[],
  mode: TextWrap['mode'],
  offsets?: Sides,
): Operation[] {
  const ops: Operation[] = [];
  for (const id of frameIds) {
    const found = findFrame(edition, id);
    if (!found) continue;
    const wrap: TextWrap = { mode, offsets: offsets ?? found.frame.wrap.offsets };
    ops.push({ type: 'update_frame', frameId: id, props: { wrap } });
  }
  return ops;
}

/** Frame columns (a text frame set in N columns: "span columns" of a frame). */
export function setFrameColumns(
  edition: Edition,
  frameId: Id,
  columns: number,
  gutter?: number,
): Operation[] {
  const found = findFrame(edition, frameId);
  if (!found || found.frame.kind !== 'text') return [];
  const props: FramePatch = {
    columns: Math.max(1, Math.round(columns)),
    ...(gutter !== undefined ? { gutter } : {}),
  };
  return [{ type: 'update_frame', frameId, props }];
}

export type FitCommand = 'fill' | 'fit' | 'frame-to-content';

/** Fits the photo in an image frame: fill proportionally, fit proportionally, or the frame to the photo. */
export function fitImage(edition: Edition, frameId: Id, command: FitCommand): Operation[] {
  const found = findFrame(edition, frameId);
  if (!found || found.frame.kind !== 'image') return [];
  const frame = found.frame as ImageFrame;
  const asset = frame.assetId ? edition.assets[frame.assetId] : undefined;
  if (!asset) return [];
  const image = { widthPx: asset.widthPx, heightPx: asset.heightPx };
  if (command === 'frame-to-content') {
    const size = frameToContent(image, frame.content.scale);
    return [
      {
        type: 'update_frame',
        frameId,
        props: {
          x: frame.x + frame.content.x,
          y: frame.y + frame.content.y,
          ...size,
          content: { ...frame.content, x: 0, y: 0 },
          fit: 'none',
        },
      },
    ];
  }
  const content = command === 'fill' ? fillProportionally(frame, image) : fitProportionally(frame, image);
  return [
    {
      type: 'update_frame',
      frameId,
      props: { content, fit: command === 'fill' ? 'fill-proportional' : 'fit-proportional' },
    },
  ];
}
