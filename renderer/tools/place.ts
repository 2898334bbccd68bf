/**
 * Placing photos: from the Place dialog (Ctrl/Cmd+D, a file chooser) or
 * dropped on the page. The host reads each file (size, colour space) and
 * keeps its bytes; the page gets an add_asset and either fills the image
 * frame it was dropped on or a new frame at the drop point, sized for
 * 300 ppi within the type area, filled proportionally.
 */
import type { Operation } from '../../shared/model/ops/types';
import type { Id, ImageFrame, Page } from '../../shared/model/types';
import { createImageFrame } from '../../shared/model/factories';
import { newId } from '../../shared/model/ids';
import { fillProportionally } from '../../shared/editing/image-fit';
import { findFrame } from '../../shared/editing/frame-edits';
import type { EditorStore } from '../state/editor-store';
import type { EditingSession } from '../actions/session';
import { LocalizedError } from '../../shared/services/locales/localized-error';

export interface PlaceTarget {
  pageIndex: number;
  /** Where a new frame goes (its top-left), in page points. */
  at?: { x: number; y: number };
  /** An image frame to fill instead of making a new one. */
  frameId?: Id | null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A new frame's size: the photo at 300 ppi, no larger than the type area. */
function frameSizeFor(page: Page, widthPx: number, heightPx: number): { width: number; height: number } {
  const maxW = page.size.width - page.margins.left - page.margins.right;
  const maxH = page.size.height - page.margins.top - page.margins.bottom;
  let width = (widthPx / 300) * 72;
  let height = (heightPx / 300) * 72;
  const shrink = Math.min(1, maxW / width, maxH / height);
  width *= shrink;
  height *= shrink;
  return { width, height };
}

export async function placeFiles(
  store: EditorStore,
  session: EditingSession,
  files: File[],
  target: PlaceTarget,
): Promise<void> {
  const state = store.getState();
  const document = state.document;
  if (!document || !state.edition) return;
  if (!session.placement) {
    session.notify(new LocalizedError('tools.noHostPlacement'));
    return;
  }
  let at = target.at;
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const asset = await session.placement['asset.place']({
        documentId: document.documentId,
        sessionId: session.journal?.session ?? null,
        name: file.name,
        data: toBase64(bytes),
      });
      const edition = store.getState().edition!;
      const page = edition.pages[target.pageIndex] ?? edition.pages[0];
      const ops: Operation[] = [{ type: 'add_asset', asset }];
      const image = { widthPx: asset.widthPx, heightPx: asset.heightPx };
      const existing = target.frameId ? findFrame(edition, target.frameId) : undefined;
      let frameId: Id;
      if (existing && existing.frame.kind === 'image') {
        const frame = existing.frame as ImageFrame;
        frameId = frame.id;
        ops.push({
          type: 'update_frame',
          frameId,
          props: { assetId: asset.id, fit: 'fill-proportional', content: fillProportionally(frame, image) },
        });
      } else {
        const size = frameSizeFor(page, asset.widthPx, asset.heightPx);
        const origin = at ?? { x: page.margins.left, y: page.margins.top };
        frameId = newId('frame');
        const frame = createImageFrame(
          frameId,
          { ...origin, ...size },
          { assetId: asset.id, fit: 'fill-proportional', name: asset.name },
        );
        frame.content = fillProportionally(frame, image);
        ops.push({ type: 'insert_frame', container: { pageId: page.id }, frame });
        at = { x: origin.x + 12, y: origin.y + 12 };
      }
      session.apply(ops, { label: 'step.placeImage' });
      store.select({ pageIndex: target.pageIndex, frameIds: [frameId] });
    } catch (error) {
      session.notify(
        new LocalizedError('tools.placeFailed', { file: file.name, detail: (error as Error).message }),
      );
    }
  }
}

/** Opens the file chooser (must run inside a user gesture) and places what the user picks. */
export function choosePhotos(store: EditorStore, session: EditingSession): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/jpeg,image/png,image/tiff,image/webp,image/heic,.heic,.tif,.tiff';
  input.multiple = true;
  input.dataset.testid = 'place-file-input';
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.remove();
    const selected = store.getState().selection.frameIds[0] ?? null;
    if (files.length)
      void placeFiles(store, session, files, {
        pageIndex: store.getState().selection.pageIndex,
        frameId: selected,
      });
  });
  document.body.append(input);
  input.click();
}
