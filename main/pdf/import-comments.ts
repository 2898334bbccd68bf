/**
 * Import PDF comments: a reviewed proof's annotations back onto the edition
 * it was made from, as notes on the words under them. The edition is
 * composed the way the proof was (final, or markup with deleted words on
 * the page, as the PDF says), each sheet's annotations are put on the
 * edition page they lie on, and shared/review/comment-import.ts turns them
 * into notes. A PDF of another edition, or whose pages are not the
 * edition's, is refused with one line; the edition is never changed here.
 */
import type { Edition, Stamp } from '../../shared/model/types';
import type { PageBox } from '../../shared/review/comment-anchors';
import { importComments, type CommentImport, type PdfComment } from '../../shared/review/comment-import';
import { decodeSheets, proofFingerprint, type SheetPage } from '../../shared/review/proof-identity';
import { composeForProof } from './pipeline';
import { readReviewedPdf, ReviewedPdfError, type ReviewedPdf } from './reviewed-pdf';

export { ReviewedPdfError };

export interface CommentImportResult extends CommentImport {
  /** Warnings to show (the edition changed since the proof was made), in English. */
  warnings: string[];
  /** The edition changed since the proof was exported (the fingerprint of its lines differs). */
  changedSinceProof: boolean;
}

export async function importPdfComments(
  edition: Edition,
  pdfPath: string,
  options: { fallback: Stamp; shownName?: string; editionName?: string },
): Promise<CommentImportResult> {
  const name = options.shownName ?? pdfPath;
  const editionName = options.editionName ?? 'the edition';
  const pdf = await readReviewedPdf(pdfPath, name);
  if (pdf.info.edition !== undefined && pdf.info.edition !== edition.id)
    throw new ReviewedPdfError('comments.error.otherEdition', { file: name, edition: editionName });
  const sheets = sheetsOf(pdf, edition, name, editionName);
  const proof = await composeForProof(edition, { notes: pdf.info.view === 'markup' });
  const list = proof.displayList;
  const warnings: string[] = [];
  const shown = sheets.flat().map((p) => p.page);
  const changedSinceProof = pdf.info.text !== undefined && pdf.info.text !== proofFingerprint(list, shown);
  if (changedSinceProof)
    warnings.push(
      `${editionName} has changed since ${name} was exported: comments go on the words now under them`,
    );
  const comments: PdfComment[] = [];
  pdf.sheets.forEach((sheet, s) => {
    const [vx0, , , vy1] = sheet.view;
    // PDF user space (y up) to the sheet's y-down space, then to the page under it.
    const toSheet = (x: number, y: number) => ({ x: x - vx0, y: vy1 - y });
    for (const a of sheet.annotations) {
      const [ax0, ay0, ax1, ay1] = a.rect;
      const tl = toSheet(Math.min(ax0, ax1), Math.max(ay0, ay1));
      const br = toSheet(Math.max(ax0, ax1), Math.min(ay0, ay1));
      const placed = pageAt(sheets[s], edition, tl.x, tl.y);
      const off = placed ? { x: placed.x, y: placed.y } : { x: 0, y: 0 };
      const box = (x0: number, y0: number, x1: number, y1: number): PageBox => ({
        x0: x0 - off.x,
        y0: y0 - off.y,
        x1: x1 - off.x,
        y1: y1 - off.y,
      });
      let quads: PageBox[] | null = null;
      if (a.quadPoints && a.quadPoints.length >= 8) {
        quads = [];
        for (let i = 0; i + 7 < a.quadPoints.length; i += 8) {
          const xs = [0, 2, 4, 6].map((k) => a.quadPoints![i + k]);
          const ys = [1, 3, 5, 7].map((k) => a.quadPoints![i + k]);
          const q0 = toSheet(Math.min(...xs), Math.max(...ys));
          const q1 = toSheet(Math.max(...xs), Math.min(...ys));
          quads.push(box(q0.x, q0.y, q1.x, q1.y));
        }
      }
      comments.push({
        id: a.id,
        subtype: a.subtype,
        sheet: s + 1,
        pageIndex: placed ? placed.page : null,
        rect: box(tl.x, tl.y, br.x, br.y),
        quads,
        author: a.author,
        contents: a.contents,
        time: a.time,
        color: a.color,
        inReplyTo: a.inReplyTo,
        replyType: a.replyType,
        state: a.state,
      });
    }
  });
  const result = importComments(edition, list, comments, {
    fallback: options.fallback,
    language: edition.meta.language,
  });
  return { ...result, warnings, changedSinceProof };
}

