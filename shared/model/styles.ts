/**
 * Style resolution: the complete paragraph and character properties a block
 * or text run is set in. The layout engine calls these for every paragraph
 * and run, so results are memoised per StyleSheets object — edits replace
 * the styles object (operations are immutable), which drops its cache.
 *
 * Paragraph: base props ← the role's style chain (roleStyles[block.type],
 * basedOn root first) ← the block's own style chain (block.styleId).
 * Character: the paragraph's props ← the run's character style chain ←
 * marks (bold raises the weight to at least 700, italic sets italic).
 *
 * Chains are cycle-safe (a style met twice ends the chain) and a missing
 * style id is skipped, so a damaged sheet still sets text.
 */
import type {
  BlockRole,
  CharacterStyle,
  CharacterStyleProps,
  Id,
  ParagraphLength,
  ParagraphStyle,
  ParagraphStyleProps,
  Pt,
  StoryBlock,
  StoryText,
  StyleSheets,
} from './types';
import { baseParagraphProps } from './defaults';

/** A paragraph length in points: em (字) count the paragraph's own type size. */
export function lengthInPt(length: ParagraphLength, fontSize: Pt): Pt {
  return typeof length === 'number' ? length : length.value * fontSize;
}

/** The space above a paragraph, in points. */
export const spaceBefore = (style: ParagraphStyleProps): Pt => lengthInPt(style.spaceBefore, style.fontSize);
/** The space below a paragraph, in points. */
export const spaceAfter = (style: ParagraphStyleProps): Pt => lengthInPt(style.spaceAfter, style.fontSize);

/** The weight a bold mark sets text in (or keeps, when the style is already heavier). */
export const BOLD_WEIGHT = 700;

/** Every property a paragraph style can set (the keys of the complete base props). */
export const PARAGRAPH_PROPERTY_KEYS: readonly (keyof ParagraphStyleProps)[] = Object.keys(
  baseParagraphProps('zh-Hans'),
) as (keyof ParagraphStyleProps)[];

/** Every property a character style can set. */
export const CHARACTER_PROPERTY_KEYS: readonly (keyof CharacterStyleProps)[] = [
  'fontFamily',
  'fontWeight',
  'italic',
  'fontSize',
  'tracking',
  'color',
  'baselineShift',
];

/** Styles of a chain from the root (no basedOn) to `id` itself; stops at cycles and missing ids. */
export function styleChain<S extends { id: Id; basedOn: Id | null }>(
  table: Record<Id, S>,
  id: Id | null | undefined,
): S[] {
  const chain: S[] = [];
  const seen = new Set<Id>();
  let current = id;
  while (current != null && !seen.has(current)) {
    seen.add(current);
    const style = Object.prototype.hasOwnProperty.call(table, current) ? table[current] : undefined;
    if (!style) break;
    chain.push(style);
    current = style.basedOn;
  }
  return chain.reverse();
}

function applyParagraphChain(target: ParagraphStyleProps, chain: ParagraphStyle[]): void {
  const writable = target as unknown as Record<string, unknown>;
  for (const style of chain) {
    for (const key of PARAGRAPH_PROPERTY_KEYS) {
      const value = style[key];
      if (value !== undefined) writable[key] = value;
    }
  }
}

type ParagraphCache = Map<string, ParagraphStyleProps>;
const paragraphCache = new WeakMap<StyleSheets, ParagraphCache>();

/** The language the base props fall back to when no chain sets one. */
function fallbackLanguage(styles: StyleSheets): ParagraphStyleProps['language'] {
  const base = styles.paragraph['ps-base'];
  return base?.language ?? 'zh-Hans';
}

/**
 * The full paragraph properties of a block (role default, then the block's
 * own style). The returned object is shared and frozen: do not mutate it.
 */
export function resolveParagraphStyle(
  styles: StyleSheets,
  block: Pick<StoryBlock, 'type' | 'styleId'>,
): ParagraphStyleProps {
  let cache = paragraphCache.get(styles);
  if (!cache) {
    cache = new Map();
    paragraphCache.set(styles, cache);
  }
  const key = `${block.type}\u0000${block.styleId ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const props = baseParagraphProps(fallbackLanguage(styles));
  applyParagraphChain(props, styleChain(styles.paragraph, styles.roleStyles[block.type as BlockRole]));
  if (block.styleId) applyParagraphChain(props, styleChain(styles.paragraph, block.styleId));
  Object.freeze(props.color);
  Object.freeze(props);
  cache.set(key, props);
  return props;
}

/**
 * The space the composer leaves above a paragraph that starts a text frame:
 * a caption's gap under its photo (`captionGap`), nothing for other roles.
 * Code that sizes a caption frame flush under a photo adds it to the height.
 */
export function frameTopGap(styles: StyleSheets, block: Pick<StoryBlock, 'type' | 'styleId'>): number {
  if (block.type !== 'caption') return 0;
  const style = resolveParagraphStyle(styles, block);
  return style.captionGap === undefined ? 0 : lengthInPt(style.captionGap, style.fontSize);
}

/** The full properties of a paragraph style by id (for style panels), resolved along its chain. */
export function resolveParagraphStyleById(styles: StyleSheets, styleId: Id): ParagraphStyleProps {
  const props = baseParagraphProps(fallbackLanguage(styles));
  applyParagraphChain(props, styleChain(styles.paragraph, styleId));
  return props;
}

type CharacterCache = WeakMap<ParagraphStyleProps, Map<string, CharacterStyleProps>>;
const characterCache = new WeakMap<StyleSheets, CharacterCache>();

/** Character props a paragraph gives its runs before any character style. */
export function characterPropsOf(paragraph: ParagraphStyleProps): CharacterStyleProps {
  return {
    fontFamily: paragraph.fontFamily,
    fontWeight: paragraph.fontWeight,
    italic: paragraph.italic,
    fontSize: paragraph.fontSize,
    tracking: paragraph.tracking,
    color: paragraph.color,
    baselineShift: 0,
  };
}

/**
 * The full character properties of a text run in a paragraph set in
 * `paragraph` (from resolveParagraphStyle). Shared and frozen: do not mutate.
 */
export function resolveCharacterStyle(
  styles: StyleSheets,
  paragraph: ParagraphStyleProps,
  leaf: Pick<StoryText, 'bold' | 'italic' | 'charStyleId'>,
): CharacterStyleProps {
  let byParagraph = characterCache.get(styles);
  if (!byParagraph) {
    byParagraph = new WeakMap();
    characterCache.set(styles, byParagraph);
  }
  let cache = byParagraph.get(paragraph);
  if (!cache) {
    cache = new Map();
    byParagraph.set(paragraph, cache);
  }
  const key = `${leaf.bold ? 'b' : ''}${leaf.italic ? 'i' : ''}\u0000${leaf.charStyleId ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const props = characterPropsOf(paragraph);
  const writable = props as unknown as Record<string, unknown>;
  for (const style of styleChain<CharacterStyle>(styles.character, leaf.charStyleId)) {
    for (const k of CHARACTER_PROPERTY_KEYS) {
      const value = style[k];
      if (value !== undefined) writable[k] = value;
    }
  }
  if (leaf.bold) props.fontWeight = Math.max(props.fontWeight, BOLD_WEIGHT);
  if (leaf.italic) props.italic = true;
  Object.freeze(props);
  cache.set(key, props);
  return props;
}
