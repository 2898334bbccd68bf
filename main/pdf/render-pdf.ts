/**
 * Renders a composed edition to PDF bytes: sheets (pages or spreads) with
 * their boxes, the display list painted exactly, marks, metadata and the
 * PDF/X keys of the Press preset. Fonts and images are embedded once per
 * export, whatever the number of pages.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DisplayList, FontFaceRef } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { PdfColors } from './colors';
import { openFont, packagedFontLoader, type FontFileLoader } from './font-files';
import { PdfFontSet } from './font-set';
import { GraphicsPainter } from './graphics-painter';
import { readCmykProfile } from './icc-profile';
import { PdfImageSet } from './image-set';
import { cropAndRegistrationMarks, slugLine, slugText, type SlugShaper } from './marks';
import type { ResolvedOptions } from './options';
import { Overprint } from './overprint';
import { ArticleThreads } from './article-threads';
import { EditionLogic } from './page-logic';
import { paintPage, textWritingOrder } from './page-painter';
import { planPage } from './text-order';
import { StructureTagger, untagged } from './page-tagger';
import { StructureTree } from './structure-tree';
import { parsePageRange } from './page-range';
import { internals } from './pdfkit-internals';
import { markPdfX1a } from './pdfx';
import { groupSheets, layoutSheet, pdfBox } from './sheet-layout';
import { TextPainter } from './text-painter';
import { PdfAnnotations } from './annotations';
import { encodeSheets, PROOF_INFO_KEYS, proofFingerprint } from '../../shared/review/proof-identity';

export interface RenderInput {
  edition: Edition;
  displayList: DisplayList;
  assets: AssetBytes;
  options: ResolvedOptions;
  /** Font bytes for the display list's faces; the npm font packages when omitted. */
  fontLoader?: FontFileLoader;
  /** Called after each sheet: sheets done, sheets in all, the page numbers on the sheet. */
  onProgress?: (done: number, total: number, pageNumbers: number[]) => void;
  /**
   * The edition as saved, when `edition` is the markup view's (deleted words
   * put back for display): its notes and changes become the annotations.
   */
  source?: Edition;
}

/** The face the slug line is set in; shipped with Folio, so always present. */
const SLUG_FONT: FontFaceRef = {
  key: 'folio:slug',
  family: 'Noto Sans SC',
  weight: 400,
  italic: false,
  file: 'NotoSansSC_400Regular.ttf',
  unitsPerEm: 1000,
};

