/**
 * Layout ▸ Auto-Layout Page…: the proposals for the page in view, made in
 * the renderer with the composer that paints the canvas (the same fonts and
 * measures, so a proposal shows and prints as scored), and the chosen one
 * applied as one undo step. Proposals are made after the dialog has painted
 * its "working" state: the search runs on the UI thread (about a quarter of a
 * second for the sample page) and the user should see that it started.
 */
import { pageLabels } from '../../shared/model/plan';
import { AutoLayoutError, proposeLayouts, type Proposal } from '../../shared/planning/auto-layout';
import type { MessageKey } from '../../shared/services/locales';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { planningDialogsOf } from './dialog-state';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Opens the dialog for the page in view and makes its proposals. */
export async function openAutoLayout(store: EditorStore): Promise<void> {
  const dialogs = planningDialogsOf(store);
  const { edition, selection } = store.getState();
  if (!edition) return;
  const pageIndex = Math.min(selection.pageIndex, edition.pages.length - 1);
  dialogs.set({ kind: 'auto-layout', pageIndex, status: 'working' });
  await nextFrame();
  const composer = store.paragraphComposer();
  if (!composer) {
    dialogs.set({
      kind: 'auto-layout',
      pageIndex,
      status: 'failed',
      message: { key: 'autoLayout.noComposer' },
    });
    return;
  }
  try {
    const result = proposeLayouts(edition, pageIndex, composer, { proposals: 3 });
    // The user may have closed it meanwhile.
    if (dialogs.get()?.kind !== 'auto-layout') return;
    if (result.proposals.length === 0)
      dialogs.set({
        kind: 'auto-layout',
        pageIndex,
        status: 'failed',
        message: { key: 'autoLayout.noProposal', values: { page: pageLabels(edition)[pageIndex] } },
      });
    else dialogs.set({ kind: 'auto-layout', pageIndex, status: 'ready', result, edition });
  } catch (error) {
    if (!(error instanceof AutoLayoutError)) throw error;
    const values = { ...error.values };
    // The page as the desk numbers it (A05), not its place in the edition.
    if (typeof values.page === 'number') values.page = pageLabels(edition)[values.page - 1] ?? values.page;
    dialogs.set({
      kind: 'auto-layout',
      pageIndex,
      status: 'failed',
      message: { key: `autoLayout.error.${error.reason}` as MessageKey, values },
    });
  }
}

/** Applies a proposal as one undo step and closes the dialog; made again when the edition changed meanwhile. */
export function applyProposal(store: EditorStore, proposal: Proposal): void {
  const dialogs = planningDialogsOf(store);
  const open = dialogs.get();
  if (open?.kind !== 'auto-layout' || open.status !== 'ready') return;
  const edition = store.getState().edition;
  if (!edition) return;
  if (edition !== open.edition) {
    // Someone (a co-editor, an undo) changed the edition under the dialog: its proposals are stale.
    void openAutoLayout(store);
    return;
  }
  const session = sessionOf(store);
  session.apply(proposal.operations, { label: 'step.autoLayout' });
  dialogs.set(null);
  store.select({ pageIndex: open.pageIndex, frameIds: [] });
  dialogs.prompts?.notify({
    key: 'autoLayout.applied',
    values: { rank: proposal.rank, page: pageLabels(edition)[open.pageIndex] },
  });
}

/** Closes whichever planning dialog is open. */
export function closeDialog(store: EditorStore): void {
  planningDialogsOf(store).set(null);
}
