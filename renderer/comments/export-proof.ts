/**
 * File ▸ Export Proof with Notes…: a proof PDF with the notes as PDF
 * comments (sticky notes with replies, highlights over their words) and the
 * tracked changes as markup (underline, strike-out), as
 * `folio export --preset proof --notes` writes it.
 */
import type { FolioServices, HostInfo } from '../../shared/services/api';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import type { Prompts } from '../shell/prompts';
import type { EditorStore } from '../state/editor-store';

/** `page.folio` → `page-proof.pdf` beside it. */
export function proofPath(path: string | null): string {
  return path ? `${path.replace(/\.[^./\\]+$/, '')}-proof.pdf` : 'edition-proof.pdf';
}

export async function exportProof(
  store: EditorStore,
  services: FolioServices,
  info: HostInfo | undefined,
  prompts: Prompts | undefined,
): Promise<void> {
  try {
    const { document, edition } = store.getState();
    if (!document || !edition) throw new LocalizedError('error.noEdition');
    let path: string | undefined;
    if (info && !info.nativeDialogs && prompts) {
      const asked = await prompts.askPath({ key: 'command.file.exportProof' }, proofPath(document.path));
      if (asked === null) return;
      path = asked;
    }
    const written = await services['edition.exportProof']({
      documentId: document.documentId,
      edition,
      ...(path ? { path } : {}),
    });
    if (written)
      prompts?.notify({ key: 'dialog.exportedProof', values: { count: written.pages, path: written.path } });
  } catch (error) {
    prompts?.notify(error as Error, 'error');
  }
}
