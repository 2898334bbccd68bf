/**
 * Comments from a reviewed proof PDF back into the edition as notes (as
 * InDesign's Import PDF Comments does). Each annotation a reviewer's PDF
 * reader wrote becomes a note on the words under it: a highlight,
 * underline or squiggly on the characters its boxes cover; a strike-out a
 * note proposing their deletion; a caret a note proposing an insertion
 * (with a strike-out grouped to it, a replacement); a sticky note or text
 * box on the word under its corner. What hits no text becomes a note on
 * the page point. Replies become replies. Author, date and colour come from
 * the annotation.
 *
 * Comments already in the edition — the ones Folio's export wrote (its
 * notes, replies and change markup) and ones imported before — are
 * recognised by what they say and who says it, so importing the same PDF
 * twice adds nothing. (pdf.js, which reads the PDF, does not expose the
 * annotations' names, NM.)
 */
import type { DisplayList } from '../layout/display-list';
import type { Edition, Id, Note, Stamp } from '../model/types';
import { applyOperation, blockText, type Operation } from '../model/operations';
import { reviewOf } from '../model/review';
import { newId } from '../model/ids';
import { addNoteOp, rangeText, replyOp } from './notes';
import { isMoot } from './resolve';
import { caretPoint, textUnder, wordAt, type PageBox, type StoryRange } from './comment-anchors';

/** One annotation as read from the PDF, already in edition page coordinates. */
export interface PdfComment {
  /** The reader's id for it (pdf.js: the object reference), for replies. */
  id: string;
  /** PDF annotation subtype: Text, Highlight, StrikeOut, Underline, Squiggly, Caret, FreeText, … */
  subtype: string;
  /** 1-based PDF page, for the report. */
  sheet: number;
  /** Zero-based edition page under it, or null when it lies on no page of the edition (a sheet's margin). */
  pageIndex: number | null;
  /** Its rectangle on that page (y down, points). */
  rect: PageBox;
  /** Its QuadPoints as boxes on that page, when it has them. */
  quads: PageBox[] | null;
  author: string;
  contents: string;
  /** ISO time, or null when the PDF gives none. */
  time: string | null;
  /** #rrggbb, or null. */
  color: string | null;
  inReplyTo: string | null;
  replyType: 'R' | 'Group' | null;
  /** A review state (Accepted, Completed …) when the annotation only sets one. */
  state: string | null;
}

export interface ImportedComment {
  sheet: number;
  subtype: string;
  noteId: Id;
  /** The note's words, or null for a page point. */
  words: string | null;
  reply: boolean;
}

export interface CommentImport {
  /** The operations, in order (one undo step in the app). */
  ops: Operation[];
  edition: Edition;
  imported: ImportedComment[];
  onText: number;
  onPoints: number;
  replies: number;
  /** Annotations the edition already has (Folio's own export, or imported before). */
  existing: number;
  /** One line each: what was not imported and why (English, as the CLI prints it). */
  skipped: string[];
  /** The same, as data: the app says it in the UI language. */
  skippedItems: SkippedComment[];
}

/** Why a comment was not imported. */
export type SkipReason =
  'status' | 'orphan-reply' | 'empty-reply' | 'off-page' | 'empty-note' | 'nothing' | 'unsupported';

export interface SkippedComment {
  sheet: number;
  subtype: string;
  author: string;
  /** The comment's text, clipped to 40 characters. */
  contents: string;
  reason: SkipReason;
  /** The review state, for `status`. */
  state?: string;
}

export interface ImportOptions {
  /** Who, when the annotation names no author; and when, when it has no date. */
  fallback: Stamp;
  /** The language of the proposals' wording (the edition's). */
  language: 'zh-Hans' | 'en';
}

const MARKUP = new Set(['Highlight', 'Underline', 'Squiggly', 'StrikeOut']);
const POINTED = new Set(['Text', 'FreeText']);
/** Parts of other annotations or not comments at all: never reported. */
const SILENT = new Set(['Popup', 'Link', 'Widget']);

const WORDING = {
  'zh-Hans': {
    delete: (w: string) => `删除“${w}”`,
    insert: (t: string, w: string) => (w ? `在“${w}”后插入“${t}”` : `插入“${t}”`),
    insertHere: '此处需插入文字',
    replace: (w: string, t: string) => `将“${w}”改为“${t}”`,
    Highlight: '（高亮）',
    Underline: '（下划线）',
    Squiggly: '（波浪线）',
  },
  en: {
    delete: (w: string) => `Delete “${w}”`,
    insert: (t: string, w: string) => (w ? `Insert “${t}” after “${w}”` : `Insert “${t}”`),
    insertHere: 'Insert text here',
    replace: (w: string, t: string) => `Replace “${w}” with “${t}”`,
    Highlight: '(highlighted)',
    Underline: '(underlined)',
    Squiggly: '(squiggly underline)',
  },
} as const;

