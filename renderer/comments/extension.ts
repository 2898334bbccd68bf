/**
 * The proofreading desk's extras (issue 11): Review ▸ Import PDF
 * Comments… (a reviewer's comments on a proof PDF back as notes, one undo
 * step), File ▸ Export Proof with Notes…, and the user's name and colour
 * (Review ▸ Your Name and Colour…, and the badge on the status bar).
 */
import type { ShellExtension } from '../shell/extensions';
import { exportProof } from './export-proof';
import { importPdfComments } from './import-comments';
import { UserBadge } from './UserBadge';
import { userOf } from './user-state';

export const extension: ShellExtension = {
  id: 'comments',
  StatusItem: UserBadge,
  activate({ store, commands, services, info, prompts }) {
    const user = userOf(store);
    user.services = services;
    void user.load().catch(() => undefined);
    const hasDocument = () =>
      store.getState().edition ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' as const };
    const editable = () => {
      if (!store.getState().edition) return { enabled: false, reason: 'reason.noDocument' as const };
      if (!store.canApply) return { enabled: false, reason: 'reason.noEditor' as const };
      return { enabled: true };
    };
    const cleanups = [
      commands.register('review.importComments', {
        state: editable,
        run: () => importPdfComments(store, services, info, prompts),
      }),
      commands.register('file.exportProof', {
        state: hasDocument,
        run: () => exportProof(store, services, info, prompts),
      }),
      commands.register('review.user', {
        run: async () => {
          await user.load().catch(() => undefined);
          user.set({ editing: true });
        },
      }),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
