/**
 * The one error a .folio file can raise when it cannot be read or written.
 * Its message is one line that names the file and the problem, fit to show
 * a user as it is: `/news/a.folio: not a Folio file (not a zip package)`.
 */
export type FolioFileProblem =
  | 'not-found'
  | 'unreadable'
  | 'not-a-zip'
  | 'truncated'
  | 'unsafe-entry'
  | 'too-large'
  | 'too-many-entries'
  | 'corrupt-entry'
  | 'missing-edition'
  | 'bad-json'
  | 'invalid-edition'
  | 'version-too-new'
  | 'missing-asset'
  | 'write-failed';

export class FolioFileError extends Error {
  constructor(
    /** The file (path or name) the problem is in. */
    readonly file: string,
    /** A machine-readable kind of problem. */
    readonly problem: FolioFileProblem,
    /** The problem in words, without the file name. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'FolioFileError';
  }
}
