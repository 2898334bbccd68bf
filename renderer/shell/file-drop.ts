/**
 * Files dropped onto the window: an edition (.folio) opens, anything else
 * (text, Markdown, Word) is imported. Only Electron can tell the path of a
 * dropped file; in a browser the user is told to use Open or Import.
 */
import type { FolioServices, OpenDocument } from '../../shared/services/api';
import type { FolioBridge } from '../services/transport';
import type { Prompts } from './prompts';

interface DropDeps {
  bridge: FolioBridge | null;
  services: FolioServices;
  prompts: Prompts;
  show(document: OpenDocument): void;
}

export function fileDropHandler({ bridge, services, prompts, show }: DropDeps): void {
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    // Never let the browser navigate to a dropped file.
    event.preventDefault();
    if (!bridge) {
      prompts.notify({ key: 'dialog.dropInBrowser' }, 'info');
      return;
    }
    for (const file of files) {
      const path = bridge.pathForFile(file);
      if (!path) continue;
      const opening = /\.folio$/i.test(path)
        ? services['edition.open']({ path })
        : services['edition.import']({ path });
      opening.then(
        (opened) => opened && show(opened),
        (error: Error) => prompts.notify(error, 'error'),
      );
    }
  });
}
