/** Auto-layout of a page: three proposals of modules for its stories, ranked by a stated score. See docs/auto-layout.md. */
export { proposeLayouts, pageAlone } from './propose';
export { readPageInput, AutoLayoutError, type AutoLayoutReason } from './page-input';
export { emptyColumnArea } from './empty-area';
export { scoreProposal } from './score';
export type * from './types';
