/**
 * Planning in the app beyond the flatplan: Layout ▸ Auto-Layout Page…
 * (three proposals for the page in view, docs/auto-layout.md) and File ▸
 * Export Pages for Printer… (one named PDF per page, docs/planning.md).
 */
import type { ShellExtension } from '../shell/extensions';
import { planningDialogsOf } from './dialog-state';
import { PlanningDialogView } from './PlanningDialogView';
import { openAutoLayout } from './run-auto-layout';

export const extension: ShellExtension = {
  id: 'planning',
  CenterView: PlanningDialogView,
  activate({ store, commands, services, info, prompts }) {
    const dialogs = planningDialogsOf(store);
    dialogs.services = services;
    dialogs.info = info;
    dialogs.prompts = prompts;
    const needsEdition = () =>
      store.getState().edition ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' as const };
    const cleanups = [
      commands.register('layout.autoLayout', {
        state: needsEdition,
        run: () =>
          openAutoLayout(store).catch((error: unknown) => {
            dialogs.set(null);
            prompts?.notify(error as Error, 'error');
          }),
      }),
      commands.register('file.exportEdition', {
        state: () =>
          store.getState().document ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' },
        run: () => dialogs.set({ kind: 'export-edition', status: 'editing' }),
      }),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
