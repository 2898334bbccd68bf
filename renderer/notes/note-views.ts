/**
 * The notes as the panel and the canvas show them, computed once per
 * change of the edition or its composition and shared by the panel, every
 * page's overlay and the story editor's marks: each note with where it is
 * (shared/review describeNotes), the panel's filter over them, and each
 * page's note marks (shared/review withReviewMarks: the range's line boxes
 * and the margin marker's place).
 */
import type { DisplayList, ReviewMark } from '../../shared/layout/display-list';
import type { Edition } from '../../shared/model/types';
import type { Id } from '../../shared/model/types';
import {
  describeNotes,
  markupMapOf,
  withReviewMarks,
  type MarkupMap,
  type NoteView,
} from '../../shared/review';
import type { NotesFilter } from './notes-state';

// Keyed on the edition (immutable: a new object for every change), so windows never share an entry.
const viewsCache = new WeakMap<Edition, { list: DisplayList | null; views: NoteView[] }>();

/** Every note with where it is (cached on the edition and display list). */
export function noteViews(edition: Edition, list: DisplayList | null): NoteView[] {
  const c = viewsCache.get(edition);
  if (c && c.list === list) return c.views;
  const views = describeNotes(edition, list);
  viewsCache.set(edition, { list, views });
  return views;
}

/** Whether a note passes the panel's filter. */
export function passes(view: NoteView, filter: NotesFilter): boolean {
  const resolved = view.note.resolved !== null;
  if (filter.status === 'open' && resolved) return false;
  if (filter.status === 'resolved' && !resolved) return false;
  if (filter.page !== null && view.pageIndex !== filter.page) return false;
  if (filter.author !== null && view.note.author !== filter.author) return false;
  return true;
}

/** Everyone who wrote a note or a reply, in the order they first did. */
export function authorsOf(views: readonly NoteView[]): string[] {
  const names = new Set<string>();
  for (const { note } of views) {
    names.add(note.author);
    for (const reply of note.replies) names.add(reply.author);
  }
  return [...names];
}

const marksCache = new WeakMap<
  Edition,
  { list: DisplayList; resolved: boolean; byPage: Map<number, ReviewMark[]> }
>();

/**
 * Each page's note marks. Resolved notes are marked only while the panel
 * lists them (its filter shows resolved notes), as Word hides resolved comments.
 */
export function noteMarksByPage(
  edition: Edition,
  list: DisplayList,
  resolved: boolean,
): Map<number, ReviewMark[]> {
  const c = marksCache.get(edition);
  if (c && c.list === list && c.resolved === resolved) return c.byPage;
  // In the markup view the page shows deleted words put back: the composition registered how
  // each such story's points map onto what is shown, and the marks must use it.
  const maps = new Map<Id, MarkupMap>();
  for (const storyId of Object.keys(edition.stories)) {
    const map = markupMapOf(list, storyId);
    if (map) maps.set(storyId, map);
  }
  const marked = withReviewMarks(list, edition, maps, {
    changes: false,
    notes: true,
    resolvedNotes: resolved,
  });
  const byPage = new Map<number, ReviewMark[]>();
  for (const page of marked.pages) {
    const notes = page.review?.filter((m) => m.kind === 'note') ?? [];
    if (notes.length) byPage.set(page.index, notes);
  }
  marksCache.set(edition, { list, resolved, byPage });
  return byPage;
}
