/**
 * Deleting a style with "replace by": one operation that hands every use of
 * the style — paragraphs, text runs, role defaults, based-on children — to
 * another style, leaves a valid edition, and undoes exactly.
 */
import { describe, expect, it } from 'vitest';
import { applyOperation, OperationError, type Operation } from '../../../shared/model/operations';
import {
  resolveCharacterStyle,
  resolveParagraphStyle,
  resolveParagraphStyleById,
} from '../../../shared/model/styles';
import type { Edition } from '../../../shared/model/types';
import { sampleEdition } from './fixtures';
import { applyAndUndo, deepFreeze } from './op-helpers';

function refused(edition: Edition, op: Operation, fragment: string) {
  expect(() => applyOperation(deepFreeze(edition), op)).toThrow(OperationError);
  expect(() => applyOperation(edition, op)).toThrow(fragment);
}

/** The sample plus a grandchild of the body style and a display style to replace with. */
function editionWithFamily(): Edition {
  const edition = sampleEdition();
  edition.styles.paragraph['ps-body-tight-red'] = {
    id: 'ps-body-tight-red',
    name: '紧排红字',
    basedOn: 'ps-body-tight',
    color: { swatchId: 'news-red', tint: 100 },
  };
  edition.styles.paragraph['ps-quote'] = {
    id: 'ps-quote',
    name: '引语',
    basedOn: 'ps-base',
    italic: true,
    leading: 16,
  };
  return edition;
}

describe('delete_paragraph_style', () => {
  it('gives the paragraphs to the replacement and keeps the children’s look; undo restores everything', () => {
    const edition = editionWithFamily();
    const childBefore = resolveParagraphStyleById(edition.styles, 'ps-body-tight-red');
    const after = applyAndUndo(edition, {
      type: 'delete_paragraph_style',
      styleId: 'ps-body-tight',
      replaceWith: 'ps-quote',
    });
    expect(after.styles.paragraph['ps-body-tight']).toBeUndefined();
    // The paragraph that named it now names the replacement and is set in it.
    const block = after.stories['st-lead'].blocks[4];
    expect(block.styleId).toBe('ps-quote');
    expect(resolveParagraphStyle(after.styles, block).italic).toBe(true);
    // Its child is based on the replacement but looks exactly as before.
    const child = after.styles.paragraph['ps-body-tight-red'];
    expect(child.basedOn).toBe('ps-quote');
    expect(resolveParagraphStyleById(after.styles, 'ps-body-tight-red')).toEqual(childBefore);
    expect(child.leading).toBe(12); // what the deleted style set is now the child's own
  });

  it('with no replacement, paragraphs go back to their role default and children onto the parent', () => {
    const edition = editionWithFamily();
    const childBefore = resolveParagraphStyleById(edition.styles, 'ps-body-tight-red');
    const after = applyAndUndo(edition, {
      type: 'delete_paragraph_style',
      styleId: 'ps-body-tight',
      replaceWith: null,
    });
    const block = after.stories['st-lead'].blocks[4];
    expect('styleId' in block).toBe(false);
    expect(resolveParagraphStyle(after.styles, block).leading).toBe(13.5); // the body role's leading
    expect(after.styles.paragraph['ps-body-tight-red'].basedOn).toBe('ps-body');
    expect(resolveParagraphStyleById(after.styles, 'ps-body-tight-red')).toEqual(childBefore);
  });

  it('moves a role default to the replacement, and refuses to delete a role default without one', () => {
    refused(
      sampleEdition(),
      { type: 'delete_paragraph_style', styleId: 'ps-headline', replaceWith: null },
      'default of the headline role',
    );
    const after = applyAndUndo(editionWithFamily(), {
      type: 'delete_paragraph_style',
      styleId: 'ps-headline',
      replaceWith: 'ps-subheadline',
    });
    expect(after.styles.roleStyles.headline).toBe('ps-subheadline');
    const headline = after.stories['st-lead'].blocks[0];
    expect(resolveParagraphStyle(after.styles, headline).fontSize).toBe(16); // 三号, the subheadline's size
  });

  it('deleting the base style rebases every role style without changing how any paragraph looks', () => {
    const edition = editionWithFamily();
    const looks = (e: Edition) =>
      Object.values(e.stories).flatMap((s) => s.blocks.map((b) => resolveParagraphStyle(e.styles, b)));
    const before = looks(edition);
    const after = applyAndUndo(edition, {
      type: 'delete_paragraph_style',
      styleId: 'ps-base',
      replaceWith: null,
    });
    expect(Object.values(after.styles.paragraph).every((s) => s.basedOn !== 'ps-base')).toBe(true);
    expect(looks(after)).toEqual(before);
  });

  it('a child the replacement is based on goes onto the deleted style’s parent (no loop)', () => {
    // Replace the body style by its own grandchild: the child in between cannot be based on it.
    const edition = editionWithFamily();
    const after = applyAndUndo(edition, {
      type: 'delete_paragraph_style',
      styleId: 'ps-body',
      replaceWith: 'ps-body-tight-red',
    });
    expect(after.styles.paragraph['ps-body-tight'].basedOn).toBe('ps-base');
    expect(after.styles.paragraph['ps-body-tight-red'].basedOn).toBe('ps-body-tight');
    expect(after.styles.roleStyles.body).toBe('ps-body-tight-red');
  });

  it('refuses an unknown style, an unknown replacement and the style itself', () => {
    const e = sampleEdition();
    refused(e, { type: 'delete_paragraph_style', styleId: 'ps-nope', replaceWith: null }, 'does not exist');
    refused(e, { type: 'delete_paragraph_style', styleId: 'ps-body-tight', replaceWith: 'ps-x' }, '"ps-x"');
    refused(
      e,
      { type: 'delete_paragraph_style', styleId: 'ps-body-tight', replaceWith: 'ps-body-tight' },
      'by itself',
    );
  });
});

