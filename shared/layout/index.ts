/**
 * The composition engine's public face: what the canvas, the PDF export, the
 * CLI and the editing helpers call.
 */
export type * from './display-list';
export type * from './paragraph-types';
export { composeEdition, Composition, type ComposeOptions, type StoryChange } from './compose-edition';
export { createColorResolver, cmykToRgbHex, resolveColor, NEWSPRINT_BLACK } from './colors';
export { characterGrid, baselineOffset, snapToGrid, type CharacterGrid } from './flow/grid';
export { frameColumns, frameInterior, type Rect } from './flow/geometry';
export { formatEditionDate, fieldValues, type FieldValues } from './flow/fields';
export { imagePlacement } from './flow/frame-items';
