/**
 * The sample edition with its pictures: what `npm start`, `npm run web` and
 * `folio sample` open. The edition comes from shared/sample; each empty photo
 * frame gets a generated placeholder photograph at 300 ppi of the frame's
 * size, stored as an asset and fitted to fill the frame.
 */
import type { Asset, AssetBytes, Edition, ImageFrame } from '../../shared/model/types';
import { buildSampleEdition, type PhotoSlot } from '../../shared/sample';
import { paintPlaceholderPhoto } from './placeholder-photo';
import { cachedPhoto } from './photo-cache';
import { constructionScene, type Scene, streetScene } from './scenes';

/** Resolution of the placeholder photos at their frame size. */
export const SAMPLE_PHOTO_PPI = 300;

export interface LoadedSample {
  edition: Edition;
  /** JPEG bytes by asset id. */
  assets: AssetBytes;
}

/** The scene that suits a caption: the construction site for building work, else the street. */
function sceneFor(slot: PhotoSlot, index: number): { scene: Scene; file: string; sceneSeed: number } {
  const building = /幕墙|施工|工地|楼|construction|building/i.test(slot.caption);
  const sceneSeed = (building ? 1000 : 2000) + index;
  return building
    ? {
        scene: constructionScene(sceneSeed),
        file: `sample-photo-${index + 1}-construction.jpg`,
        sceneSeed,
      }
    : { scene: streetScene(sceneSeed), file: `sample-photo-${index + 1}-street.jpg`, sceneSeed };
}

/** Fills the image frame with the picture, cropping the overflow evenly (fill-proportional). */
function fitToFill(frame: ImageFrame, widthPx: number, heightPx: number): void {
  const scale = Math.max(frame.width / widthPx, frame.height / heightPx);
  frame.fit = 'fill-proportional';
  frame.content = {
    x: (frame.width - widthPx * scale) / 2,
    y: (frame.height - heightPx * scale) / 2,
    scale,
  };
}

let painted: Promise<LoadedSample> | null = null;

/**
 * The sample edition with its photos. Painting the photos takes a couple of
 * seconds, so it happens once per process; every call gets its own copy of
 * the edition (callers edit it) and of the asset map (the picture bytes
 * themselves are shared: treat them as read-only).
 */
export async function loadSampleEdition(): Promise<LoadedSample> {
  painted ??= paintSample();
  const sample = await painted.catch((error: unknown) => {
    painted = null;
    throw error;
  });
  return { edition: structuredClone(sample.edition), assets: new Map(sample.assets) };
}

async function paintSample(): Promise<LoadedSample> {
  const { edition, photos } = buildSampleEdition();
  const assets: AssetBytes = new Map();
  for (const [index, slot] of photos.entries()) {
    const { scene, file, sceneSeed } = sceneFor(slot, index);
    const seed = 7 + index;
    const photo = await cachedPhoto(
      `${file} scene ${sceneSeed} ${slot.width}×${slot.height} pt ${SAMPLE_PHOTO_PPI} ppi grain ${seed}`,
      () =>
        paintPlaceholderPhoto({
          scene,
          widthPt: slot.width,
          heightPt: slot.height,
          ppi: SAMPLE_PHOTO_PPI,
          seed,
        }),
    );
    const asset: Asset = {
      id: `as-sample-${index + 1}`,
      name: file,
      path: `assets/${file}`,
      mime: 'image/jpeg',
      widthPx: photo.widthPx,
      heightPx: photo.heightPx,
      colorSpace: 'rgb',
      byteLength: photo.bytes.byteLength,
    };
    edition.assets[asset.id] = asset;
    assets.set(asset.id, photo.bytes);
    const frame = edition.pages[slot.pageIndex].frames.find((f): f is ImageFrame => f.id === slot.frameId);
    if (!frame) throw new Error(`sample: photo frame ${slot.frameId} is missing`);
    frame.assetId = asset.id;
    fitToFill(frame, photo.widthPx, photo.heightPx);
  }
  return { edition, assets };
}
