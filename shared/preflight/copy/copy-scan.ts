/**
 * What every copy check reads: the edition's paragraphs in reading order
 * (stories as they first appear on the pages, then stories on no page),
 * each with its text (field placeholders masked, so a folio line's page
 * number is never "copy"), and a way to report a finding at a range of that
 * text with its page, frame and context.
 */
import { PageLocator, contextAround } from '../../find';
import type { BlockRole, CopyCheckId, Edition, Id } from '../../model/types';
import { place } from '../frame-names';
import type { PreflightFinding, PreflightInput } from '../types';

export interface CopyParagraph {
  storyId: Id;
  storyName: string;
  block: number;
  role: BlockRole;
  /** The paragraph's text; field placeholders are U+FFFC. */
  text: string;
  /** True when the paragraph has Han characters (Chinese copy). */
  han: boolean;
}

export interface CopyStory {
  storyId: Id;
  name: string;
  paragraphs: CopyParagraph[];
}

export const FIELD_MASK = '\uFFFC';
export const HAN = /\p{Script=Han}/u;

/** A finding's English line (for the CLI) and its UI string key and values (for the app). */
export interface CopyMessage {
  text: string;
  key: string;
  values?: Record<string, string | number>;
}

export class CopyScan {
  readonly stories: CopyStory[];
  private readonly locator: PageLocator;

  constructor(
    readonly input: PreflightInput,
    private readonly names: Map<Id, string>,
  ) {
    this.locator = new PageLocator(input.displayList);
    this.stories = readingOrder(input.edition, this.locator).map((id) => {
      const story = input.edition.stories[id];
      return {
        storyId: id,
        name: story.name,
        paragraphs: story.blocks.map((block, index) => {
          let text = '';
          for (const leaf of block.children)
            text += leaf.field ? FIELD_MASK.repeat(leaf.text.length) : leaf.text;
          return {
            storyId: id,
            storyName: story.name,
            block: index,
            role: block.type,
            text,
            han: HAN.test(text),
          };
        }),
      };
    });
  }

  /** Every paragraph, in reading order. Folio lines (generated text) are left out. */
  *paragraphs(): Generator<CopyParagraph> {
    for (const story of this.stories)
      for (const paragraph of story.paragraphs) if (paragraph.role !== 'folio') yield paragraph;
  }

  /** A finding at [offset, offset + length) of a paragraph. */
  finding(
    check: CopyCheckId,
    paragraph: CopyParagraph,
    offset: number,
    length: number,
    message: CopyMessage,
    replacement?: string,
  ): PreflightFinding {
    const located = this.locator.locate(paragraph.storyId, paragraph.block, offset);
    const pageNumber = located ? located.pageIndex + 1 : null;
    const frameId = located?.frameId ?? null;
    const match = paragraph.text.slice(offset, offset + length);
    const { before, after } = contextAround(paragraph.text, offset, offset + length, 10);
    const where = place(pageNumber, frameId, this.names);
    const overset = located ? '' : ' (overset)';
    const fix = replacement !== undefined ? ` (fix: ${JSON.stringify(replacement)})` : '';
    const text = `story '${paragraph.storyName}' ¶${paragraph.block + 1}${overset}: ${message.text}: …${before}[${match}]${after}…${fix}`;
    return {
      severity: 'warning',
      code: `copy-${check}`,
      message: where ? `${where}: ${text}` : text,
      pageNumber,
      frameId,
      frameName: frameId ? (this.names.get(frameId) ?? null) : null,
      text: {
        storyId: paragraph.storyId,
        storyName: paragraph.storyName,
        block: paragraph.block,
        offset,
        length,
        before,
        match,
        after,
      },
      ...(replacement !== undefined ? { fix: { replacement } } : {}),
      detail: { key: message.key, values: { ...message.values, match } },
    };
  }
}

function readingOrder(edition: Edition, locator: PageLocator): Id[] {
  const seen = new Set(locator.storyOrder.filter((id) => edition.stories[id]));
  return [...seen, ...Object.keys(edition.stories).filter((id) => !seen.has(id))];
}
