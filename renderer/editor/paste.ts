/**
 * Pasting copy into a story. Plain text (Ctrl/Cmd+Shift+V) becomes body
 * paragraphs, one per line. Pasting with roles (Ctrl/Cmd+V of text from
 * outside Folio) runs the importer's structure recognition, so a pasted
 * wire story arrives with its headline, lead-in and body already marked.
 * Either way the first pasted paragraph joins the paragraph at the caret.
 */
import { Transforms, type Editor } from 'slate';
import { importText } from '../../shared/import';
import type { BlockRole, StoryBlock } from '../../shared/model/types';

export function linesOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .filter((line) => line.trim() !== '');
}

/** Blocks for pasted text: recognised roles, or body paragraphs. */
export function blocksForPaste(text: string, withRoles: boolean): StoryBlock[] {
  const lines = linesOf(text);
  const plain = lines.map((line): StoryBlock => ({ type: 'body', children: [{ text: line }] }));
  if (!withRoles || lines.length < 2) return plain;
  try {
    const result = importText(text);
    const blocks = [...result.banner, ...result.stories.flatMap((story) => story.blocks)];
    return blocks.length > 0 ? blocks : plain;
  } catch {
    // Recognition is a convenience: a failure must not lose the paste.
    return plain;
  }
}

export function pasteFragment(
  editor: Editor,
  text: string,
  options: { withRoles: boolean; currentRole: BlockRole },
): void {
  const blocks = blocksForPaste(text, options.withRoles);
  if (blocks.length === 0) return;
  if (blocks.length === 1) {
    editor.insertText(blocks[0].children.map((leaf) => leaf.text).join(''));
    return;
  }
  Transforms.insertFragment(editor, blocks);
}
