/**
 * Keeps the host informed of what only the renderer knows: whether the
 * document has unsaved changes (for the close prompt) and which commands are
 * available (for the native menu's enabled and checked states).
 */
import type { i18n } from 'i18next';
import type { FolioServices } from '../../shared/services/api';
import type { EditorStore } from '../state/editor-store';
import type { FolioBridge } from '../services/transport';
import type { CommandRegistry } from './command-registry';

interface SyncDeps {
  store: EditorStore;
  commands: CommandRegistry;
  services: FolioServices;
  bridge: FolioBridge | null;
  i18n: i18n;
}

export function syncWithHost({ store, commands, services, bridge, i18n }: SyncDeps): void {
  let lastDirty: boolean | null = null;
  let lastDocument: string | null = null;
  store.subscribe(() => {
    const { dirty, document } = store.getState();
    if (!document) return;
    if (dirty !== lastDirty || document.documentId !== lastDocument) {
      lastDirty = dirty;
      lastDocument = document.documentId;
      void services['edition.setDirty']({ documentId: document.documentId, dirty }).catch(() => undefined);
    }
  });

  if (!bridge) return;
  // The native menu follows command states; batch bursts of changes into one message.
  let pending = false;
  let last = '';
  const push = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      const snapshot = commands.snapshot();
      const states = Object.fromEntries(
        Object.entries(snapshot).map(([id, state]) => [
          id,
          {
            enabled: state.enabled,
            checked: state.checked,
            reason: state.reason ? i18n.t(state.reason) : undefined,
          },
        ]),
      );
      const serialized = JSON.stringify(states);
      if (serialized === last) return;
      last = serialized;
      void services['menu.setState']({ commands: states }).catch(() => undefined);
    }, 50);
  };
  commands.subscribe(push);
  store.subscribe(push);
  i18n.on('languageChanged', () => {
    last = '';
    push();
  });
  push();
}