describe('delete_character_style', () => {
  /** The sample with the bold run also set in the red style, next to an unstyled run. */
  function editionWithRed(): Edition {
    const edition = sampleEdition();
    const body = edition.stories['st-lead'].blocks[2];
    body.children = [
      { text: '智慧岛核心区已建成,' },
      { text: '签约入驻企业359家', charStyleId: 'cs-red' },
      { text: ',市政项目完成投资21.8亿元。' },
    ];
    return edition;
  }

  it('with no replacement the runs take the paragraph’s look and join their neighbours', () => {
    const edition = editionWithRed();
    const noteBefore = edition.styles.character['cs-note'];
    const after = applyAndUndo(edition, {
      type: 'delete_character_style',
      styleId: 'cs-red',
      replaceWith: null,
    });
    expect(after.stories['st-lead'].blocks[2].children).toEqual([
      { text: '智慧岛核心区已建成,签约入驻企业359家,市政项目完成投资21.8亿元。' },
    ]);
    // cs-note was based on cs-red: it keeps the red colour as its own.
    const note = after.styles.character['cs-note'];
    expect(note.basedOn).toBe(null);
    expect(note.color).toEqual(edition.styles.character['cs-red'].color);
    expect(note.italic).toBe(noteBefore.italic);
  });

  it('with a replacement the runs are set in it', () => {
    const after = applyAndUndo(editionWithRed(), {
      type: 'delete_character_style',
      styleId: 'cs-red',
      replaceWith: 'cs-strong',
    });
    const body = after.stories['st-lead'].blocks[2];
    expect(body.children[1]).toEqual({ text: '签约入驻企业359家', charStyleId: 'cs-strong' });
    const paragraph = resolveParagraphStyle(after.styles, body);
    expect(resolveCharacterStyle(after.styles, paragraph, body.children[1]).fontWeight).toBe(
      after.styles.character['cs-strong'].fontWeight,
    );
    expect(after.styles.character['cs-note'].basedOn).toBe('cs-strong');
  });
});
