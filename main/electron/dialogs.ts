/** Native open and save dialogs, attached to the window that asked, in the UI language. */
import { dialog, type BrowserWindow } from 'electron';
import { translate } from '../../shared/services/locales';
import type { HostDialogs } from '../services/dialogs';

export function nativeDialogs(
  window: () => BrowserWindow | null,
  language: () => 'zh-Hans' | 'en',
): HostDialogs {
  const filters = () => {
    const t = (key: 'dialog.filter.edition' | 'dialog.filter.copy') => translate(language(), key);
    return {
      edition: { name: t('dialog.filter.edition'), extensions: ['folio'] },
      copy: { name: t('dialog.filter.copy'), extensions: ['txt', 'md', 'markdown', 'docx'] },
      pdf: { name: 'PDF', extensions: ['pdf'] },
    };
  };
  return {
    async chooseOpenPath(kind) {
      const owner = window();
      const { edition, copy, pdf } = filters();
      const options = {
        title: translate(
          language(),
          kind === 'edition'
            ? 'command.file.open'
            : kind === 'pdf'
              ? 'command.review.importComments'
              : 'command.file.import',
        ),
        properties: ['openFile' as const],
        filters: kind === 'edition' ? [edition] : kind === 'pdf' ? [pdf] : [copy],
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(kind, defaultPath) {
      const owner = window();
      const { edition, pdf } = filters();
      const options = {
        title: translate(language(), kind === 'pdf' ? 'command.file.exportPdf' : 'command.file.saveAs'),
        defaultPath,
        filters: kind === 'pdf' ? [pdf] : [edition],
      };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseFolderPath(defaultPath) {
      const owner = window();
      const options = {
        title: translate(language(), 'exportEdition.title'),
        defaultPath,
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
