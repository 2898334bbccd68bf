/**
 * Ads delivered as PDF: placing one reads the PDF's first page as the
 * picture placed — rendered at 300 ppi of the page's own size, the colours
 * and shapes where the PDF draws them — through the same `asset.place`
 * handler the app calls. A file that only claims to be a PDF is refused in
 * one line naming it, and nothing is kept.
 */
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPlacementHandlers } from '../../../main/journal/journal-handlers';
import type { EditJournal } from '../../../main/journal/edit-journal';

/** A 4 × 2.5 in ad: yellow ground, a red disc at (230, 120) pt, type. */
async function adPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [288, 180], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.rect(0, 0, 288, 180).fill('#ffcc00');
  doc.fillColor('#003366').fontSize(28).text('City Bank', 20, 40);
  doc.circle(230, 120, 30).fill('#cc0000');
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function handlers() {
  const kept = new Map<string, Uint8Array>();
  const journal = { putAsset: () => undefined } as unknown as EditJournal;
  const place = createPlacementHandlers(journal, {
    storeAsset: (_doc: string, id: string, bytes: Uint8Array) => void kept.set(id, bytes),
  })['asset.place'];
  return { kept, place };
}

async function pixel(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

describe('PDF material', () => {
  it('places the first page at 300 ppi of its size, drawn as the PDF draws it', async () => {
    const { kept, place } = handlers();
    const pdf = await adPdf();
    const asset = await place(
      { documentId: 'd', sessionId: null, name: 'city-bank.pdf', data: Buffer.from(pdf).toString('base64') },
      {},
    );
    expect(asset).toMatchObject({ name: 'city-bank.pdf', mime: 'image/png', widthPx: 1200, heightPx: 750 });
    const png = kept.get(asset.id)!;
    expect(asset.byteLength).toBe(png.byteLength);
    const scale = 300 / 72;
    const [r, g, b] = await pixel(png, Math.round(10 * scale), Math.round(170 * scale));
    expect([r > 240, g > 190 && g < 220, b < 30]).toEqual([true, true, true]); // #ffcc00
    const disc = await pixel(png, Math.round(230 * scale), Math.round(120 * scale));
    expect(disc[0]).toBeGreaterThan(190);
    expect(disc[1]).toBeLessThan(30);
  }, 30_000);

  it('refuses a damaged PDF in one line naming the file, and keeps nothing', async () => {
    const { kept, place } = handlers();
    const data = Buffer.from('%PDF-1.7\nthis is not really a PDF\n').toString('base64');
    const error = await place({ documentId: 'd', sessionId: null, name: 'broken.pdf', data }, {}).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^broken\.pdf: /);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(kept.size).toBe(0);
  }, 30_000);
});
