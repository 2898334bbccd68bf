/**
 * The actions extension: creates the window's editing session (undo
 * history and journal), registers Edit ▸ Undo / Redo with the shell's
 * command registry, and binds the actions' keyboard shortcuts.
 */
import type { JournalServices } from '../../shared/editing/journal-service';
import type { ShellExtension } from '../shell/extensions';
import { runAction } from './action';
import { bindActionKeys } from './keyboard';
import { ACTIONS, actionNamed } from './registry';
import { sessionOf } from './session';
import { RecoveryPrompt } from './RecoveryPrompt';

export const extension: ShellExtension = {
  id: 'actions',
  RightPanel: RecoveryPrompt,
  activate({ store, commands, services }) {
    const session = sessionOf(store, services as unknown as Partial<JournalServices>);
    const undo = actionNamed('undo');
    const redo = actionNamed('redo');
    const cleanups = [
      commands.register('edit.undo', {
        run: () => void runAction(undo, store, session),
        state: () => (session.history.canUndo() ? { enabled: true } : { enabled: false }),
      }),
      commands.register('edit.redo', {
        run: () => void runAction(redo, store, session),
        state: () => (session.history.canRedo() ? { enabled: true } : { enabled: false }),
      }),
      // The Edit menu's items follow the history.
      session.subscribe(() => commands.changed()),
      bindActionKeys(ACTIONS, store, session, (message) => session.notify(message)),
    ];
    // A clean close of the window ends the journal; a crash leaves it for recovery.
    const onHide = () => {
      if (!store.getState().dirty) void session.journal?.close();
      else void session.journal?.flush();
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      for (const cleanup of cleanups) cleanup();
    };
  },
};
