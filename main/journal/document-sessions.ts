/**
 * Which journal sessions edit which open document, so that a save can be
 * noted in each of them: a `saved` record with the fingerprint of the
 * edition written. After a crash, a journal whose edits lead to a saved
 * edition is then not offered for recovery, even when the crash came
 * before the window could start its journal over.
 */
import type { EditJournal } from './edit-journal';
import { editionFingerprint } from './edition-fingerprint';

export class DocumentSessions {
  private readonly byDocument = new Map<string, Set<string>>();

  constructor(private readonly journal: EditJournal) {}

  add(documentId: string, sessionId: string): void {
    let sessions = this.byDocument.get(documentId);
    if (!sessions) this.byDocument.set(documentId, (sessions = new Set()));
    sessions.add(sessionId);
  }

  remove(sessionId: string): void {
    for (const [documentId, sessions] of this.byDocument) {
      sessions.delete(sessionId);
      if (sessions.size === 0) this.byDocument.delete(documentId);
    }
  }

  /**
   * A document was saved to `path`: every open session of it notes the save.
   * A journal that cannot be written does not undo the save (the file is on
   * disk); it is reported and the session goes on.
   */
  saved(documentId: string, path: string, edition: unknown): void {
    const sessions = this.byDocument.get(documentId);
    if (!sessions?.size) return;
    const fingerprint = editionFingerprint(edition);
    for (const sessionId of sessions) {
      if (!this.journal.isOpen(sessionId)) continue;
      try {
        this.journal.markSaved(sessionId, { path, fingerprint });
      } catch (error) {
        console.error(`journal: could not note the save of ${path}: ${(error as Error).message}`);
      }
    }
  }
}
