/**
 * Reads a reviewed proof PDF with pdf.js: its pages' sizes, what Folio's
 * export said about it (Info keys: edition, view, sheets, text fingerprint)
 * and every annotation with its rectangle, QuadPoints, author, comment,
 * date, colour and reply links — in PDF coordinates, as written.
 */
import { readFile } from 'node:fs/promises';
import { getDocument, PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PROOF_INFO_KEYS } from '../../shared/review/proof-identity';
import { translate, type MessageKey } from '../../shared/services/locales';

/**
 * The PDF cannot be used: not a PDF, damaged, locked, not found, or not a
 * proof of this edition. One line for the user: the message is the English
 * (the CLI prints it), `key` and `values` the same in the app's UI language.
 */
export class ReviewedPdfError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, string | number>,
  ) {
    super(translate('en', key, values));
    this.name = 'ReviewedPdfError';
  }
}

export interface RawAnnotation {
  id: string;
  subtype: string;
  /** [x0, y0, x1, y1], PDF user space (y up). */
  rect: number[];
  /** Flat x,y pairs, 8 numbers per quad, or null. */
  quadPoints: number[] | null;
  author: string;
  contents: string;
  time: string | null;
  color: string | null;
  inReplyTo: string | null;
  replyType: 'R' | 'Group' | null;
  state: string | null;
}

export interface ReviewedSheet {
  /** pdf.js's view box (CropBox within MediaBox): [x0, y0, x1, y1]. */
  view: number[];
  annotations: RawAnnotation[];
}

export interface ReviewedPdf {
  /** Custom Info values Folio wrote, as strings (absent when the reader dropped them). */
  info: Partial<Record<keyof typeof PROOF_INFO_KEYS, string>>;
  sheets: ReviewedSheet[];
}

interface PdfJsAnnotation {
  id: string;
  subtype: string;
  rect: number[];
  quadPoints?: ArrayLike<number> | null;
  titleObj?: { str?: string };
  contentsObj?: { str?: string };
  modificationDate?: string | null;
  creationDate?: string | null;
  color?: ArrayLike<number> | null;
  inReplyTo?: string | null;
  replyType?: string | null;
  state?: string | null;
}

export async function readReviewedPdf(path: string, shownName = path): Promise<ReviewedPdf> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new ReviewedPdfError('comments.error.notFound', { file: shownName })
      : error.code === 'EISDIR'
        ? new ReviewedPdfError('comments.error.folder', { file: shownName })
        : new ReviewedPdfError('comments.error.unreadable', { file: shownName, detail: error.message });
  });
  // pdf.js recovers from much; a file that does not even start like a PDF is refused outright.
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-'))
    throw new ReviewedPdfError('comments.error.notPdf', { file: shownName });
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: true,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new ReviewedPdfError('comments.error.password', { file: shownName });
    throw new ReviewedPdfError('comments.error.damaged', {
      file: shownName,
      detail: (error as Error).message,
    });
  }
  try {
    const meta = await doc.getMetadata();
    const custom = ((meta.info as { Custom?: Record<string, unknown> }).Custom ?? {}) as Record<
      string,
      unknown
    >;
    const info: ReviewedPdf['info'] = {};
    for (const [key, name] of Object.entries(PROOF_INFO_KEYS) as [keyof typeof PROOF_INFO_KEYS, string][]) {
      const value = custom[name];
      if (typeof value === 'string') info[key] = value;
    }
    const sheets: ReviewedSheet[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const list = (await page.getAnnotations()) as PdfJsAnnotation[];
      sheets.push({ view: [...page.view], annotations: list.map(rawOf) });
    }
    return { info, sheets };
  } catch (error) {
    if (error instanceof ReviewedPdfError) throw error;
    throw new ReviewedPdfError('comments.error.damaged', {
      file: shownName,
      detail: (error as Error).message,
    });
  } finally {
    await doc.destroy();
  }
}

function rawOf(a: PdfJsAnnotation): RawAnnotation {
  const date = a.modificationDate || a.creationDate || null;
  const parsed = date ? PDFDateString.toDateObject(date) : null;
  return {
    id: a.id,
    subtype: a.subtype,
    rect: Array.from(a.rect),
    quadPoints: a.quadPoints ? Array.from(a.quadPoints) : null,
    author: a.titleObj?.str ?? '',
    contents: a.contentsObj?.str ?? '',
    time: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null,
    color: a.color && a.color.length === 3 ? hex(a.color) : null,
    inReplyTo: a.inReplyTo ?? null,
    replyType: a.replyType === 'Group' ? 'Group' : a.inReplyTo ? 'R' : null,
    state: a.state ?? null,
  };
}

function hex(color: ArrayLike<number>): string {
  return `#${Array.from(color)
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')}`;
}