const describe = (c: PdfComment) =>
  `page ${c.sheet}: ${c.subtype}${c.author ? ` by ${c.author}` : ''}${c.contents ? ` “${clip(c.contents)}”` : ''}`;
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(/\s+/g, ' ');

/** Brings the comments onto the edition; `list` is the composition the proof painted. */
export function importComments(
  source: Edition,
  list: DisplayList,
  comments: PdfComment[],
  options: ImportOptions,
): CommentImport {
  const words = WORDING[options.language];
  let edition = source;
  const ops: Operation[] = [];
  const result: CommentImport = {
    ops,
    edition,
    imported: [],
    onText: 0,
    onPoints: 0,
    replies: 0,
    existing: 0,
    skipped: [],
    skippedItems: [],
  };
  const skip = (c: PdfComment, reason: SkipReason, why: string) => {
    result.skipped.push(`${describe(c)}: ${why}`);
    result.skippedItems.push({
      sheet: c.sheet,
      subtype: c.subtype,
      author: c.author,
      contents: c.contents ? clip(c.contents) : '',
      reason,
      ...(c.state ? { state: c.state } : {}),
    });
  };
  const apply = (op: Operation) => {
    ops.push(op);
    edition = applyOperation(edition, op).edition;
  };
  const byId = new Map(comments.map((c) => [c.id, c]));
  /** The note each comment became or already is (for replies to it). */
  const noteOf = new Map<string, Id>();
  const stampOf = (c: PdfComment): Stamp => ({
    author: c.author.trim() || options.fallback.author,
    color: c.color ?? options.fallback.color,
    time: c.time ?? options.fallback.time,
  });
  // Group members (a highlight grouped with its sticky note, a strike-out with its caret) go with their parent.
  const members = new Map<string, PdfComment[]>();
  for (const c of comments)
    if (c.replyType === 'Group' && c.inReplyTo && byId.has(c.inReplyTo)) {
      const list = members.get(c.inReplyTo) ?? [];
      list.push(c);
      members.set(c.inReplyTo, list);
    }

  const addNote = (
    c: PdfComment,
    range: StoryRange | null,
    text: string,
    point: { x: number; y: number },
  ) => {
    const stamp = stampOf(c);
    // Imported before (the text Folio made of it is already a note by this author).
    const same = reviewOf(edition).notes.find((n) => n.author === stamp.author && n.text === text);
    if (same) {
      result.existing += 1 + (members.get(c.id)?.length ?? 0);
      noteOf.set(c.id, same.id);
      return;
    }
    const id = newId('note');
    if (range) {
      apply(addNoteOp(edition, { kind: 'text', ...range }, text, stamp, id));
      result.onText++;
    } else {
      const pageId = edition.pages[c.pageIndex as number].id;
      apply(
        addNoteOp(edition, { kind: 'page', pageId, x: round(point.x), y: round(point.y) }, text, stamp, id),
      );
      result.onPoints++;
    }
    noteOf.set(c.id, id);
    result.imported.push({
      sheet: c.sheet,
      subtype: c.subtype,
      noteId: id,
      words: range ? rangeText(edition, range.storyId, range.from, range.to) : null,
      reply: false,
    });
  };

  // Parents first, so replies find their notes; a reply's own replies come after it.
  const ordered = [...comments].sort((a, b) => depth(a, byId) - depth(b, byId));
  for (const c of ordered) {
    if (SILENT.has(c.subtype)) continue;
    if (c.replyType === 'Group' && c.inReplyTo && byId.has(c.inReplyTo)) continue;
    if (c.state) {
      skip(c, 'status', `a review status (${c.state}), not a comment`);
      continue;
    }
    if (c.inReplyTo) {
      const parent = noteOf.get(c.inReplyTo);
      if (!parent) {
        skip(c, 'orphan-reply', 'a reply to a comment that was not imported');
        continue;
      }
      const note = reviewOf(edition).notes.find((n) => n.id === parent) as Note;
      if (note.replies.some((r) => r.author === c.author && r.text === c.contents)) {
        result.existing++;
        noteOf.set(c.id, parent);
        continue;
      }
      if (!c.contents.trim()) {
        skip(c, 'empty-reply', 'an empty reply');
        continue;
      }
      apply(replyOp(edition, parent, c.contents, stampOf(c)));
      noteOf.set(c.id, parent);
      result.replies++;
      result.imported.push({ sheet: c.sheet, subtype: c.subtype, noteId: parent, words: null, reply: true });
      continue;
    }
    const same = existingNote(edition, c);
    if (same) {
      result.existing += 1 + (members.get(c.id)?.length ?? 0);
      noteOf.set(c.id, same.id);
      continue;
    }
    if (MARKUP.has(c.subtype) && isOwnChangeMarkup(edition, c)) {
      result.existing++;
      continue;
    }
    if (c.pageIndex === null) {
      skip(c, 'off-page', "outside the edition's pages");
      continue;
    }
    const group = members.get(c.id) ?? [];
    const corner = { x: c.rect.x0, y: c.rect.y0 };
    if (POINTED.has(c.subtype)) {
      // A sticky note grouped with a highlight is on the highlighted words; else on the word at its corner.
      const marked = group.find((m) => MARKUP.has(m.subtype) && m.quads);
      const range = marked
        ? textUnder(list, c.pageIndex, marked.quads as PageBox[])
        : wordAt(edition, list, c.pageIndex, corner.x, corner.y);
      if (!c.contents.trim() && !range) {
        skip(c, 'empty-note', 'an empty note on no text');
        continue;
      }
      addNote(c, range, c.contents, corner);
      continue;
    }
    if (MARKUP.has(c.subtype)) {
      const range = textUnder(list, c.pageIndex, c.quads ?? [c.rect]);
      const covered = range ? rangeText(edition, range.storyId, range.from, range.to) : '';
      let text: string;
      if (c.subtype === 'StrikeOut') text = covered ? words.delete(covered) : c.contents;
      else text = c.contents || words[c.subtype as 'Highlight' | 'Underline' | 'Squiggly'];
      if (c.subtype === 'StrikeOut' && c.contents && covered && c.contents !== covered)
        text = `${text}: ${c.contents}`;
      if (!range && !c.contents.trim()) {
        skip(c, 'nothing', 'covers no text and says nothing');
        continue;
      }
      addNote(c, range, text, corner);
      continue;
    }
    if (c.subtype === 'Caret') {
      const struck = group.find((m) => m.subtype === 'StrikeOut');
      if (struck) {
        // Acrobat's "replace text": the struck words and a caret holding the new ones.
        const range = textUnder(list, c.pageIndex, struck.quads ?? [struck.rect]);
        const old = range ? rangeText(edition, range.storyId, range.from, range.to) : '';
        addNote(c, range, old ? words.replace(old, c.contents) : c.contents, corner);
        continue;
      }
      const at = caretPoint(list, c.pageIndex, c.rect);
      let range: StoryRange | null = null;
      let after = '';
      if (at) {
        const text = blockText(edition.stories[at.storyId].blocks[at.point.block]);
        // Anchored to the character before the insertion point (after it at a paragraph's start).
        const o = at.point.offset;
        const [from, to] = o > 0 ? [o - 1, o] : [0, Math.min(1, text.length)];
        if (to > from) {
          range = {
            storyId: at.storyId,
            from: { block: at.point.block, offset: from },
            to: { block: at.point.block, offset: to },
          };
          after = o > 0 ? text.slice(from, to) : '';
        }
      }
      const text = c.contents.trim() ? words.insert(c.contents, after) : words.insertHere;
      addNote(c, range, text, { x: (c.rect.x0 + c.rect.x1) / 2, y: c.rect.y1 });
      continue;
    }
    skip(
      c,
      'unsupported',
      'not a kind of comment Folio imports (sticky notes, text boxes, highlights, underlines, strike-outs, carets)',
    );
  }
  result.edition = edition;
  return result;
}

function depth(c: PdfComment, byId: Map<string, PdfComment>): number {
  let d = 0;
  const seen = new Set<string>();
  for (let at = c; at.inReplyTo && !seen.has(at.id) && byId.has(at.inReplyTo); d++) {
    seen.add(at.id);
    at = byId.get(at.inReplyTo) as PdfComment;
  }
  return d;
}

/** A note already saying this, by this author (Folio's own sticky note, or imported before). */
function existingNote(edition: Edition, c: PdfComment): Note | null {
  if (!c.contents) return null;
  const notes = reviewOf(edition).notes;
  return notes.find((n) => n.author === c.author && n.text === c.contents) ?? null;
}

/** Folio's own markup of a pending change: the change's author, its words as the comment. */
function isOwnChangeMarkup(edition: Edition, c: PdfComment): boolean {
  const kind = c.subtype === 'StrikeOut' ? 'delete' : c.subtype === 'Underline' ? 'insert' : 'format';
  return reviewOf(edition).changes.some((change) => {
    if (change.kind !== kind || change.author !== c.author || isMoot(change)) return false;
    const text =
      change.kind === 'delete'
        ? change.content.map(blockText).join('\n')
        : rangeText(edition, change.storyId, change.from, change.to);
    return text === c.contents;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;
