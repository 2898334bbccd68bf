/**
 * Checks operations run on what they put into an edition, so that an
 * operation either keeps the edition valid or is refused with a clear
 * reason. Shapes are checked with the schema; references against the
 * edition the operation applies to.
 */
import type { z } from 'zod';
import type { ColorRef, Edition, Frame, Id, StoryBlock } from '../types';
import { formatPath } from '../validate';
import { hasKey, locateFrame } from './locate';
import { OperationError, ensure } from './errors';

/** Parses `value` with a schema or throws an OperationError naming the first bad path. */
export function checkShape<T>(schema: z.ZodType<T>, value: unknown, opType: string, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OperationError(opType, `${formatPath(issue.path, what)}: ${issue.message}`);
  }
  return value as T;
}

export function checkColor(
  edition: Edition,
  color: ColorRef | null | undefined,
  opType: string,
  what: string,
): void {
  if (color)
    ensure(
      hasKey(edition.styles.swatches, color.swatchId),
      opType,
      `${what}: swatch "${color.swatchId}" does not exist`,
    );
}

/** A frame's colours, asset and caption story exist. */
export function checkFrameRefs(edition: Edition, frame: Frame, opType: string): void {
  const what = `frame "${frame.id}"`;
  if (frame.kind === 'text' || frame.kind === 'box') checkColor(edition, frame.fill, opType, `${what} fill`);
  if (frame.stroke) checkColor(edition, frame.stroke.color, opType, `${what} stroke`);
  if (frame.kind === 'image') {
    if (frame.assetId !== null)
      ensure(
        hasKey(edition.assets, frame.assetId),
        opType,
        `${what}: asset "${frame.assetId}" does not exist`,
      );
    if (frame.captionStoryId !== null) {
      ensure(
        hasKey(edition.stories, frame.captionStoryId),
        opType,
        `${what}: story "${frame.captionStoryId}" does not exist`,
      );
    }
  }
}

/** A new frame id is not used anywhere in the edition (nor twice in `also`). */
export function checkNewFrameIds(edition: Edition, frames: readonly Frame[], opType: string): void {
  const seen = new Set<Id>();
  for (const frame of frames) {
    ensure(
      !locateFrame(edition, frame.id) && !seen.has(frame.id),
      opType,
      `frame id "${frame.id}" is already in use`,
    );
    seen.add(frame.id);
  }
}

/** Paragraph and character styles named by paragraphs exist. */
export function checkBlockRefs(edition: Edition, blocks: readonly StoryBlock[], opType: string): void {
  blocks.forEach((block, b) => {
    if (block.styleId !== undefined) {
      ensure(
        hasKey(edition.styles.paragraph, block.styleId),
        opType,
        `blocks[${b}]: paragraph style "${block.styleId}" does not exist`,
      );
    }
    block.children.forEach((leaf, l) => {
      if (leaf.charStyleId !== undefined) {
        ensure(
          hasKey(edition.styles.character, leaf.charStyleId),
          opType,
          `blocks[${b}].children[${l}]: character style "${leaf.charStyleId}" does not exist`,
        );
      }
    });
  });
}

/** An index that must address an existing item (0 ≤ i < length). */
export function checkIndex(
  index: unknown,
  length: number,
  opType: string,
  what: string,
): asserts index is number {
  ensure(
    Number.isInteger(index) && (index as number) >= 0 && (index as number) < length,
    opType,
    `${what} ${String(index)} is out of range (0–${length - 1})`,
  );
}

/** A position for inserting (0 ≤ i ≤ length). */
export function checkInsertIndex(
  index: unknown,
  length: number,
  opType: string,
  what: string,
): asserts index is number {
  ensure(
    Number.isInteger(index) && (index as number) >= 0 && (index as number) <= length,
    opType,
    `${what} ${String(index)} is out of range (0–${length})`,
  );
}
