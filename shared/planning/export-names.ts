/**
 * File names of a split export (one PDF per page, named for the printer):
 * the pattern's fields filled in per page, checked so that every page gets
 * its own, safe file name before anything is written.
 *
 * Fields: `{date}` (yyyyMMdd) or `{date:FORMAT}` (yyyy, yy, MM, dd),
 * `{page}` (the printed page number: A01 …), `{n}` (the page's place in the
 * edition, two digits: 01 …), `{section}` (the section's name), `{edition}`
 * (the edition's name).
 */
import type { Edition, Id, PageColor } from '../model/types';
import { DEFAULT_EXPORT_PATTERN, pagePlanOf, pageLabels, planOf, sectionName } from '../model/plan';

/** A pattern that cannot name the files (unknown field, no per-page field, clashing names). */
export class ExportPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportPatternError';
  }
}

export interface PageFileFields {
  /** ISO yyyy-mm-dd. */
  date: string;
  page: string;
  /** The page's place in the edition; 'all' for the whole edition's file. */
  n: number | 'all';
  section: string;
  edition: string;
}

const FIELD = /\{([a-z]+)(?::([^}]*))?\}/g;
const KNOWN = new Set(['date', 'page', 'n', 'section', 'edition']);

/** `{date:FORMAT}`: yyyy, yy, MM, dd in FORMAT replaced from an ISO date. */
export function formatDate(iso: string, format: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const [yyyy, mm, dd] = match ? [match[1], match[2], match[3]] : ['0000', '00', '00'];
  return format.replace(/yyyy|yy|MM|dd/g, (token) =>
    token === 'yyyy' ? yyyy : token === 'yy' ? yyyy.slice(2) : token === 'MM' ? mm : dd,
  );
}

/**
 * What a file name may not hold on the printers' and desks' systems
 * (Windows, macOS, FTP servers): path separators, reserved characters and
 * control characters become `_`; spaces become `-`.
 */
export function safeFileNamePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, '-');
}

/** Checks a pattern's fields; throws ExportPatternError saying which field is wrong. */
export function checkPattern(pattern: string): void {
  if (pattern.trim() === '') throw new ExportPatternError('the file-name pattern is empty');
  let perPage = false;
  for (const match of pattern.matchAll(FIELD)) {
    if (!KNOWN.has(match[1])) {
      throw new ExportPatternError(
        `unknown field {${match[1]}} in the file-name pattern '${pattern}' (use {date}, {page}, {n}, {section}, {edition})`,
      );
    }
    if (match[2] !== undefined && match[1] !== 'date') {
      throw new ExportPatternError(`{${match[1]}:${match[2]}}: only {date} takes a format`);
    }
    if (match[1] === 'page' || match[1] === 'n') perPage = true;
  }
  if (/[{}]/.test(pattern.replace(FIELD, ''))) {
    throw new ExportPatternError(`the file-name pattern '${pattern}' has an unmatched { or }`);
  }
  if (!perPage) {
    throw new ExportPatternError(
      `the file-name pattern '${pattern}' needs {page} or {n}, so that every page gets its own file`,
    );
  }
  if (/[\\/]/.test(pattern.replace(FIELD, ''))) {
    throw new ExportPatternError(`the file-name pattern '${pattern}' names a folder; give a file name`);
  }
}

/** The pattern filled in; `.pdf` is added when the pattern does not end with it. */
export function fileNameFor(pattern: string, fields: PageFileFields): string {
  const name = pattern.replace(FIELD, (_, field: string, format: string | undefined) => {
    switch (field) {
      case 'date':
        return safeFileNamePart(formatDate(fields.date, format ?? 'yyyyMMdd'));
      case 'page':
        return safeFileNamePart(fields.page);
      case 'n':
        return typeof fields.n === 'number' ? String(fields.n).padStart(2, '0') : fields.n;
      case 'section':
        return safeFileNamePart(fields.section);
      default:
        return safeFileNamePart(fields.edition);
    }
  });
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

export interface PageFile {
  pageId: Id;
  /** 1-based place in the edition. */
  pageNumber: number;
  /** The page number as printed on the plate (A01 …). */
  label: string;
  section: string;
  color: PageColor;
  widthPt: number;
  heightPt: number;
  file: string;
}

const ASCII_LETTER = /^[A-Za-z]/;

/**
 * The printer's page labels: the plan's page numbers where the page's
 * section has a prefix (A01 …); otherwise a letter for the section — its
 * name's first letter when that is a Latin letter, else its place among the
 * sections (A for the first, B for the second …) — and the page's number
 * within that section, two digits.
 */
export function printerLabels(edition: Edition): string[] {
  const labels = pageLabels(edition);
  const plan = planOf(edition);
  const counts = new Map<string, number>();
  return edition.pages.map((page, i) => {
    const pagePlan = pagePlanOf(edition, page.id);
    const sectionIndex = plan.sections.findIndex((s) => s.id === pagePlan.sectionId);
    const section = sectionIndex >= 0 ? plan.sections[sectionIndex] : null;
    if (section && section.prefix !== '') return labels[i];
    const name = section?.name ?? page.section;
    const letter = ASCII_LETTER.test(name)
      ? name[0].toUpperCase()
      : String.fromCharCode(65 + Math.max(0, Math.min(25, sectionIndex)));
    const n = (counts.get(letter) ?? 0) + 1;
    counts.set(letter, n);
    return `${letter}${String(n).padStart(2, '0')}`;
  });
}

/**
 * The file of every selected page (1-based numbers), in edition order.
 * Throws ExportPatternError when the pattern is wrong or two pages would get
 * the same name (say which).
 */
export function splitExportFiles(
  edition: Edition,
  pageNumbers: readonly number[],
  pattern: string = planOf(edition).settings.exportPattern || DEFAULT_EXPORT_PATTERN,
): PageFile[] {
  checkPattern(pattern);
  const labels = printerLabels(edition);
  const files = pageNumbers.map((pageNumber): PageFile => {
    const page = edition.pages[pageNumber - 1];
    const section = sectionName(edition, page);
    const file = fileNameFor(pattern, {
      date: edition.meta.date,
      page: labels[pageNumber - 1],
      n: pageNumber,
      section,
      edition: edition.meta.editionName,
    });
    return {
      pageId: page.id,
      pageNumber,
      label: labels[pageNumber - 1],
      section,
      color: pagePlanOf(edition, page.id).color,
      widthPt: page.size.width,
      heightPt: page.size.height,
      file,
    };
  });
  const seen = new Map<string, number>();
  for (const f of files) {
    const key = f.file.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ExportPatternError(
        `pages ${other} and ${f.pageNumber} would both be written as ${f.file}; add {n} or {page} to the pattern`,
      );
    }
    seen.set(key, f.pageNumber);
  }
  return files;
}

/** The whole edition's file: the pattern with `all` for the page fields. */
export function editionFileName(edition: Edition, pattern: string): string {
  return fileNameFor(pattern, {
    date: edition.meta.date,
    page: 'all',
    n: 'all',
    section: 'all',
    edition: edition.meta.editionName,
  });
}
