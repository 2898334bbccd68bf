/**
 * Reads a copy file from disk and imports it: the format follows the
 * extension (.txt, .md, .docx), text is decoded with an encoding check,
 * files above a size limit are refused, and every failure is one
 * ImportFileError naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ImportOptions, ImportResult } from '../../shared/import';
import { importMarkdown, importText, importWordHtml } from '../../shared/import';
import { ImportFileError } from './errors';
import { decodeText } from './decode-text';
import { readDocx } from './read-docx';
import { prepareDocxImages, type ImportedImage } from './docx-images';

/** Extensions Folio imports, by format. */
export const IMPORT_EXTENSIONS = {
  text: ['.txt', '.text'],
  markdown: ['.md', '.markdown'],
  docx: ['.docx'],
} as const;

/** Default size limit: a day's copy is well under a megabyte; 20 MB allows a Word file with pictures. */
export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportFileOptions extends ImportOptions {
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
}

export interface ImportedFile extends ImportResult {
  /** How the text was decoded (Word files: 'docx'). */
  encoding: string;
  /** The pictures a Word file held that can be placed (ImportedCaption.image names them). */
  images: ImportedImage[];
}

function formatOf(file: string): 'text' | 'markdown' | 'docx' {
  const ext = extname(file).toLowerCase();
  for (const [format, extensions] of Object.entries(IMPORT_EXTENSIONS)) {
    if ((extensions as readonly string[]).includes(ext)) return format as 'text' | 'markdown' | 'docx';
  }
  const all = Object.values(IMPORT_EXTENSIONS).flat().join(', ');
  throw new ImportFileError(file, `unsupported file type '${ext || '(none)'}'; Folio imports ${all}`);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function importFile(file: string, options: ImportFileOptions = {}): Promise<ImportedFile> {
  const format = formatOf(file);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ImportFileError(
      file,
      error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`,
    );
  });
  if (!info.isFile()) throw new ImportFileError(file, 'is not a file');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (info.size > maxBytes) {
    throw new ImportFileError(file, `is ${megabytes(info.size)}; the import limit is ${megabytes(maxBytes)}`);
  }
  const bytes = new Uint8Array(
    await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new ImportFileError(file, `cannot be read (${error.code})`);
    }),
  );
  if (format === 'docx') {
    const { html, images, warnings } = await readDocx(bytes, file);
    const result = importWordHtml(html, options);
    const prepared = await prepareDocxImages(images);
    result.report.notes.push(...warnings.map((w) => `Word: ${w}`), ...prepared.notes);
    return checked({ ...result, encoding: 'docx', images: prepared.images }, file);
  }
  const { text, encoding } = decodeText(bytes, file);
  const result = format === 'markdown' ? importMarkdown(text, options) : importText(text, options);
  if (encoding !== 'utf-8') result.report.notes.push(`Read as ${encoding.toUpperCase()}.`);
  return checked({ ...result, encoding, images: [] }, file);
}

function checked(result: ImportedFile, file: string): ImportedFile {
  if (result.stories.length === 0) throw new ImportFileError(file, 'holds no text to import');
  return result;
}
