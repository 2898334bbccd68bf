/**
 * Switching the window between its file and a shared edition. The host
 * keeps which edition the window works on; the page reloads so that
 * app.info, the edition and the page's Content-Security-Policy (which must
 * name the server for the WebSocket) all come fresh from the host.
 */
import type { FolioServices } from '../../shared/services/api';
import type { Edition } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';

/** The window's document as it is now, unsaved changes included, for the host to keep. */
export function handOver(store: EditorStore): { documentId?: string; edition?: Edition } {
  const { document, edition } = store.getState();
  if (!document || !edition || !/^[a-z0-9-]{1,64}$/.test(document.documentId)) return {};
  return { documentId: document.documentId, edition };
}

export async function openSharedEdition(services: FolioServices, store: EditorStore, name: string) {
  const { reload } = await services['newsroom.open']({ name, ...handOver(store) });
  if (reload) window.location.reload();
}

export async function disconnect(services: FolioServices) {
  const { reload } = await services['newsroom.disconnect']({});
  if (reload) window.location.reload();
}
