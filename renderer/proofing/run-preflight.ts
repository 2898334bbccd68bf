/** Runs the host's preflight on the open edition and shows the findings in the preflight panel. */
import type { FolioServices } from '../../shared/services/api';
import type { EditorStore } from '../state/editor-store';
import { proofingOf } from './proofing-state';

export async function runPreflight(store: EditorStore, services: FolioServices | null): Promise<void> {
  const proofing = proofingOf(store);
  const { document, edition } = store.getState();
  if (!document || !edition || !services) return;
  proofing.set({ preflightOpen: true, preflightRunning: true, preflightError: null, notice: null });
  try {
    const { problems } = await services['edition.preflight']({ documentId: document.documentId, edition });
    proofing.set({ problems, focusedProblem: -1 });
  } catch (error) {
    proofing.set({ preflightError: (error as Error).message });
  } finally {
    proofing.set({ preflightRunning: false });
  }
}
