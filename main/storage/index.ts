/** .folio files: read, write (atomic, with a backup), and the byte-level package for other hosts. */
export { readFolio, writeFolio, backupPathOf } from './folio-file';
export {
  packFolio,
  unpackFolio,
  FOLIO_LIMITS,
  FOLIO_MIME_TYPE,
} from '../../shared/model/package/folio-package';
export type { UnpackedFolio } from '../../shared/model/package/folio-package';
export { FolioFileError, type FolioFileProblem } from '../../shared/model/package/errors';
