/**
 * Story blocks → the paragraphs the composer sets. Resolves paragraph and
 * character styles, substitutes fields, and joins a run-in lead-in (电头)
 * with the block after it into one ParagraphInput whose spans keep each
 * block's own font. `pieces` maps every offset of the joined text back to
 * its block and offset, so lines, glyph clusters and missing-glyph reports
 * point into the story the editor shows.
 */
import { frameTopGap, resolveCharacterStyle, resolveParagraphStyle } from '../../model/styles';
import type { ColorRef, ParagraphStyleProps, StoryBlock, StyleSheets } from '../../model/types';
import type { DisplayColor } from '../display-list';
import type { ParagraphInput, TextSpan } from '../paragraph-types';
import type { FieldValues } from './fields';

/** A stretch of the paragraph's text taken from one leaf of one block. */
export interface TextPiece {
  block: number;
  /** Range in ParagraphInput.text. */
  start: number;
  end: number;
  /** Offset in the block's text where the leaf starts. */
  blockStart: number;
  /** True for a substituted field: every offset maps to the field's start. */
  field: boolean;
}

export interface FlowParagraph {
  input: ParagraphInput;
  /** First and last block joined in this paragraph (equal unless a run-in joined them). */
  firstBlock: number;
  lastBlock: number;
  pieces: TextPiece[];
  /** Characters (code points) of the text outside fields, for overset counts. */
  characters: number;
  /** Equal keys mean equal input (text, spans, style, blocks): reuse is safe. */
  key: string;
  /** Space above the paragraph when it starts a frame (a caption's gap under its photo). */
  topGap: number;
}

export interface ParagraphBuildContext {
  styles: StyleSheets;
  color: (ref: ColorRef) => DisplayColor;
  /** Field values for master-page stories; null where fields keep their text. */
  fields: FieldValues | null;
}

/** Blocks [from, to] that form paragraph(s): run-in blocks join the next one. */
export function paragraphGroups(blocks: readonly StoryBlock[], styles: StyleSheets): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    const runIn = resolveParagraphStyle(styles, blocks[i]).runIn;
    if (runIn && i + 1 < blocks.length) continue;
    groups.push([start, i]);
    start = i + 1;
  }
  return groups;
}

const styleIds = new WeakMap<ParagraphStyleProps, number>();
let nextStyleId = 1;
/** A small number naming a resolved style object (they are memoised and frozen by the model). */
function styleIdentity(style: ParagraphStyleProps): number {
  let id = styleIds.get(style);
  if (id === undefined) {
    id = nextStyleId++;
    styleIds.set(style, id);
  }
  return id;
}

