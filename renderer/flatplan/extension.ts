/**
 * The flatplan extension: View ▸ Flatplan (Ctrl/Cmd+Alt+P) shows the
 * edition's plan over the canvas area and back; the view itself is
 * FlatplanView.
 */
import type { ShellExtension } from '../shell/extensions';
import { flatplanOf } from './flatplan-state';
import { FlatplanView } from './FlatplanView';
import { exportFlatplan } from './export-flatplan';

export const extension: ShellExtension = {
  id: 'flatplan',
  CenterView: FlatplanView,
  activate({ store, commands, services, info, prompts }) {
    const state = flatplanOf(store);
    state.commands = commands;
    const cleanups = [
      commands.register('view.flatplan', {
        state: () =>
          store.getState().edition
            ? { enabled: true, checked: state.get().open }
            : { enabled: false, reason: 'reason.noDocument' },
        run: () => state.set({ open: !state.get().open }),
      }),
      // File ▸ Export Flatplan…: the host writes the one-page PDF in the UI language.
      commands.register('file.exportFlatplan', {
        state: () =>
          store.getState().document ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' },
        run: () => exportFlatplan(store, services, info, prompts),
      }),
      // The menu's check mark follows the view.
      state.subscribe(() => commands.changed()),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
