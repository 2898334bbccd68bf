/**
 * The flow's position in a story's thread: which frame and column, and how
 * far down. Cursors are plain values: the flow keeps the cursor before each
 * paragraph, and incremental recomposition restarts from it.
 */
import type { ThreadFrame } from './thread';

export interface FlowCursor {
  /** Index in the thread's frames; frames.length when the thread is full. */
  frame: number;
  column: number;
  /** Top of the next line box in the current column. */
  y: number;
  /** Where the columns of the current section start (below spanning paragraphs). */
  sectionTop: number;
  /** The deepest point any column of the current section reached. */
  sectionBottom: number;
  /** Nothing set yet in this column: space before is dropped here. */
  fresh: boolean;
}

/** The top of the first frame (or the "full" cursor when the thread is empty). */
export function startCursor(frames: readonly ThreadFrame[]): FlowCursor {
  return frameStart(frames, 0);
}

/** The top of frame `index`, first column. */
export function frameStart(frames: readonly ThreadFrame[], index: number): FlowCursor {
  const frame = frames[index];
  const top = frame ? frame.interior.y : 0;
  return { frame: index, column: 0, y: top, sectionTop: top, sectionBottom: top, fresh: true };
}

/** The top of the next column of the section, or of the next frame. */
export function nextColumn(frames: readonly ThreadFrame[], cursor: FlowCursor): FlowCursor {
  const frame = frames[cursor.frame];
  if (frame && cursor.column + 1 < frame.columns.length) {
    return {
      frame: cursor.frame,
      column: cursor.column + 1,
      y: cursor.sectionTop,
      sectionTop: cursor.sectionTop,
      sectionBottom: cursor.sectionBottom,
      fresh: true,
    };
  }
  return frameStart(frames, cursor.frame + 1);
}

/** A copy (cursors are plain values; the flow mutates its own copy while it sets a paragraph). */
export function copyCursor(c: FlowCursor): FlowCursor {
  return {
    frame: c.frame,
    column: c.column,
    y: c.y,
    sectionTop: c.sectionTop,
    sectionBottom: c.sectionBottom,
    fresh: c.fresh,
  };
}

/** Moves `target` to `source`'s position. */
export function moveCursor(target: FlowCursor, source: FlowCursor): void {
  target.frame = source.frame;
  target.column = source.column;
  target.y = source.y;
  target.sectionTop = source.sectionTop;
  target.sectionBottom = source.sectionBottom;
  target.fresh = source.fresh;
}

export function sameCursor(a: FlowCursor, b: FlowCursor): boolean {
  return (
    a.frame === b.frame &&
    a.column === b.column &&
    a.y === b.y &&
    a.sectionTop === b.sectionTop &&
    a.sectionBottom === b.sectionBottom &&
    a.fresh === b.fresh
  );
}
