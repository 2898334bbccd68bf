/** Frame operations: insert, remove, update, move between pages, z-order. */
import type { Edition, Frame } from '../types';
import { frameSchema } from '../schema';
import type { AppliedOperation, FrameOperation, Operation } from './types';
import { OperationError, ensure } from './errors';
import { checkFrameRefs, checkInsertIndex, checkNewFrameIds, checkShape } from './checks';
import {
  containerIndex,
  containerOf,
  framesOf,
  hasKey,
  insertAt,
  locateFrame,
  removeAt,
  threadOwner,
  withFrames,
  withStory,
} from './locate';

/** Optional frame fields (absent in older files) that update_frame may set. */
const OPTIONAL_FRAME_FIELDS: Record<Frame['kind'], readonly string[]> = {
  text: ['balanceColumns'],
  image: [],
  rule: [],
  box: [],
};

function locate(edition: Edition, frameId: unknown, opType: string) {
  const location = typeof frameId === 'string' ? locateFrame(edition, frameId) : undefined;
  ensure(location, opType, `frame "${String(frameId)}" does not exist`);
  return location;
}

function target(edition: Edition, op: { type: string; container: unknown }) {
  const container = op.container as { pageId?: unknown; masterId?: unknown } | null;
  ensure(container && typeof container === 'object', op.type, 'container must name a pageId or a masterId');
  const found = containerIndex(edition, container as never);
  const name =
    'pageId' in container ? `page "${String(container.pageId)}"` : `master "${String(container.masterId)}"`;
  ensure(found.index >= 0, op.type, `${name} does not exist`);
  return found;
}

export function applyFrameOperation(edition: Edition, op: FrameOperation): AppliedOperation {
  switch (op.type) {
    case 'insert_frame': {
      const frame = checkShape(frameSchema, op.frame, op.type, 'frame') as Frame;
      const { where, index } = target(edition, op);
      const frames = framesOf(edition, where, index);
      const at = op.index ?? frames.length;
      checkInsertIndex(at, frames.length, op.type, 'index');
      checkNewFrameIds(edition, [frame], op.type);
      checkFrameRefs(edition, frame, op.type);
      return {
        edition: withFrames(edition, where, index, insertAt(frames, at, frame)),
        inverse: { type: 'remove_frame', frameId: frame.id },
      };
    }
    case 'remove_frame': {
      const location = locate(edition, op.frameId, op.type);
      const container = containerOf(edition, location);
      const frames = framesOf(edition, location.where, location.containerIndex);
      let next = withFrames(
        edition,
        location.where,
        location.containerIndex,
        removeAt(frames, location.frameIndex),
      );
      const restore: Operation = {
        type: 'insert_frame',
        container,
        index: location.frameIndex,
        frame: location.frame,
      };
      // A text frame leaves its story's thread; undo puts it back.
      const ownerId = threadOwner(edition, location.frame.id);
      if (ownerId === undefined) return { edition: next, inverse: restore };
      const owner = edition.stories[ownerId];
      next = withStory(next, { ...owner, thread: owner.thread.filter((id) => id !== location.frame.id) });
      return {
        edition: next,
        inverse: {
          type: 'batch',
          ops: [restore, { type: 'set_story_thread', storyId: ownerId, thread: owner.thread }],
        },
      };
    }
    case 'update_frame': {
      const location = locate(edition, op.frameId, op.type);
      const old = location.frame as unknown as Record<string, unknown>;
      const props = (op.props ?? {}) as Record<string, unknown>;
      const inverseProps: Record<string, unknown> = {};
      const next: Record<string, unknown> = { ...old };
      for (const key of Object.keys(props)) {
        ensure(key !== 'id' && key !== 'kind', op.type, `a frame's ${key} cannot change`);
        ensure(
          hasKey(old, key) || OPTIONAL_FRAME_FIELDS[location.frame.kind].includes(key),
          op.type,
          `a ${location.frame.kind} frame has no field "${key}"`,
        );
        const optional = OPTIONAL_FRAME_FIELDS[location.frame.kind].includes(key);
        // An optional field the frame did not have is taken away again by the inverse: null
        // (not undefined, which a journal written as JSON would drop).
        inverseProps[key] = hasKey(old, key) ? old[key] : null;
        if (optional && props[key] === null) delete next[key];
        else next[key] = props[key];
      }
      const frame = checkShape(frameSchema, next, op.type, `frame "${location.frame.id}"`) as Frame;
      checkFrameRefs(edition, frame, op.type);
      const frames = framesOf(edition, location.where, location.containerIndex).slice();
      frames[location.frameIndex] = frame;
      return {
        edition: withFrames(edition, location.where, location.containerIndex, frames),
        inverse: { type: 'update_frame', frameId: location.frame.id, props: inverseProps },
      };
    }
    case 'move_frame': {
      const location = locate(edition, op.frameId, op.type);
      const destination = target(edition, op);
      const from = containerOf(edition, location);
      const removed = withFrames(
        edition,
        location.where,
        location.containerIndex,
        removeAt(framesOf(edition, location.where, location.containerIndex), location.frameIndex),
      );
      const frames = framesOf(removed, destination.where, destination.index);
      const at = op.index ?? frames.length;
      checkInsertIndex(at, frames.length, op.type, 'index');
      return {
        edition: withFrames(
          removed,
          destination.where,
          destination.index,
          insertAt(frames, at, location.frame),
        ),
        inverse: {
          type: 'move_frame',
          frameId: location.frame.id,
          container: from,
          index: location.frameIndex,
        },
      };
    }
    case 'reorder_frame': {
      const location = locate(edition, op.frameId, op.type);
      const frames = framesOf(edition, location.where, location.containerIndex);
      checkInsertIndex(op.index, frames.length - 1, op.type, 'index');
      return {
        edition: withFrames(
          edition,
          location.where,
          location.containerIndex,
          insertAt(removeAt(frames, location.frameIndex), op.index, location.frame),
        ),
        inverse: { type: 'reorder_frame', frameId: location.frame.id, index: location.frameIndex },
      };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown frame operation');
  }
}
