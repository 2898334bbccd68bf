/** Native open and save dialogs, attached to the window that asked. */
import { dialog, type BrowserWindow } from 'electron';
import type { HostDialogs } from '../services/dialogs';

const EDITION = { name: 'Folio edition', extensions: ['folio'] };
const COPY = { name: 'Copy (text, Markdown, Word)', extensions: ['txt', 'md', 'markdown', 'docx'] };
const PDF = { name: 'PDF', extensions: ['pdf'] };

export function nativeDialogs(window: () => BrowserWindow | null): HostDialogs {
  return {
    async chooseOpenPath(kind) {
      const owner = window();
      const options = { properties: ['openFile' as const], filters: kind === 'edition' ? [EDITION] : [COPY] };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(kind, defaultPath) {
      const owner = window();
      const options = { defaultPath, filters: kind === 'pdf' ? [PDF] : [EDITION] };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
