/** The built-in sample edition with generated pictures: see docs/import.md. */
export { loadSampleEdition, SAMPLE_PHOTO_PPI } from './load-sample';
export type { LoadedSample } from './load-sample';
export { paintPlaceholderPhoto } from './placeholder-photo';
export { streetScene, constructionScene } from './scenes';
