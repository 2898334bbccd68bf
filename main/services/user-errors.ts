/**
 * Errors of the main process as the user should read them: a file that
 * cannot be opened or saved, copy that cannot be imported, a PDF that cannot
 * be written. Each known kind becomes a UI message key with its values (the
 * renderer says it in the UI language); anything else keeps its English
 * message and is shown as unexpected.
 */
import { FolioFileError, type FolioFileProblem } from '../../shared/model/package/errors';
import type { MessageKey } from '../../shared/services/locales';
import type { ServiceFailure } from '../../shared/services/service-failure';
import { ImportFileError } from '../import/errors';
import type { PreflightFinding } from '../../shared/preflight';
import { LocalizedError } from '../../shared/services/locales/localized-error';

/** Every problem a .folio file can have, and the words for it. */
const FILE_PROBLEM_KEYS: Record<FolioFileProblem, MessageKey> = {
  'not-found': 'error.file.not-found',
  unreadable: 'error.file.unreadable',
  'not-a-zip': 'error.file.not-a-zip',
  truncated: 'error.file.truncated',
  'unsafe-entry': 'error.file.unsafe-entry',
  'too-large': 'error.file.too-large',
  'too-many-entries': 'error.file.too-many-entries',
  'corrupt-entry': 'error.file.corrupt-entry',
  'missing-edition': 'error.file.missing-edition',
  'bad-json': 'error.file.bad-json',
  'invalid-edition': 'error.file.invalid-edition',
  'version-too-new': 'error.file.version-too-new',
  'missing-asset': 'error.file.missing-asset',
  'write-failed': 'error.file.write-failed',
};

/** Problems whose own words add nothing to the key's text. */
const NO_DETAIL = new Set(['not-found', 'not-a-zip', 'truncated', 'too-many-entries', 'missing-edition']);

function text(key: MessageKey, values: Record<string, string | number> = {}): ServiceFailure['text'] {
  return { key, values };
}

export function describeFailure(error: unknown): ServiceFailure {
  const message = error instanceof Error ? error.message : String(error);
  // Raised with its words already chosen (a newsroom server's answer, a host that cannot do something).
  if (error instanceof LocalizedError) return { message, text: text(error.key, error.values) };
  if (error instanceof FolioFileError) {
    const values: Record<string, string> = { file: error.file };
    if (!NO_DETAIL.has(error.problem)) values.detail = error.detail;
    const key = FILE_PROBLEM_KEYS[error.problem];
    return key ? { message, text: text(key, values) } : { message };
  }
  if (error instanceof ImportFileError)
    return { message, text: text('error.import', { file: error.file, detail: error.problem }) };
  // The PDF module loads on the first export, so its errors are known by name, not class.
  const name = error instanceof Error ? error.name : '';
  if (name === 'PreflightRefusedError') {
    const findings = (error as { findings: PreflightFinding[] }).findings;
    const errors = findings.filter((finding) => finding.severity === 'error');
    // Pages not signed off are the desk's business, not a print problem: say which pages.
    const unsigned = errors.filter((finding) => finding.code === 'unsigned-page');
    if (unsigned.length > 0 && unsigned.length === errors.length) {
      const pages = unsigned.map((finding) => finding.pageNumber).join(', ');
      return { message, text: text('error.export.unsigned', { count: unsigned.length, pages }) };
    }
    return { message, text: text('error.export.preflight', { count: errors.length }) };
  }
  if (name === 'UnexportableError') {
    const { detail } = (error as { finding: PreflightFinding }).finding;
    return detail ? { message, text: { key: detail.key, values: detail.values } } : { message };
  }
  if (name === 'ReviewedPdfError') {
    const { key, values } = error as unknown as { key: string; values: Record<string, string | number> };
    return { message, text: { key, values } };
  }
  if (name === 'ExportPatternError') return { message, text: text('exportEdition.badPattern') };
  if (name === 'OutputPathError') return { message, text: text('error.export.write', { detail: message }) };
  return { message };
}
