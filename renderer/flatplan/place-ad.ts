/**
 * Placing an ad's material from the flatplan: the user picks the file, the
 * host reads it as it reads a photo (the existing photo placement: size,
 * colour space, bytes kept with the edition), and the page gets a locked
 * frame of the booked size with the image fitted inside (plan-edits
 * placeAd) — one undo step. PDF material (as agencies deliver ads) is
 * read by the host too: its first page, rendered at 300 ppi
 * (main/journal/pdf-material.ts), is the picture placed.
 */
import { newId } from '../../shared/model/ids';
import type { Id } from '../../shared/model/types';
import { placeAd } from '../../shared/planning/plan-edits';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import type { EditorStore } from '../state/editor-store';
import { sessionOf } from '../actions/session';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function placeAdFile(store: EditorStore, adId: Id, file: File): Promise<void> {
  const session = sessionOf(store);
  const document = store.getState().document;
  if (!document || !store.getState().edition) return;
  try {
    if (!session.placement) throw new LocalizedError('tools.noHostPlacement');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const asset = await session.placement['asset.place']({
      documentId: document.documentId,
      sessionId: session.journal?.session ?? null,
      name: file.name,
      data: toBase64(bytes),
    });
    const { ops } = placeAd(store.getState().edition!, adId, asset, newId);
    session.apply(ops, { label: 'step.flatplan.placeAd' });
  } catch (error) {
    session.notify(
      error instanceof LocalizedError
        ? error
        : new LocalizedError('tools.placeFailed', { file: file.name, detail: (error as Error).message }),
    );
  }
}

/** Opens the file chooser (inside the click that asked for it) and places the chosen file as the ad. */
export function chooseAdFile(store: EditorStore, adId: Id): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/jpeg,image/png,image/tiff,image/webp,.tif,.tiff,application/pdf,.pdf';
  input.dataset.testid = 'ad-file-input';
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) void placeAdFile(store, adId, file);
  });
  document.body.append(input);
  input.click();
}
