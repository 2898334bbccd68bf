/**
 * Factories for the parts of an edition, filled with sensible defaults, so
 * importers, the sample and UI actions build complete, valid objects in one
 * call and override only what they mean to.
 */
import type {
  BoxFrame,
  ColorRef,
  Id,
  ImageFrame,
  MasterPage,
  Page,
  RuleFrame,
  Sides,
  Story,
  StoryBlock,
  StoryText,
  BlockRole,
  TextFrame,
  TextWrap,
} from './types';
import type { PagePreset } from './presets';

export const ZERO_SIDES: Sides = Object.freeze({ top: 0, right: 0, bottom: 0, left: 0 });
export const NO_WRAP: TextWrap = Object.freeze({ mode: 'none', offsets: ZERO_SIDES }) as TextWrap;
export const BLACK: ColorRef = Object.freeze({ swatchId: 'black', tint: 100 });

/** A page of a preset (margins, columns, bleed and a baseline grid at its body leading). */
export function createPage(preset: PagePreset, id: Id, overrides: Partial<Page> = {}): Page {
  return {
    id,
    masterId: null,
    size: { ...preset.size },
    margins: { ...preset.margins },
    columns: preset.columns,
    gutter: preset.gutter,
    bleed: { ...preset.bleed },
    // The first grid line sits one body size below the top margin: where the
    // first baseline of body text set solid at the top of the type area falls.
    baselineGrid: { start: preset.margins.top + preset.bodySize, increment: preset.bodyLeading },
    section: '',
    frames: [],
    ...overrides,
  };
}

export function createMasterPage(id: Id, name: string, frames: MasterPage['frames'] = []): MasterPage {
  return { id, name, frames };
}

type FrameGeometry = { x: number; y: number; width: number; height: number };

export function createTextFrame(
  id: Id,
  geometry: FrameGeometry,
  overrides: Partial<TextFrame> = {},
): TextFrame {
  return {
    id,
    kind: 'text',
    name: '',
    ...geometry,
    locked: false,
    wrap: NO_WRAP,
    columns: 1,
    gutter: 9,
    inset: ZERO_SIDES,
    verticalAlign: 'top',
    alignToGrid: true,
    ignoreWrap: false,
    fill: null,
    stroke: null,
    ...overrides,
  };
}

export function createImageFrame(
  id: Id,
  geometry: FrameGeometry,
  overrides: Partial<ImageFrame> = {},
): ImageFrame {
  return {
    id,
    kind: 'image',
    name: '',
    ...geometry,
    locked: false,
    wrap: NO_WRAP,
    assetId: null,
    fit: 'fill-proportional',
    content: { x: 0, y: 0, scale: 1 },
    captionStoryId: null,
    stroke: null,
    ...overrides,
  };
}

export function createRuleFrame(
  id: Id,
  geometry: FrameGeometry,
  overrides: Partial<RuleFrame> = {},
): RuleFrame {
  return {
    id,
    kind: 'rule',
    name: '',
    ...geometry,
    locked: false,
    wrap: NO_WRAP,
    stroke: { color: BLACK, width: 0.5, style: 'solid' },
    ...overrides,
  };
}

export function createBoxFrame(id: Id, geometry: FrameGeometry, overrides: Partial<BoxFrame> = {}): BoxFrame {
  return {
    id,
    kind: 'box',
    name: '',
    ...geometry,
    locked: false,
    wrap: NO_WRAP,
    fill: null,
    stroke: { color: BLACK, width: 0.5, style: 'solid' },
    ...overrides,
  };
}

/** A paragraph of a role holding plain text (an empty paragraph keeps one empty leaf, as Slate requires). */
export function createBlock(type: BlockRole, text = '', extra: Partial<StoryBlock> = {}): StoryBlock {
  const children: StoryText[] = [{ text }];
  return { type, children, ...extra };
}

export function createStory(id: Id, name: string, blocks: StoryBlock[] = [], thread: Id[] = []): Story {
  return { id, name, blocks: blocks.length > 0 ? blocks : [createBlock('body')], thread };
}
