/** A copy file Folio cannot import: the message names the file and the problem, on one line. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ImportFileError';
  }
}
