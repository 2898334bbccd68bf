/**
 * The images of one export: each asset is prepared and written once as an
 * image XObject, however many pages place it, and painted clipped to its
 * frame at the display list's imageX/Y/W/H.
 */
import type { DisplayImage, DisplayPage } from '../../shared/layout/display-list';
import type { Asset, AssetBytes, Id } from '../../shared/model/types';
import { cachedImage, imageCacheKey, storeImage } from './image-cache';
import { ImageError, prepareImage, type ExportPreset, type PreparedImage } from './image-prepare';
import type { DocInternals, PdfRef } from './pdfkit-internals';
import { num } from './pdf-syntax';
import { rectPath } from './graphics-painter';

export class PdfImageSet {
  private readonly prepared = new Map<Id, PreparedImage>();
  private readonly written = new Map<Id, { ref: PdfRef; name: string }>();

  constructor(
    private readonly doc: DocInternals,
    private readonly assets: Record<Id, Asset>,
    private readonly bytes: AssetBytes,
    private readonly preset: ExportPreset,
    /** CMYK ICC profile for converting RGB images (Press); libvips's generic one when omitted. */
    private readonly cmykProfile?: string,
  ) {}

  /** Reads and converts every image the pages place (before painting, which is synchronous). */
  async prepare(pages: DisplayPage[]): Promise<void> {
    const largest = new Map<Id, number>();
    for (const page of pages) {
      for (const item of page.items) {
        if (item.kind !== 'image' || !item.assetId) continue;
        largest.set(item.assetId, Math.max(largest.get(item.assetId) ?? 0, item.imageWidth));
      }
    }
    // sharp works on libuv's thread pool: convert the images side by side.
    await Promise.all(
      [...largest].map(async ([assetId, width]) => {
        this.prepared.set(assetId, await this.prepareOne(assetId, width));
      }),
    );
  }

  private async prepareOne(assetId: Id, widthPt: number): Promise<PreparedImage> {
    const asset = this.assets[assetId];
    if (!asset) {
      const unknown: Asset = {
        id: assetId,
        name: assetId,
        path: `assets/${assetId}`,
        mime: 'image/jpeg',
        widthPx: 0,
        heightPx: 0,
        colorSpace: 'rgb',
        byteLength: 0,
      };
      throw new ImageError(unknown, 'is placed on a page but not listed in the edition');
    }
    const bytes = this.bytes.get(assetId);
    if (!bytes) return prepareImage(asset, bytes, this.preset, widthPt, this.cmykProfile);
    const key = `${imageCacheKey(bytes, this.preset, Math.ceil(widthPt))}:${this.cmykProfile ?? ''}`;
    const cached = cachedImage(key);
    if (cached) return cached;
    const image = await prepareImage(asset, bytes, this.preset, widthPt, this.cmykProfile);
    storeImage(key, image);
    return image;
  }

  /** Operators that draw an image item clipped to its frame (empty frames paint nothing in the PDF). */
  paint(item: DisplayImage): string {
    if (!item.assetId) return '';
    const name = this.use(item.assetId);
    const clip = rectPath(item);
    // Image space is a unit square with its first row at the top: flip it into the y-down page.
    const matrix = `${num(item.imageWidth)} 0 0 ${num(-item.imageHeight)} ${num(item.imageX)} ${num(item.imageY + item.imageHeight)} cm`;
    return `q ${clip} W n ${matrix} /${name} Do Q\n`;
  }

  private use(assetId: Id): string {
    let entry = this.written.get(assetId);
    if (!entry) {
      const image = this.prepared.get(assetId);
      if (!image) throw new Error(`image ${assetId} was not prepared`);
      const ref = this.doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        Width: image.widthPx,
        Height: image.heightPx,
        BitsPerComponent: 8,
        ColorSpace: image.colorSpace,
        ...(image.filter === 'DCTDecode' ? { Filter: 'DCTDecode' } : {}),
        ...(image.invertedCmyk ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
      });
      ref.end(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength));
      entry = { ref, name: `Im${this.written.size + 1}` };
      this.written.set(assetId, entry);
    }
    this.doc.page.xobjects[entry.name] = entry.ref;
    return entry.name;
  }
}
