/**
 * The proofing extension: Edit ▸ Find… (Ctrl/Cmd+F) opens the Find/Replace
 * panel, File ▸ Preflight runs the host's preflight into the preflight
 * panel (press checks and copy checks, with fixes), and the canvas marks
 * find results and the current finding.
 */
import type { ShellExtension } from '../shell/extensions';
import { ProofingOverlay } from './ProofingOverlay';
import { ProofingPanels } from './ProofingPanels';
import { proofingOf } from './proofing-state';
import { sessionOf } from '../actions/session';
import { blockText } from '../../shared/editing/story-points';
import { runPreflight } from './run-preflight';

export const extension: ShellExtension = {
  id: 'proofing',
  RightPanel: ProofingPanels,
  CanvasOverlay: ProofingOverlay,
  activate({ store, commands, services }) {
    const proofing = proofingOf(store);
    const hasDocument = () =>
      store.getState().edition ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' as const };
    const cleanups = [
      commands.register('edit.find', {
        state: hasDocument,
        run: () => {
          // Text selected in the story editor (within a paragraph) becomes the pattern, as in every editor.
          const selection = sessionOf(store).getTextSelection();
          const story = selection ? store.getState().edition?.stories[selection.storyId] : undefined;
          if (selection && story && selection.anchor.block === selection.focus.block) {
            const [from, to] = [selection.anchor.offset, selection.focus.offset].sort((a, b) => a - b);
            const text = story.blocks[selection.anchor.block]
              ? blockText(story.blocks[selection.anchor.block]).slice(from, to)
              : '';
            if (text && !text.includes('\n')) proofing.setQuery({ pattern: text });
          }
          proofing.set({ findOpen: true, focusFind: proofing.get().focusFind + 1 });
        },
      }),
      commands.register('file.preflight', {
        state: hasDocument,
        run: () => runPreflight(store, services),
      }),
    ];
    proofing.services = services;
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
