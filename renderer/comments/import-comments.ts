/**
 * Review ▸ Import PDF Comments…: the host reads the reviewed proof PDF and
 * answers with note operations for the edition the renderer sent; they are
 * applied here through the editing session as one undo step, and the user
 * is told how many came in and what was skipped and why. A PDF that cannot
 * be used is one message, and the edition is left as it was.
 */
import type { FolioServices, HostInfo } from '../../shared/services/api';
import type { Operation } from '../../shared/model/operations';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import { sessionOf } from '../actions/session';
import { notesOf } from '../notes/notes-state';
import type { Prompts } from '../shell/prompts';
import type { EditorStore } from '../state/editor-store';
import { importSummary, skippedLines } from './comment-report';

export async function importPdfComments(
  store: EditorStore,
  services: FolioServices,
  info: HostInfo | undefined,
  prompts: Prompts | undefined,
): Promise<void> {
  const notify = (text: Parameters<Prompts['notify']>[0], kind: 'info' | 'error' = 'info') =>
    prompts?.notify(text, kind);
  try {
    const { document, edition } = store.getState();
    if (!document || !edition) throw new LocalizedError('error.noEdition');
    // Without native dialogs the UI asks for the path (the browser host).
    let path: string | undefined;
    if (info && !info.nativeDialogs && prompts) {
      const asked = await prompts.askPath({ key: 'command.review.importComments' }, '');
      if (asked === null) return;
      path = asked;
    }
    const report = await services['review.importComments']({
      documentId: document.documentId,
      edition,
      ...(path ? { path } : {}),
    });
    if (!report) return;
    // The operations were made for the edition sent: an edit since then (a remote one) means read again.
    if (store.getState().edition !== edition) throw new LocalizedError('comments.error.editionMoved');
    if (report.ops.length)
      sessionOf(store).apply(report.ops as unknown as Operation[], { label: 'comments.step.import' });
    notify(importSummary(report));
    if (report.changedSinceProof) notify({ key: 'comments.warning.changed', values: { file: report.file } });
    for (const line of skippedLines(report)) notify(line);
    if (report.onText + report.onPoints + report.replies > 0) notesOf(store).set({ open: true });
  } catch (error) {
    notify(error as Error, 'error');
  }
}
