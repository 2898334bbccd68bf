/**
 * What a style sets itself and what it inherits through `basedOn`, per
 * property — so a style panel can grey the inherited values, show where
 * they come from, and offer "clear override" on the ones the style sets.
 *
 * A style stores only the properties that differ from its parent
 * (`ParagraphStyle extends Partial<ParagraphStyleProps>`); clearing an
 * override removes the key, and the value falls back to the parent chain.
 */
import type {
  CharacterStyle,
  CharacterStyleProps,
  Id,
  ParagraphStyle,
  ParagraphStyleProps,
  StyleSheets,
} from '../model/types';
import { baseParagraphProps } from '../model/defaults';
import { resolveParagraphStyleById, styleChain } from '../model/styles';

/** One property of a style as a panel shows it. */
export interface FieldState<V> {
  /** The value the style resolves to (own or inherited). */
  value: V;
  /** True when the style itself sets this property. */
  overridden: boolean;
  /** The value the property would have without the style's own setting. */
  inherited: V;
  /** The nearest ancestor style that sets the inherited value; null: the built-in default. */
  from: Id | null;
}

export type ParagraphFieldStates = { [K in keyof ParagraphStyleProps]: FieldState<ParagraphStyleProps[K]> };

const has = (style: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(style, key) && (style as Record<string, unknown>)[key] !== undefined;

/** The language of the built-in defaults, as style resolution picks it (the base style's language). */
function defaultLanguage(styles: StyleSheets): ParagraphStyleProps['language'] {
  return styles.paragraph['ps-base']?.language ?? 'zh-Hans';
}

/** Nearest style of the chain (excluding the last, the style itself) that sets `key`. */
function nearestSetter<S extends { id: Id }>(chain: readonly S[], key: string): Id | null {
  for (let i = chain.length - 2; i >= 0; i--) if (has(chain[i], key)) return chain[i].id;
  return null;
}

/** Every paragraph property of a style with its own/inherited state. */
export function paragraphFieldStates(styles: StyleSheets, styleId: Id): ParagraphFieldStates {
  const style = styles.paragraph[styleId];
  if (!style) throw new Error(`paragraph style ${styleId} does not exist`);
  const value = resolveParagraphStyleById(styles, styleId);
  const chain = styleChain(styles.paragraph, styleId);
  // A based-on chain that loops back to the style itself does not count as a parent.
  const parentId = chain.length > 1 ? chain[chain.length - 2].id : null;
  const inherited = parentId
    ? resolveParagraphStyleById(styles, parentId)
    : baseParagraphProps(defaultLanguage(styles));
  const out: Record<string, FieldState<unknown>> = {};
  for (const key of Object.keys(value) as (keyof ParagraphStyleProps)[]) {
    out[key] = {
      value: value[key],
      overridden: has(style, key),
      inherited: inherited[key],
      from: nearestSetter(chain, key),
    };
  }
  return out as unknown as ParagraphFieldStates;
}

export const CHARACTER_STYLE_KEYS: readonly (keyof CharacterStyleProps)[] = [
  'fontFamily',
  'fontWeight',
  'italic',
  'fontSize',
  'tracking',
  'color',
  'baselineShift',
];

/**
 * A character style property: `undefined` where neither the style nor its
 * based-on chain sets it — the text keeps its paragraph's value.
 */
export type CharacterFieldStates = {
  [K in keyof CharacterStyleProps]: FieldState<CharacterStyleProps[K] | undefined>;
};

export function characterFieldStates(styles: StyleSheets, styleId: Id): CharacterFieldStates {
  const style = styles.character[styleId];
  if (!style) throw new Error(`character style ${styleId} does not exist`);
  const chain = styleChain(styles.character, styleId);
  const out: Record<string, FieldState<unknown>> = {};
  for (const key of CHARACTER_STYLE_KEYS) {
    const from = nearestSetter(chain, key);
    const inherited = from ? styles.character[from][key] : undefined;
    const overridden = has(style, key);
    out[key] = { value: overridden ? style[key] : inherited, overridden, inherited, from };
  }
  return out as unknown as CharacterFieldStates;
}

/** The props a style sets itself (its overrides), without id, name and basedOn. */
export function ownOverrides(style: ParagraphStyle | CharacterStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) {
    if (key === 'id' || key === 'name' || key === 'basedOn' || value === undefined) continue;
    out[key] = value;
  }
  return out;
}

/** Deep equality for the JSON values style properties hold (numbers, strings, booleans, colour refs). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
