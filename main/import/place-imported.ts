/**
 * An imported file placed on pages of the default template, with the
 * pictures a Word file held in their photo frames: each becomes an asset
 * (bytes beside the edition), its frame takes the picture's shape and shows
 * it filled proportionally. What the CLI's `folio import` and the app's
 * File → Import both write.
 */
import type { AssetBytes, Edition, ImageFrame } from '../../shared/model/types';
import { newId } from '../../shared/model/ids';
import { placeStories, type PlaceOptions, type PlacedEdition } from '../../shared/sample';
import { fillProportionally } from '../../shared/editing/image-fit';
import type { ImportedFile } from './import-file';

export interface PlacedImport {
  edition: Edition;
  assets: AssetBytes;
  placed: PlacedEdition;
  /** Photo frames that show one of the file's pictures. */
  picturesPlaced: number;
}

export function placeImportedFile(imported: ImportedFile, options: PlaceOptions = {}): PlacedImport {
  const byIndex = new Map(imported.images.map((image) => [image.index, image]));
  const placed = placeStories(imported, {
    language: imported.report.language,
    ...options,
    imageAspect: (index) => {
      const image = byIndex.get(index);
      return image ? image.heightPx / image.widthPx : undefined;
    },
  });
  const { edition } = placed;
  const ids = options.ids ?? newId;
  const assets: AssetBytes = new Map();
  let picturesPlaced = 0;
  for (const slot of placed.photos) {
    const image = slot.image === undefined ? undefined : byIndex.get(slot.image);
    if (!image) continue;
    const assetId = ids('asset');
    edition.assets[assetId] = {
      id: assetId,
      name: image.name,
      path: `assets/${assetId}-${image.name}`,
      mime: image.mime,
      widthPx: image.widthPx,
      heightPx: image.heightPx,
      colorSpace: image.colorSpace,
      byteLength: image.bytes.byteLength,
    };
    assets.set(assetId, image.bytes);
    const frame = edition.pages[slot.pageIndex].frames.find((f) => f.id === slot.frameId) as ImageFrame;
    frame.assetId = assetId;
    frame.fit = 'fill-proportional';
    frame.content = fillProportionally(frame, image);
    picturesPlaced++;
  }
  return { edition, assets, placed, picturesPlaced };
}
