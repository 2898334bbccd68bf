/**
 * The proof rounds (校次) and sign-off (签版) extension: Review ▸ Start
 * Proof Round…, Compare Rounds…, the Proof Rounds panel, Sign Off Page and
 * Reopen Page; the comparison view over the canvas; each page's status on
 * the page and in the pages panel; and the reopening of a signed page that
 * an edit changes. The model (shared/review/rounds.ts, diff.ts,
 * signoff.ts) does the work; this is the desk around it.
 */
import { pageStatus, reviewOf } from '../../shared/model/review';
import type { ShellExtension } from '../shell/extensions';
import { CompareView } from './CompareView';
import { defaultRequest, showComparison } from './compare';
import { PageStatusBadge } from './PageStatusBadge';
import { reopenOnEdit } from './reopen';
import { reopenPage, signOffPage } from './round-actions';
import { RoundsOverlay } from './RoundsOverlay';
import { RoundsPanel } from './RoundsPanel';
import { roundsOf } from './rounds-state';

export const extension: ShellExtension = {
  id: 'rounds',
  RightPanel: RoundsPanel,
  CanvasOverlay: RoundsOverlay,
  CenterView: CompareView,
  PageBadge: PageStatusBadge,
  activate({ store, commands, services, prompts }) {
    const rounds = roundsOf(store);
    rounds.services = services;
    rounds.prompts = prompts ?? null;
    const editable = () => {
      const { edition } = store.getState();
      if (!edition) return { enabled: false, reason: 'reason.noDocument' as const };
      if (!store.canApply) return { enabled: false, reason: 'reason.noEditor' as const };
      return { enabled: true };
    };
    const currentPage = () => {
      const { edition, selection } = store.getState();
      return edition?.pages[selection.pageIndex] ?? null;
    };
    const signState = (wantSigned: boolean) => () => {
      const base = editable();
      if (!base.enabled) return base;
      const edition = store.getState().edition!;
      const page = currentPage();
      if (!page) return { enabled: false, reason: 'reason.noDocument' as const };
      const signed = pageStatus(edition, page.id) === 'signed';
      if (signed === wantSigned) return { enabled: true };
      return {
        enabled: false,
        reason: wantSigned ? ('rounds.reason.notSigned' as const) : ('rounds.reason.signed' as const),
      };
    };
    let last = rounds.get();
    const unsubscribe = rounds.subscribe(() => {
      const now = rounds.get();
      // The menu's check mark follows the panel.
      if (now.open !== last.open) commands.changed();
      last = now;
    });
    // The regions marked after a jump show where the changes were; an edit starts the work on them.
    const clearMarks = store.onApplied((change) => {
      if (change.meta.origin === 'user' && rounds.get().marked) rounds.set({ marked: null });
    });
    // Sign-off follows the current page in the menu.
    let lastPage = store.getState().selection.pageIndex;
    const followPage = store.subscribe(() => {
      const page = store.getState().selection.pageIndex;
      if (page !== lastPage) {
        lastPage = page;
        commands.changed();
      }
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && rounds.get().marked && !rounds.get().comparison)
        rounds.set({ marked: null });
    };
    window.addEventListener('keydown', onKey);
    const cleanups = [
      unsubscribe,
      clearMarks,
      followPage,
      () => window.removeEventListener('keydown', onKey),
      reopenOnEdit(store),
      commands.register('review.startRound', {
        state: editable,
        run: () => rounds.set({ starting: { name: '' } }),
      }),
      commands.register('review.compare', {
        state: () => {
          const base = editable();
          if (!base.enabled) return base;
          return reviewOf(store.getState().edition!).rounds.length > 0
            ? { enabled: true }
            : { enabled: false, reason: 'rounds.reason.noRounds' as const };
        },
        run: () => {
          const edition = store.getState().edition;
          const request = edition ? defaultRequest(edition) : null;
          if (request) showComparison(store, request);
        },
      }),
      commands.register('review.rounds', {
        state: () => ({ enabled: store.getState().edition !== null, checked: rounds.get().open }),
        run: () => rounds.set({ open: !rounds.get().open }),
      }),
      commands.register('review.signOff', {
        state: signState(false),
        run: async () => {
          const index = store.getState().selection.pageIndex;
          if (await signOffPage(store, index)) {
            const edition = store.getState().edition!;
            const last = reviewOf(edition).rounds.at(-1);
            prompts?.notify({
              key: 'rounds.signedNotice',
              values: { page: index + 1, round: last?.name ?? '—' },
            });
          }
          commands.changed();
        },
      }),
      commands.register('review.reopenPage', {
        state: signState(true),
        run: () => {
          reopenPage(store, store.getState().selection.pageIndex);
          commands.changed();
        },
      }),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
