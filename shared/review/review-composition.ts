/**
 * Composition for the proofreading desk's two views of the page:
 * - final: the page as if every change were accepted (the story's own text);
 * - markup: deleted text put back, struck through, insertions underlined.
 * Overset and copyfit always come from the final text, in both views. The
 * final text is composed every time (it is what prints); the markup text
 * only when a story has pending deletions and the markup view is on. Both
 * are incremental.
 */
import type { DisplayList } from '../layout/display-list';
import { Composition, type ComposeOptions, type StoryChange } from '../layout/compose-edition';
import type { ParagraphComposer } from '../layout/paragraph-types';
import type { Edition } from '../model/types';
import { markupEdition, registerMarkup } from './markup';
import { withReviewMarks } from './decorations';

export type ReviewView = 'markup' | 'final';

export interface ReviewViewOptions {
  view: ReviewView;
  /** Notes on the page (default: shown). */
  notes?: boolean;
}

export class ReviewComposition {
  private readonly final: Composition;
  private readonly markup: Composition;
  private markupComposed = false;

  constructor(composer: ParagraphComposer, options: ComposeOptions = {}) {
    this.final = new Composition(composer, options);
    this.markup = new Composition(composer, options);
  }

  /** The final text's display list (for export, preflight and reports). */
  get finalList(): DisplayList {
    return this.final.displayList;
  }

  compose(edition: Edition, options: ReviewViewOptions = { view: 'markup' }): DisplayList {
    return this.view(edition, this.final.compose(edition), options, null);
  }

  /** After a text edit of one story (see Composition.update). */
  update(
    edition: Edition,
    change: StoryChange | undefined,
    options: ReviewViewOptions = { view: 'markup' },
  ): DisplayList {
    return this.view(edition, this.final.update(edition, change), options, change ?? null);
  }

  private view(
    edition: Edition,
    final: DisplayList,
    options: ReviewViewOptions,
    change: StoryChange | null,
  ): DisplayList {
    const notes = options.notes ?? true;
    if (options.view === 'final')
      return withReviewMarks(final, edition, new Map(), { changes: false, notes });
    const markup = markupEdition(edition);
    if (markup.maps.size === 0) {
      this.markupComposed = false;
      return withReviewMarks(final, edition, markup.maps, { changes: true, notes });
    }
    let list: DisplayList;
    if (this.markupComposed && change) {
      const map = markup.maps.get(change.storyId);
      const block = map ? map.toMarkup({ block: change.block, offset: 0 }).block : change.block;
      list = this.markup.update(markup.edition, { storyId: change.storyId, block });
    } else list = this.markup.compose(markup.edition);
    this.markupComposed = true;
    // What fits and what does not is the final text's business.
    const shown = withReviewMarks({ ...list, stories: final.stories }, edition, markup.maps, {
      changes: true,
      notes,
    });
    registerMarkup(shown, markup.maps);
    return shown;
  }
}
