/**
 * Notes (批注): making, answering, resolving and deleting them, and reading
 * them with where they are — the story range and its words now, the page
 * and the position on it — for the Notes panel, `folio notes` and the PDF
 * comments (sticky notes at their anchors, highlights of their ranges).
 */
import type { DisplayList } from '../layout/display-list';
import type { Edition, Id, Note, NoteAnchor, ReviewPoint, Stamp } from '../model/types';
import { blockText, type Operation } from '../model/operations';
import { newId } from '../model/ids';
import { reviewOf } from '../model/review';
import { selectionRects, caretRect } from '../editing/caret-map';

/** The words of a story range now. */
export function rangeText(edition: Edition, storyId: Id, from: ReviewPoint, to: ReviewPoint): string {
  const story = edition.stories[storyId];
  if (!story) return '';
  const parts: string[] = [];
  for (let b = from.block; b <= to.block && b < story.blocks.length; b++) {
    const text = blockText(story.blocks[b]);
    parts.push(text.slice(b === from.block ? from.offset : 0, b === to.block ? to.offset : text.length));
  }
  return parts.join('\n');
}

/** A new note on a story range, a frame or a page point. */
export function addNoteOp(
  edition: Edition,
  anchor:
    { kind: 'text'; storyId: Id; from: ReviewPoint; to: ReviewPoint } | Exclude<NoteAnchor, { kind: 'text' }>,
  text: string,
  stamp: Stamp,
  id: Id = newId('note'),
): Operation {
  const full: NoteAnchor =
    anchor.kind === 'text'
      ? { ...anchor, quote: rangeText(edition, anchor.storyId, anchor.from, anchor.to) }
      : anchor;
  const note: Note = { id, ...stamp, anchor: full, text, replies: [], resolved: null };
  return { type: 'upsert_note', note };
}

function noteOf(edition: Edition, noteId: Id): Note {
  const note = reviewOf(edition).notes.find((n) => n.id === noteId);
  if (!note) throw new Error(`note "${noteId}" does not exist`);
  return note;
}

export const replyOp = (
  edition: Edition,
  noteId: Id,
  text: string,
  stamp: Stamp,
  id: Id = newId('reply'),
): Operation => {
  const note = noteOf(edition, noteId);
  return { type: 'upsert_note', note: { ...note, replies: [...note.replies, { id, ...stamp, text }] } };
};

export const resolveNoteOp = (edition: Edition, noteId: Id, stamp: Stamp | null): Operation => ({
  type: 'upsert_note',
  note: { ...noteOf(edition, noteId), resolved: stamp },
});

export const editNoteOp = (edition: Edition, noteId: Id, text: string): Operation => ({
  type: 'upsert_note',
  note: { ...noteOf(edition, noteId), text },
});

export const deleteNoteOp = (noteId: Id): Operation => ({ type: 'remove_note', noteId });

/** A note with where it is. */
export interface NoteView {
  note: Note;
  /** 1-based number in the edition (the marker's number). */
  number: number;
  /** The words the note covers now (text notes). */
  text: string | null;
  /** Its words are gone (deleted), or its frame, page or story is. */
  detached: boolean;
  /** Zero-based page index where it shows, or null (overset text, a removed frame). */
  pageIndex: number | null;
  /** Where on that page: the first line's box or the frame's, or the page point, in page points. */
  position: { x: number; y: number; width: number; height: number } | null;
  /** Text notes: one box per line of the range (PDF highlights). */
  rects: { pageIndex: number; x: number; y: number; width: number; height: number }[];
}

/** Every note with where it is, in the order they were made. `list` is the composed (final) page. */
export function describeNotes(edition: Edition, list: DisplayList | null): NoteView[] {
  return reviewOf(edition).notes.map((note, i) => {
    const anchor = note.anchor;
    const base: NoteView = {
      note,
      number: i + 1,
      text: null,
      detached: false,
      pageIndex: null,
      position: null,
      rects: [],
    };
    if (anchor.kind === 'text') {
      const story = edition.stories[anchor.storyId];
      const collapsed = anchor.from.block === anchor.to.block && anchor.from.offset === anchor.to.offset;
      const view = {
        ...base,
        text: story ? rangeText(edition, anchor.storyId, anchor.from, anchor.to) : null,
      };
      view.detached = !story || (collapsed && anchor.quote !== '');
      if (list && story) {
        const rects = collapsed ? [] : selectionRects(list, anchor.storyId, anchor.from, anchor.to);
        view.rects = rects.map(({ pageIndex, x, y, width, height }) => ({ pageIndex, x, y, width, height }));
        const first = rects[0] ?? caretRect(list, anchor.storyId, anchor.from);
        if (first) {
          view.pageIndex = first.pageIndex;
          view.position = { x: first.x, y: first.y, width: first.width, height: first.height };
        }
      }
      return view;
    }
    if (anchor.kind === 'frame') {
      for (const page of list?.pages ?? []) {
        const item = page.items.find((it) => it.frameId === anchor.frameId && !it.fromMaster);
        if (item)
          return {
            ...base,
            pageIndex: page.index,
            position: { x: item.x, y: item.y, width: item.width, height: item.height },
          };
      }
      const exists = edition.pages.some((p) => p.frames.some((f) => f.id === anchor.frameId));
      return { ...base, detached: !exists };
    }
    const pageIndex = edition.pages.findIndex((p) => p.id === anchor.pageId);
    return pageIndex < 0
      ? { ...base, detached: true }
      : { ...base, pageIndex, position: { x: anchor.x, y: anchor.y, width: 0, height: 0 } };
  });
}
