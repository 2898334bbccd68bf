/**
 * PDF material for a photo or ad frame (ads are delivered as PDF): the
 * first page rendered by pdfjs-dist (with @napi-rs/canvas, its Node canvas)
 * to a PNG at 300 ppi of the page's own size, which then goes the way of
 * any placed picture — the screen shows a preview of it, the press export
 * crops and resamples it like a photo and converts it to CMYK. Folio's PDF
 * writer (pdfkit) cannot embed another PDF's page, so the ad's vectors and
 * type are rasterised; 300 ppi is what the press export keeps of any image.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Pixels per inch of the page's own size. */
export const PDF_MATERIAL_PPI = 300;
/** At most this many pixels (a 60 × 40 cm page at 300 ppi is about 33 million). */
const MAX_PIXELS = 40_000_000;

export const isPdf = (bytes: Uint8Array) =>
  bytes.length > 5 &&
  bytes[0] === 0x25 && // %PDF-
  bytes[1] === 0x50 &&
  bytes[2] === 0x44 &&
  bytes[3] === 0x46 &&
  bytes[4] === 0x2d;

/** Where pdfjs-dist keeps the standard fonts, CMaps and decoders it reads from disk in Node. */
function pdfjsData(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

/** The first page of a PDF as PNG bytes, with its pixel size; one clear error naming the file when it cannot be read. */
export async function rasterizePdfMaterial(
  name: string,
  bytes: Uint8Array,
): Promise<{ png: Uint8Array; widthPx: number; heightPx: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await getDocument({
      // pdfjs takes the buffer over: give it a copy, the caller keeps its bytes.
      data: bytes.slice(),
      ...pdfjsData(),
      cMapPacked: true,
      isEvalSupported: false,
      useSystemFonts: false,
      // Errors only: a damaged file is one error, not a page of pdfjs warnings on the console.
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new Error(`${name}: not a PDF Folio can read (${(error as Error).message})`);
  }
  try {
    const page = await document.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(
      PDF_MATERIAL_PPI / 72,
      Math.sqrt(MAX_PIXELS / Math.max(1, unit.width * unit.height)),
    );
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const factory = document.canvasFactory as {
      create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Uint8Array }; context: unknown };
    };
    let made;
    try {
      made = factory.create(width, height);
    } catch (error) {
      throw new Error(
        `${name}: PDF material needs @napi-rs/canvas, which is not installed here (${(error as Error).message})`,
      );
    }
    const { canvas, context } = made;
    // White paper under the page: a PDF's page is transparent where nothing is painted.
    const ctx = context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({
      canvasContext: context as never,
      canvas: canvas as never,
      viewport,
    }).promise;
    return { png: new Uint8Array(canvas.toBuffer('image/png')), widthPx: width, heightPx: height };
  } catch (error) {
    if ((error as Error).message.startsWith(`${name}:`)) throw error;
    throw new Error(`${name}: the PDF's first page cannot be drawn (${(error as Error).message})`);
  } finally {
    await document.destroy();
  }
}
