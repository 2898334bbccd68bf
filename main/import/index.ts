/** Importing copy files from disk: see docs/import.md. */
export { importFile, IMPORT_EXTENSIONS, DEFAULT_MAX_IMPORT_BYTES } from './import-file';
export type { ImportFileOptions, ImportedFile } from './import-file';
export { ImportFileError } from './errors';
export { placeImportedFile } from './place-imported';
export type { PlacedImport } from './place-imported';
export type { ImportedImage } from './docx-images';
