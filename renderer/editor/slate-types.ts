/**
 * Declares Folio's story nodes to Slate once (Slate's CustomTypes, as in
 * its site/examples/ts/custom-types.d.ts): a story block is a Slate element
 * and a story text leaf a Slate text, so the model's story JSON is the
 * editor's value as it is, with no conversion.
 */
import type { BaseEditor } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { StoryBlock, StoryText } from '../../shared/model/types';

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor;
    Element: StoryBlock;
    Text: StoryText;
  }
}

export type { StoryBlock, StoryText };
