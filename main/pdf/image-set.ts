/**
 * The images of one export: each asset is prepared and written once as an
 * image XObject, however many pages place it (holding the union of what its
 * placements show, at the resolution the most demanding one needs), and
 * painted clipped to its frame at the display list's imageX/Y/W/H.
 */
import type { DisplayImage, DisplayPage } from '../../shared/layout/display-list';
import type { Asset, AssetBytes, Id } from '../../shared/model/types';
import { cachedImage, imageCacheKey, storeImage } from './image-cache';
import { imageNeeds, type Placement } from './image-needs';
import {
  ImageError,
  prepareImage,
  readImageFacts,
  type ImageOutput,
  type PreparedImage,
} from './image-prepare';
import type { DocInternals, PdfRef } from './pdfkit-internals';
import { num } from './pdf-syntax';
import { rectPath } from './graphics-painter';

interface Prepared {
  image: PreparedImage;
  /** The upright original's pixel size, to place the crop within the image rectangle. */
  uprightWidth: number;
  uprightHeight: number;
}

export class PdfImageSet {
  private readonly prepared = new Map<Id, Prepared | null>();
  private readonly written = new Map<Id, { ref: PdfRef; name: string }>();

  constructor(
    private readonly doc: DocInternals,
    private readonly assets: Record<Id, Asset>,
    private readonly bytes: AssetBytes,
    private readonly output: ImageOutput,
  ) {}

  /**
   * Reads and converts every image the pages place (before painting, which
   * is synchronous). `bleed`: the pages print their bleed, so an image
   * reaching into it keeps those pixels.
   */
  async prepare(pages: DisplayPage[], bleed: boolean): Promise<void> {
    const placements = new Map<Id, Placement[]>();
    for (const page of pages) {
      const b = bleed ? page.bleed : { top: 0, right: 0, bottom: 0, left: 0 };
      const clip = {
        x: -b.left,
        y: -b.top,
        width: page.width + b.left + b.right,
        height: page.height + b.top + b.bottom,
      };
      for (const item of page.items) {
        if (item.kind !== 'image' || !item.assetId) continue;
        const list = placements.get(item.assetId) ?? [];
        list.push({ item, clip });
        placements.set(item.assetId, list);
      }
    }
    // sharp works on libuv's thread pool: convert the images side by side.
    await Promise.all(
      [...placements].map(async ([assetId, list]) => {
        this.prepared.set(assetId, await this.prepareOne(assetId, list));
      }),
    );
  }

  private async prepareOne(assetId: Id, placements: Placement[]): Promise<Prepared | null> {
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
    const facts = await readImageFacts(asset, bytes);
    const needs = imageNeeds(placements, facts.uprightWidth, facts.uprightHeight, this.output.ppi);
    // Placed where nothing of it prints: nothing to embed.
    if (!needs || !bytes) return null;
    const { uprightWidth, uprightHeight } = facts;
    const key = imageCacheKey(bytes, this.output, needs);
    const cached = cachedImage(key);
    if (cached) return { image: cached, uprightWidth, uprightHeight };
    const image = await prepareImage(asset, bytes, facts, needs, this.output);
    storeImage(key, image);
    return { image, uprightWidth, uprightHeight };
  }

  /** Operators that draw an image item clipped to its frame (empty frames paint nothing in the PDF). */
  paint(item: DisplayImage): string {
    if (!item.assetId) return '';
    const prepared = this.prepared.get(item.assetId);
    if (prepared === undefined) throw new Error(`image ${item.assetId} was not prepared`);
    if (prepared === null) return '';
    const name = this.use(item.assetId, prepared.image);
    // The embedded pixels cover only the crop: place them where the crop falls in the whole image.
    const { crop } = prepared.image;
    const ptPerPxX = item.imageWidth / prepared.uprightWidth;
    const ptPerPxY = item.imageHeight / prepared.uprightHeight;
    const x = item.imageX + crop.left * ptPerPxX;
    const y = item.imageY + crop.top * ptPerPxY;
    const width = crop.width * ptPerPxX;
    const height = crop.height * ptPerPxY;
    const clip = rectPath(item);
    // Image space is a unit square with its first row at the top: flip it into the y-down page.
    const matrix = `${num(width)} 0 0 ${num(-height)} ${num(x)} ${num(y + height)} cm`;
    return `q ${clip} W n ${matrix} /${name} Do Q\n`;
  }

  private use(assetId: Id, image: PreparedImage): string {
    let entry = this.written.get(assetId);
    if (!entry) {
      const ref = this.doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        Width: image.widthPx,
        Height: image.heightPx,
        BitsPerComponent: 8,
        ColorSpace: image.colorSpace,
        ...(image.filter === 'DCTDecode' ? { Filter: 'DCTDecode' } : {}),
        ...(image.colorTransform ? { DecodeParms: { ColorTransform: 1 } } : {}),
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
