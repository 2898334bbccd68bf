/**
 * Trial compositions: a story set in a frame of a given shape, alone on a
 * copy of the page, by the same composer that sets the page. Many trials go
 * into one edition (one page each, the story cloned under a trial id), so a
 * round of measurements is one call of the composer.
 */
import type { Edition, Frame, Id, Page, Story } from '../../model/types';
import type { DisplayList, DisplayTextFrame } from '../../layout/display-list';
import type { ParagraphComposer } from '../../layout/paragraph-types';
import { composeEdition } from '../../layout/compose-edition';

export interface Trial {
  /** Frames of the trial (ids unique within the trial). */
  frames: Frame[];
  /** Stories set in it: each story's thread, by the real story id. */
  threads: Record<Id, Id[]>;
}

export interface FrameResult {
  item: DisplayTextFrame;
  overset: boolean;
}

/** Composes the trials; for each, its text frames' display items by the trial's frame id. */
export function composeTrials(
  edition: Edition,
  page: Page,
  trials: readonly Trial[],
  composer: ParagraphComposer,
): Map<Id, FrameResult>[] {
  const pages: Page[] = [];
  const stories: Record<Id, Story> = {};
  trials.forEach((trial, t) => {
    const rename = (id: Id) => `${id}~t${t}`;
    pages.push({
      ...page,
      id: `${page.id}~t${t}`,
      masterId: null,
      frames: trial.frames.map((f) => ({ ...f, id: rename(f.id) })),
    });
    for (const [storyId, thread] of Object.entries(trial.threads)) {
      const story = edition.stories[storyId];
      stories[rename(storyId)] = { ...story, id: rename(storyId), thread: thread.map(rename) };
    }
  });
  const trialEdition: Edition = { ...edition, pages, stories, plan: undefined, review: undefined };
  const list: DisplayList = composeEdition(trialEdition, composer);
  return trials.map((trial, t) => {
    const out = new Map<Id, FrameResult>();
    const suffix = `~t${t}`;
    for (const item of list.pages[t].items) {
      if (item.kind !== 'text') continue;
      out.set(item.frameId.slice(0, -suffix.length), { item, overset: item.overset });
    }
    return out;
  });
}

/** Printed lines of a frame (the second half of a run-in line and generated jump lines left out). */
export const printedLines = (item: DisplayTextFrame) =>
  item.lines.filter((l) => !l.continuesLine && !l.generated);

/** Bottom of the lowest em box set in a frame, or the frame's top when it is empty. */
export function textBottom(item: DisplayTextFrame): number {
  let bottom = item.y;
  for (const l of item.lines) bottom = Math.max(bottom, l.y + l.descent);
  return bottom;
}

/**
 * Body lines that would still fit under the text of each column of a
 * frame, down to `floor` (the column's foot, or the top of a photo in it):
 * the frame's empty room in line-columns.
 */
export function roomUnderColumns(
  item: DisplayTextFrame,
  step: number,
  floorOf: (column: { x: number; y: number; width: number; height: number }, textBottom: number) => number = (
    c,
  ) => c.y + c.height,
): number[] {
  return item.columns.map((column) => {
    let bottom = column.y;
    for (const l of item.lines) {
      const overlaps = l.x < column.x + column.width - 0.5 && l.x + l.width > column.x + 0.5;
      if (overlaps) bottom = Math.max(bottom, l.y + l.descent);
    }
    // A line's em box ends `step − size` above the next line's: a column has
    // room for k more lines when k steps fit under its last em box.
    return Math.max(0, Math.floor((floorOf(column, bottom) - bottom + 0.01) / step));
  });
}

/** Lines of the story's headline blocks set in a frame. */
export function headlineLines(item: DisplayTextFrame, story: Story): number {
  const heads = new Set(story.blocks.flatMap((b, i) => (b.type === 'headline' ? [i] : [])));
  return printedLines(item).filter((l) => heads.has(l.block)).length;
}
