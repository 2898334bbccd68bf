/** The story editor extension: the story panel on the right and the caret on the page. */
import type { ShellExtension } from '../shell/extensions';
import { sessionOf } from '../actions/session';
import type { JournalServices } from '../../shared/editing/journal-service';
import { StoryPanel } from './StoryPanel';
import { TextOverlay } from './TextOverlay';

export const extension: ShellExtension = {
  id: 'story-editor',
  RightPanel: StoryPanel,
  CanvasOverlay: TextOverlay,
  activate({ store, services }) {
    sessionOf(store, services as unknown as Partial<JournalServices>);
  },
};
