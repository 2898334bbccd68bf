/**
 * What the Notes commands and panel do to the edition: add a note, reply,
 * resolve, reopen, edit and delete — each one model operation applied
 * through the editing session, so each is one undo step with a name, goes
 * through the newsroom's guard and is journaled like any other edit. Who
 * did it (name and colour) comes from preferences at the moment of the act.
 */
import type { Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/operations';
import { addNoteOp, deleteNoteOp, editNoteOp, rangeText, replyOp, resolveNoteOp } from '../../shared/review';
import { sessionOf } from '../actions/session';
import { currentStamp } from '../comments/user-state';
import type { EditorStore } from '../state/editor-store';
import { notesOf, type DraftAnchor } from './notes-state';

/** Applies one note operation as one undo step; a refusal (newsroom guard, model) becomes a notice. */
function apply(store: EditorStore, op: Operation, label: string): boolean {
  const session = sessionOf(store);
  try {
    session.apply(op, { label });
    return true;
  } catch (error) {
    session.notify(error as Error);
    return false;
  }
}

/**
 * Where a note made now goes: the text selected in the open story (unless a
 * frame of another kind or story was picked since), else the selected
 * frame; null when nothing is selected (the user then clicks on the page).
 */
export function anchorFromSelection(store: EditorStore): DraftAnchor | null {
  const { edition, selection, displayList } = store.getState();
  if (!edition) return null;
  const text = sessionOf(store).getTextSelection();
  if (text && text.storyId === selection.storyId && edition.stories[text.storyId]) {
    const { anchor, focus } = text;
    const forward =
      anchor.block < focus.block || (anchor.block === focus.block && anchor.offset <= focus.offset);
    const [from, to] = forward ? [anchor, focus] : [focus, anchor];
    const collapsed = from.block === to.block && from.offset === to.offset;
    // A frame clicked after the text was selected wins, unless it shows that story.
    const framesShowStory = selection.frameIds.every((id) =>
      displayList?.pages.some((p) =>
        p.items.some((i) => i.frameId === id && i.kind === 'text' && i.storyId === text.storyId),
      ),
    );
    if (!collapsed && framesShowStory)
      return {
        kind: 'text',
        storyId: text.storyId,
        from: { block: from.block, offset: from.offset },
        to: { block: to.block, offset: to.offset },
      };
  }
  const frameId = selection.frameIds[0];
  if (frameId) return { kind: 'frame', frameId };
  return null;
}

/** The words a draft anchor covers, for the draft's heading. */
export function draftWords(store: EditorStore, anchor: DraftAnchor): string {
  const edition = store.getState().edition;
  if (!edition || anchor.kind !== 'text') return '';
  return rangeText(edition, anchor.storyId, anchor.from, anchor.to);
}

/** Adds the draft as a note; returns its id, or null when it could not be made. */
export async function addNote(store: EditorStore, anchor: DraftAnchor, text: string): Promise<Id | null> {
  const stamp = await currentStamp(notesOf(store).services);
  const edition = store.getState().edition;
  if (!edition) return null;
  const op = addNoteOp(edition, anchor, text, stamp);
  if (op.type !== 'upsert_note' || !apply(store, op, 'notes.step.add')) return null;
  return op.note.id;
}

export async function reply(store: EditorStore, noteId: Id, text: string): Promise<boolean> {
  const stamp = await currentStamp(notesOf(store).services);
  const edition = store.getState().edition;
  return !!edition && apply(store, replyOp(edition, noteId, text, stamp), 'notes.step.reply');
}

export async function setResolved(store: EditorStore, noteId: Id, resolved: boolean): Promise<boolean> {
  const stamp = resolved ? await currentStamp(notesOf(store).services) : null;
  const edition = store.getState().edition;
  return (
    !!edition &&
    apply(store, resolveNoteOp(edition, noteId, stamp), resolved ? 'notes.step.resolve' : 'notes.step.reopen')
  );
}

export function editNote(store: EditorStore, noteId: Id, text: string): boolean {
  const edition = store.getState().edition;
  return !!edition && apply(store, editNoteOp(edition, noteId, text), 'notes.step.edit');
}

export function deleteNote(store: EditorStore, noteId: Id): boolean {
  return apply(store, deleteNoteOp(noteId), 'notes.step.delete');
}
