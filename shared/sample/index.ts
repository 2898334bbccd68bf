/** The default page template for imported copy and the built-in sample edition: see docs/import.md. */
export { placeStories, LEAD_HEADLINE_STYLE_ID } from './place-stories';
export type { PlaceOptions, PlacedEdition, PhotoSlot, CopyToPlace } from './place-stories';
export { buildSampleEdition, SAMPLE_META, SAMPLE_SECTION } from './sample-edition';
export type { SampleEdition } from './sample-edition';
export { SAMPLE_PAGE_TEXT } from './seed-text';
export { estimateStoryHeight, estimateParagraphHeight } from './estimate';
export { packBands } from './bands';