/** The edition page under a sheet point, or null (the sheet's margin, another page's bleed). */
function pageAt(sheet: SheetPage[], edition: Edition, x: number, y: number): SheetPage | null {
  for (const p of sheet) {
    const size = edition.pages[p.page].size;
    if (x >= p.x - 0.5 && x <= p.x + size.width + 0.5 && y >= p.y - 0.5 && y <= p.y + size.height + 0.5)
      return p;
  }
  // A sticky note dragged a little off the page still belongs to the nearest page on the sheet.
  return sheet.length === 1 ? sheet[0] : null;
}

const pt = (v: number) => Math.round(v * 10) / 10;

/**
 * Which edition pages each sheet shows: as the proof says (checked against
 * the edition and the sheets' sizes), else — when a reader dropped Folio's
 * Info keys — one page per sheet in order, when the sizes say so.
 */
function sheetsOf(pdf: ReviewedPdf, edition: Edition, name: string, editionName: string): SheetPage[][] {
  const given = pdf.info.sheets !== undefined ? decodeSheets(pdf.info.sheets) : null;
  if (given && given.length === pdf.sheets.length) {
    given.forEach((sheet, s) => {
      const [vx0, vy0, vx1, vy1] = pdf.sheets[s].view;
      for (const p of sheet) {
        const page = edition.pages[p.page];
        if (!page)
          throw new ReviewedPdfError('comments.error.missingPage', {
            file: name,
            page: p.page + 1,
            edition: editionName,
            count: edition.pages.length,
          });
        // A trimmed proof sheet is the page itself; a sheet with marks or a spread is larger but must hold it.
        const exact = sheet.length === 1 && p.x === 0 && p.y === 0;
        const w = vx1 - vx0;
        const h = vy1 - vy0;
        if (
          (exact && (Math.abs(w - page.size.width) > 1 || Math.abs(h - page.size.height) > 1)) ||
          p.x + page.size.width > w + 0.5 ||
          p.y + page.size.height > h + 0.5
        )
          throw new ReviewedPdfError('comments.error.pageSize', {
            sheet: s + 1,
            file: name,
            width: pt(w),
            height: pt(h),
            page: p.page + 1,
            edition: editionName,
            pageWidth: pt(page.size.width),
            pageHeight: pt(page.size.height),
          });
      }
    });
    return given;
  }
  if (pdf.sheets.length !== edition.pages.length)
    throw new ReviewedPdfError('comments.error.sheetCount', {
      file: name,
      count: pdf.sheets.length,
      edition: editionName,
      pages: edition.pages.length,
    });
  return pdf.sheets.map((sheet, s) => {
    const [vx0, vy0, vx1, vy1] = sheet.view;
    const size = edition.pages[s].size;
    if (Math.abs(vx1 - vx0 - size.width) > 1 || Math.abs(vy1 - vy0 - size.height) > 1)
      throw new ReviewedPdfError('comments.error.sheetSize', {
        sheet: s + 1,
        file: name,
        width: pt(vx1 - vx0),
        height: pt(vy1 - vy0),
        edition: editionName,
        pageWidth: pt(size.width),
        pageHeight: pt(size.height),
      });
    return [{ page: s, x: 0, y: 0 }];
  });
}