export async function renderPdf(input: RenderInput): Promise<Uint8Array> {
  const { edition, displayList, options } = input;
  const pageCount = displayList.pages.length;
  if (pageCount === 0) throw new Error('the edition has no pages to export');
  const selected = options.pages
    ? parsePageRange(options.pages, pageCount)
    : displayList.pages.map((_, i) => i + 1);
  const sheets = groupSheets(displayList.pages, selected, options.spreads);

  const meta = edition.meta;
  const pdfkitDoc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    // PDF/X-1a:2001 is based on PDF 1.3; the proof can use 1.4.
    pdfVersion: options.pdfx ? undefined : '1.4',
    // No default font: pdfkit would otherwise register Helvetica, which is never embedded.
    font: null as unknown as string,
    info: {
      Title: `${meta.paperName} ${meta.date} ${meta.editionName}`.trim(),
      Author: meta.paperName,
      Subject: `${meta.editionName} · ${meta.date} · No. ${meta.issueNumber}`,
      Keywords: [meta.paperName, meta.editionName, meta.date].join(', '),
      Creator: 'Folio',
      Producer: 'Folio (pdfkit)',
      CreationDate: options.exportedAt,
      ModDate: options.exportedAt,
    },
  });
  const doc = internals(pdfkitDoc);
  const chunks: Buffer[] = [];
  pdfkitDoc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdfkitDoc.on('end', () => resolve());
    pdfkitDoc.on('error', reject);
  });

  const loader = input.fontLoader ?? packagedFontLoader;
  const fonts = new PdfFontSet(
    doc,
    { ...displayList.fonts, [SLUG_FONT.key]: SLUG_FONT },
    slugAwareLoader(loader),
  );
  const colors = new PdfColors(doc);
  const text = new TextPainter(fonts, colors, new Overprint(doc, options.overprintBlack));
  const graphics = new GraphicsPainter(colors);
  const images = new PdfImageSet(doc, edition.assets, input.assets, {
    preset: options.preset,
    ppi: options.imagePpi,
    jpegQuality: options.jpegQuality,
    cmykProfile: options.cmykProfile,
  });
  await images.prepare(sheets.flat(), options.bleed);
  if (options.pdfx) {
    const profile = options.cmykProfile ? readCmykProfile(readFileSync(options.cmykProfile)) : undefined;
    markPdfX1a(doc, profile);
  }

  const logic = new EditionLogic(edition);
  // Proof is a tagged PDF (structure tree for screen readers and reflow); Press stays PDF/X-1a's PDF 1.3 without MarkInfo.
  const tree = options.tagged ? new StructureTree(doc) : null;
  const tagger = tree ? new StructureTagger(logic, tree) : untagged;
  const threads = new ArticleThreads(doc);
  const annotations = options.notes ? new PdfAnnotations(doc, input.source ?? edition) : null;
  const sheetPages: { page: number; x: number; y: number }[][] = [];

  for (let i = 0; i < sheets.length; i++) {
    const sheet = layoutSheet(sheets[i], { bleed: options.bleed, marks: options.marks });
    pdfkitDoc.addPage({ size: [sheet.width, sheet.height], margin: 0 });
    const page = doc.page.dictionary.data;
    page.TrimBox = pdfBox(sheet.trim, sheet.height);
    page.BleedBox = pdfBox(sheet.bleed, sheet.height);
    // pdfkit writes UserUnit (a PDF 1.6 key) on every page; PDF/X-1a is PDF 1.3.
    if (options.pdfx) delete page.UserUnit;
    text.startPage();
    tagger.startSheet();
    const painters = { text, graphics, images, tagger };
    const beads: Parameters<ArticleThreads['addPage']>[0] = [];
    const content = sheet.pages.map((placed) => {
      const { reading, plan } = planPage(logic, placed.page);
      const toPdf = (x: number, y: number): [number, number] => [placed.x + x, sheet.height - (placed.y + y)];
      tagger.startPage(placed.page, reading, toPdf);
      for (const frame of textWritingOrder(placed.page, plan)) {
        if (!frame.storyId || frame.lines.length === 0) continue;
        if (logic.storyKind(frame.storyId, frame.fromMaster) !== 'article') continue;
        const [x0, y0] = toPdf(frame.x, frame.y + frame.height);
        const [x1, y1] = toPdf(frame.x + frame.width, frame.y);
        const title = edition.stories[frame.storyId]?.name ?? frame.storyId;
        beads.push({ storyId: frame.storyId, title, rect: [x0, y0, x1, y1] });
      }
      return paintPage(placed, painters, plan);
    });
    threads.addPage(beads);
    annotations?.addSheet(sheet.pages, sheet.height);
    sheetPages.push(sheet.pages.map((p) => ({ page: p.page.index, x: p.x, y: p.y })));
    const pageNumbers = sheets[i].map((p) => p.index + 1);
    if (options.marks) {
      content.push(tagger.artifact(cropAndRegistrationMarks(sheet, colors)));
      const slug = slugLine(sheet, slugText(meta, pageNumbers, options.exportedAt), slugShaper(loader));
      content.push(tagger.artifact(text.paintLines([slug])));
    }
    doc.addContent(content.join(''));
    input.onProgress?.(i + 1, sheets.length, pageNumbers);
    // Let the stream drain and progress print between sheets.
    await new Promise((resolve) => setImmediate(resolve));
  }
  threads.finish();
  // Who this proof is, for bringing a reviewer's comments back (folio comments --import).
  const shown = sheets.flat().map((p) => p.index);
  Object.assign(doc.info, {
    [PROOF_INFO_KEYS.edition]: edition.id,
    [PROOF_INFO_KEYS.view]: input.source && input.source !== edition ? 'markup' : 'final',
    [PROOF_INFO_KEYS.sheets]: encodeSheets(sheetPages),
    [PROOF_INFO_KEYS.text]: proofFingerprint(displayList, shown),
  });
  tree?.finish(edition.meta.language);
  pdfkitDoc.end();
  await ended;
  return Buffer.concat(chunks);
}

const slugLoaders = new WeakMap<FontFileLoader, FontFileLoader>();

/** The caller's loader, falling back to the npm packages for the slug face (memoized so parsed fonts stay cached). */
function slugAwareLoader(load: FontFileLoader): FontFileLoader {
  let wrapped = slugLoaders.get(load);
  if (!wrapped) {
    wrapped = (ref) => load(ref) ?? (ref.key === SLUG_FONT.key ? packagedFontLoader(ref) : null);
    slugLoaders.set(load, wrapped);
  }
  return wrapped;
}

function slugShaper(load: FontFileLoader): SlugShaper {
  return {
    fontKey: SLUG_FONT.key,
    shape(text) {
      const font = openFont(SLUG_FONT, slugAwareLoader(load));
      if (!font) throw new Error('the slug font NotoSansSC_400Regular.ttf is not installed');
      const run = font.layout(text);
      const clusters: number[] = [];
      let offset = 0;
      for (const glyph of run.glyphs) {
        clusters.push(offset);
        offset += String.fromCodePoint(...glyph.codePoints).length;
      }
      return {
        glyphs: run.glyphs.map((g) => g.id),
        advances: run.positions.map((p) => p.xAdvance),
        clusters,
        unitsPerEm: font.unitsPerEm,
      };
    },
  };
}
