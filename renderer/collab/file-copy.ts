/**
 * Electron's local copy of a shared edition (the browser host uses
 * y-indexeddb): what the server has not confirmed yet must survive the
 * window closing or the app quitting while the server is away. The main
 * process keeps a file per server and edition (main/services/newsroom-offline.ts);
 * this side loads it into the Y.Doc at start and appends every local update
 * to it, batched for a moment so typing is one write, not one per key.
 */
import * as Y from 'yjs';
import type { FolioServices } from '../../shared/services/api';
import type { LocalCopy } from './newsroom-session';

const BATCH_MS = 250;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class FileCopy implements LocalCopy {
  readonly whenSynced: Promise<void>;
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<unknown> = Promise.resolve();
  private destroyed = false;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    this.pending.push(update);
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  };
  private readonly onPageHide = () => void this.flush();

  constructor(
    private readonly services: FolioServices,
    private readonly key: { serverUrl: string; edition: string },
    private readonly doc: Y.Doc,
  ) {
    this.whenSynced = (async () => {
      try {
        const { update } = await services['newsroom.offline.load'](key);
        if (update) Y.applyUpdate(doc, fromBase64(update), this);
      } catch (error) {
        // An unreadable copy must not keep the edition from opening: the server has the rest.
        console.error('the local copy of the shared edition could not be read', error);
      }
      // Whatever the doc held before the file was read (nothing, normally) is kept too.
      doc.on('update', this.onUpdate);
    })();
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
  }

  /** Writes the batched updates now; resolves when the file has them. */
  flush(): Promise<unknown> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) {
      const update = Y.mergeUpdates(this.pending.splice(0));
      this.writing = this.writing.then(() =>
        this.services['newsroom.offline.append']({ ...this.key, update: toBase64(update) }),
      );
    }
    return this.writing;
  }

  async clearData(): Promise<void> {
    this.destroyed = true;
    this.pending = [];
    await this.destroy();
    await this.services['newsroom.offline.clear'](this.key);
  }

  async destroy(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
    await this.flush().catch(() => undefined);
  }
}
