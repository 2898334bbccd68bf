/**
 * File ▸ Export Flatplan…: the host prints the edition's flatplan as a
 * one-page PDF (main/pdf/flatplan-pdf.ts) in the UI language, beside the
 * edition as `<name>-flatplan.pdf` unless the user picks another path.
 */
import i18next from 'i18next';
import type { FolioServices, HostInfo } from '../../shared/services/api';
import type { EditorStore } from '../state/editor-store';
import type { Prompts } from '../shell/prompts';
import { uiLanguage } from '../i18n/ui-text';

export async function exportFlatplan(
  store: EditorStore,
  services: FolioServices,
  info: HostInfo | undefined,
  prompts: Prompts | undefined,
): Promise<void> {
  const { document, edition } = store.getState();
  if (!document || !edition) return;
  try {
    let path: string | undefined;
    if (!info?.nativeDialogs && prompts) {
      const base = document.path ? document.path.replace(/\.[^./\\]+$/, '') : 'edition';
      const chosen = await prompts.askPath({ key: 'command.file.exportFlatplan' }, `${base}-flatplan.pdf`);
      if (chosen === null) return;
      path = chosen || undefined;
    }
    const written = await services['edition.exportFlatplan']({
      documentId: document.documentId,
      edition,
      path,
      language: uiLanguage(i18next),
    });
    if (written) prompts?.notify({ key: 'flatplan.exported', values: { path: written.path } });
  } catch (error) {
    prompts?.notify(error as Error, 'error');
  }
}