function countCodePoints(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A paragraph built before, with what it was built from. */
interface Built {
  blocks: StoryBlock[];
  first: number;
  styles: StyleSheets;
  /** Whether it shows a field, and the values it was built with (then they must be the same). */
  hasField: boolean;
  fields: FieldValues | null;
  paragraph: FlowParagraph;
}

/**
 * Paragraphs by their last block. Blocks and style sheets are immutable (an
 * edit replaces them), so the same block objects at the same place with the
 * same sheets build the same paragraph: it is reused, and with it its input
 * object, which the composer then finds without building a key.
 */
const built = new WeakMap<StoryBlock, Built>();

function reusable(
  entry: Built | undefined,
  blocks: readonly StoryBlock[],
  first: number,
  last: number,
  context: ParagraphBuildContext,
): FlowParagraph | null {
  if (!entry || entry.first !== first || entry.styles !== context.styles) return null;
  if (entry.blocks.length !== last - first + 1) return null;
  if (entry.hasField && entry.fields !== context.fields) return null;
  for (let b = first; b <= last; b++) if (entry.blocks[b - first] !== blocks[b]) return null;
  return entry.paragraph;
}

/** Builds the paragraph for blocks [first, last] (last carries the paragraph style). */
export function buildParagraph(
  blocks: readonly StoryBlock[],
  first: number,
  last: number,
  context: ParagraphBuildContext,
): FlowParagraph {
  const again = reusable(built.get(blocks[last]), blocks, first, last, context);
  if (again) return again;
  const paragraph = buildNewParagraph(blocks, first, last, context);
  let fields = false;
  for (let b = first; b <= last && !fields; b++)
    fields = blocks[b].children.some((leaf) => leaf.field !== undefined);
  built.set(blocks[last], {
    blocks: blocks.slice(first, last + 1),
    first,
    styles: context.styles,
    hasField: fields,
    fields: context.fields,
    paragraph,
  });
  return paragraph;
}

function buildNewParagraph(
  blocks: readonly StoryBlock[],
  first: number,
  last: number,
  context: ParagraphBuildContext,
): FlowParagraph {
  const { styles } = context;
  const style = resolveParagraphStyle(styles, blocks[last]);
  let text = '';
  const spans: TextSpan[] = [];
  const pieces: TextPiece[] = [];
  let characters = 0;
  let key = '';
  for (let b = first; b <= last; b++) {
    const block = blocks[b];
    const blockStyle = b === last ? style : resolveParagraphStyle(styles, block);
    let blockOffset = 0;
    for (const leaf of block.children) {
      const isField = leaf.field !== undefined && context.fields !== null;
      const shown = isField ? context.fields![leaf.field!] : leaf.text;
      const start = text.length;
      text += shown;
      if (!isField) characters += countCodePoints(shown, 0, shown.length);
      if (shown.length > 0) {
        const props = resolveCharacterStyle(styles, blockStyle, leaf);
        const span: TextSpan = {
          start,
          end: text.length,
          fontFamily: props.fontFamily,
          fontWeight: props.fontWeight,
          italic: props.italic,
          size: props.fontSize,
          tracking: props.tracking,
          color: context.color(props.color),
          baselineShift: props.baselineShift,
        };
        const previous = spans[spans.length - 1];
        if (previous && sameFace(previous, span)) previous.end = span.end;
        else spans.push(span);
        pieces.push({ block: b, start, end: text.length, blockStart: blockOffset, field: isField });
      }
      blockOffset += leaf.text.length;
    }
    key += `${b}:${styleIdentity(blockStyle)};`;
  }
  for (const s of spans) {
    key += `${s.end}|${s.fontFamily}|${s.fontWeight}|${s.italic ? 1 : 0}|${s.size}|${s.tracking}|${s.color.rgb}|${s.color.tint}|${s.color.cmyk.join(',')}|${s.baselineShift};`;
  }
  const topGap = frameTopGap(styles, blocks[first]);
  key += `${topGap}\u0000${text}`;
  return {
    input: { text, spans, style },
    firstBlock: first,
    lastBlock: last,
    pieces,
    characters,
    key,
    topGap,
  };
}

function sameFace(a: TextSpan, b: TextSpan): boolean {
  return (
    a.fontFamily === b.fontFamily &&
    a.fontWeight === b.fontWeight &&
    a.italic === b.italic &&
    a.size === b.size &&
    a.tracking === b.tracking &&
    a.color === b.color &&
    a.baselineShift === b.baselineShift
  );
}

/** All paragraphs of a story's blocks. */
export function buildParagraphs(
  blocks: readonly StoryBlock[],
  context: ParagraphBuildContext,
): FlowParagraph[] {
  return paragraphGroups(blocks, context.styles).map(([first, last]) =>
    buildParagraph(blocks, first, last, context),
  );
}

/** The block and block offset shown at `offset` of the paragraph's text. */
export function storyPointAt(paragraph: FlowParagraph, offset: number): { block: number; offset: number } {
  const { pieces } = paragraph;
  if (pieces.length === 0) return { block: paragraph.lastBlock, offset: 0 };
  let piece = pieces[pieces.length - 1];
  for (const p of pieces) {
    if (offset < p.end) {
      piece = p;
      break;
    }
  }
  if (offset >= piece.end && !piece.field)
    return { block: piece.block, offset: piece.blockStart + piece.end - piece.start };
  const within = piece.field ? 0 : Math.max(0, offset - piece.start);
  return { block: piece.block, offset: piece.blockStart + within };
}

/** Code points of the text from `offset` on, fields excluded (overset counts). */
export function charactersFrom(paragraph: FlowParagraph, offset: number): number {
  if (offset <= 0) return paragraph.characters;
  let n = 0;
  for (const p of paragraph.pieces) {
    if (p.field || p.end <= offset) continue;
    n += countCodePoints(paragraph.input.text, Math.max(offset, p.start), p.end);
  }
  return n;
}
