/** The frame tools extension: the tools overlay on every page and the tools panel. */
import type { ShellExtension } from '../shell/extensions';
import type { JournalServices } from '../../shared/editing/journal-service';
import { sessionOf } from '../actions/session';
import { ToolsOverlay } from './ToolsOverlay';
import { ToolsPanel } from './ToolsPanel';

export const extension: ShellExtension = {
  id: 'frame-tools',
  RightPanel: ToolsPanel,
  CanvasOverlay: ToolsOverlay,
  activate({ store, services }) {
    sessionOf(store, services as unknown as Partial<JournalServices>);
  },
};
