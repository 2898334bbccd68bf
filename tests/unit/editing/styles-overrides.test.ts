/**
 * What the style panel shows about inheritance: which properties a style
 * sets itself, what it would inherit and from which style; clearing an
 * override is one undoable operation that brings the inherited value back;
 * character styles can be edited (and stay "as paragraph" where unset).
 */
import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../shared/model/operations';
import type { Operation } from '../../../shared/model/ops/types';
import { baseParagraphProps, createEmptyEdition } from '../../../shared/model/defaults';
import { sequentialIds } from '../../../shared/model/ids';
import type { Edition } from '../../../shared/model/types';
import {
  characterFieldStates,
  ownOverrides,
  paragraphFieldStates,
} from '../../../shared/editing/style-overrides';
import {
  createCharacterStyle,
  createParagraphStyle,
  updateCharacterStyle,
  updateParagraphStyle,
} from '../../../shared/editing/style-edits';

function run(edition: Edition, ops: Operation[]): Edition {
  expect(ops).toHaveLength(1); // one operation: one undo step
  const applied = applyOperations(edition, ops);
  expect(applyOperations(applied.edition, [applied.inverse]).edition).toEqual(edition);
  return applied.edition;
}

/** A chain Deck ← Body 12 ← Big 14: Deck sets size 9 and leading 20, Big sets size 14. */
function chain(): Edition {
  const ids = sequentialIds();
  let edition = createEmptyEdition({ language: 'zh-Hans', ids: sequentialIds() });
  const a = createParagraphStyle(edition, 'Deck', null, { fontSize: 9, leading: 20 }, ids);
  edition = run(edition, a.ops);
  const b = createParagraphStyle(edition, 'Body 12', a.styleId, { kinsoku: 'strict' }, ids);
  edition = run(edition, b.ops);
  const c = createParagraphStyle(edition, 'Big', b.styleId, { fontSize: 14, sizeUnit: 'hao' }, ids);
  return run(edition, c.ops);
}
const idOf = (edition: Edition, name: string) =>
  Object.values(edition.styles.paragraph).find((s) => s.name === name)!.id;

describe('paragraph style overrides', () => {
  it('tells set values from inherited ones and names where the inherited value comes from', () => {
    const edition = chain();
    const fields = paragraphFieldStates(edition.styles, idOf(edition, 'Big'));
    expect(fields.fontSize).toEqual({
      value: 14,
      overridden: true,
      inherited: 9,
      from: idOf(edition, 'Deck'),
    });
    expect(fields.leading).toEqual({
      value: 20,
      overridden: false,
      inherited: 20,
      from: idOf(edition, 'Deck'),
    });
    expect(fields.kinsoku).toMatchObject({
      value: 'strict',
      overridden: false,
      from: idOf(edition, 'Body 12'),
    });
    // Nothing in the chain sets the Han–Latin space: the built-in default shows, from no style.
    expect(fields.hanLatinSpacing).toEqual({
      value: baseParagraphProps('zh-Hans').hanLatinSpacing,
      overridden: false,
      inherited: baseParagraphProps('zh-Hans').hanLatinSpacing,
      from: null,
    });
  });

  it('clears an override in one undoable step; the inherited value comes back', () => {
    const edition = chain();
    const big = idOf(edition, 'Big');
    const cleared = run(
      edition,
      updateParagraphStyle(edition, big, { fontSize: undefined, sizeUnit: undefined }),
    );
    const fields = paragraphFieldStates(cleared.styles, big);
    expect(fields.fontSize).toMatchObject({ value: 9, overridden: false });
    expect(ownOverrides(cleared.styles.paragraph[big])).toEqual({});
  });

  it('a root style inherits the built-in defaults of the edition language', () => {
    const edition = chain();
    const fields = paragraphFieldStates(edition.styles, idOf(edition, 'Deck'));
    expect(fields.fontSize).toEqual({
      value: 9,
      overridden: true,
      inherited: baseParagraphProps('zh-Hans').fontSize,
      from: null,
    });
  });

  it('changes every new paragraph property the editor offers, and refuses a based-on loop', () => {
    const edition = chain();
    const deck = idOf(edition, 'Deck');
    const changed = run(
      edition,
      updateParagraphStyle(edition, deck, {
        firstLineIndent: 18,
        spanColumns: 'all',
        kinsoku: 'gb',
        lastLineAlign: 'center',
        keepWithNext: true,
        widows: 3,
        color: { swatchId: 'news-red', tint: 60 },
      }),
    );
    const fields = paragraphFieldStates(changed.styles, idOf(changed, 'Big'));
    expect(fields.spanColumns.value).toBe('all');
    expect(fields.color.value).toEqual({ swatchId: 'news-red', tint: 60 });
    expect(fields.kinsoku.value).toBe('strict'); // Body 12 still sets its own level
    expect(() => updateParagraphStyle(edition, deck, { basedOn: idOf(edition, 'Big') })).toThrow(/based on/);
  });
});

describe('character styles', () => {
  function withCharacterChain() {
    const ids = sequentialIds();
    let edition = createEmptyEdition({ language: 'zh-Hans', ids: sequentialIds() });
    const heavy = createCharacterStyle(edition, 'Heavy', null, {}, ids);
    edition = run(edition, heavy.ops);
    edition = run(edition, updateCharacterStyle(edition, heavy.styleId, { fontWeight: 900, fontSize: 12 }));
    const slant = createCharacterStyle(edition, 'Heavy slant', heavy.styleId, {}, ids);
    edition = run(edition, slant.ops);
    return { edition, heavy: heavy.styleId, slant: slant.styleId };
  }

  it('a new character style can be edited; unset properties stay as the paragraph', () => {
    const { edition, heavy, slant } = withCharacterChain();
    expect(edition.styles.character[heavy]).toMatchObject({ fontWeight: 900, fontSize: 12 });
    const fields = characterFieldStates(edition.styles, slant);
    expect(fields.fontWeight).toEqual({ value: 900, overridden: false, inherited: 900, from: heavy });
    expect(fields.italic).toEqual({ value: undefined, overridden: false, inherited: undefined, from: null });
  });

  it('sets and clears italic, colour and baseline shift, one step each', () => {
    const { edition, slant } = withCharacterChain();
    let next = run(edition, updateCharacterStyle(edition, slant, { italic: true, baselineShift: -2 }));
    next = run(next, updateCharacterStyle(next, slant, { color: { swatchId: 'news-red', tint: 100 } }));
    expect(characterFieldStates(next.styles, slant).baselineShift).toMatchObject({
      value: -2,
      overridden: true,
    });
    next = run(next, updateCharacterStyle(next, slant, { baselineShift: undefined, fontWeight: 400 }));
    const fields = characterFieldStates(next.styles, slant);
    expect(fields.baselineShift.value).toBeUndefined();
    expect(fields.fontWeight).toMatchObject({ value: 400, overridden: true, inherited: 900 });
  });

  it('refuses a based-on loop and a missing parent, naming the style', () => {
    const { edition, heavy, slant } = withCharacterChain();
    expect(() => updateCharacterStyle(edition, heavy, { basedOn: slant })).toThrow(
      /“Heavy” cannot be based on/,
    );
    expect(() => updateCharacterStyle(edition, heavy, { basedOn: 'cs-nope' })).toThrow(/cs-nope/);
    expect(() => updateCharacterStyle(edition, 'cs-nope', { italic: true })).toThrow(/cs-nope/);
  });
});
