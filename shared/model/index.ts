/** The edition model in one import: types, defaults, styles, validation, migrations, operations, the package format. */
export * from './types';
export * from './review';
export * from './plan';
export * from './units';
export * from './presets';
export * from './ids';
export * from './defaults';
export * from './factories';
export * from './styles';
export * from './validate';
export * from './migrations';
export * from './load';
export * from './operations';
export {
  packFolio,
  unpackFolio,
  FOLIO_LIMITS,
  FOLIO_MIME_TYPE,
  type UnpackedFolio,
} from './package/folio-package';
export { FolioFileError, type FolioFileProblem } from './package/errors';
