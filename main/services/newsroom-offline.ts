/**
 * Electron's local copy of a shared edition: one file per server and
 * edition in the user's data folder, holding Yjs updates as length-prefixed
 * records. Appending is one write per batch of edits, so what was typed
 * while the server was away survives a crash or a quit; loading merges the
 * records into one update (and rewrites the file as that one record, so it
 * does not grow without end). A record cut short by a crash mid-write is
 * dropped: the records before it are whole.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';

export class OfflineCopies {
  /** One operation at a time per file: an append never lands in a file a load is replacing. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {}

  private queued<T>(file: string, run: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(file) ?? Promise.resolve()).then(run, run);
    this.queues.set(
      file,
      next.catch(() => undefined),
    );
    return next;
  }

  /** The file for a server and edition: a hash, so no name from outside becomes a path. */
  fileOf(serverUrl: string, edition: string): string {
    const digest = createHash('sha256').update(`${serverUrl}\0${edition}`).digest('hex').slice(0, 32);
    return join(this.dir, `${digest}.yupdates`);
  }

  append(serverUrl: string, edition: string, update: Uint8Array): Promise<void> {
    const file = this.fileOf(serverUrl, edition);
    return this.queued(file, async () => {
      if (update.length === 0) return;
      await mkdir(this.dir, { recursive: true });
      const header = Buffer.alloc(4);
      header.writeUInt32BE(update.length);
      await appendFile(file, Buffer.concat([header, update]));
    });
  }

  /** Everything kept for the edition as one update, or null when nothing is. */
  load(serverUrl: string, edition: string): Promise<Uint8Array | null> {
    const file = this.fileOf(serverUrl, edition);
    return this.queued(file, () => this.merge(file));
  }

  private async merge(file: string): Promise<Uint8Array | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const updates: Uint8Array[] = [];
    for (let at = 0; at + 4 <= bytes.length;) {
      const length = bytes.readUInt32BE(at);
      if (at + 4 + length > bytes.length) break;
      updates.push(bytes.subarray(at + 4, at + 4 + length));
      at += 4 + length;
    }
    if (updates.length === 0) return null;
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    if (updates.length > 1) {
      // One record from now on; written beside and renamed over, so a crash keeps the old file.
      const header = Buffer.alloc(4);
      header.writeUInt32BE(merged.length);
      await writeFile(`${file}.tmp`, Buffer.concat([header, merged]));
      await rename(`${file}.tmp`, file);
    }
    return new Uint8Array(merged);
  }

  clear(serverUrl: string, edition: string): Promise<void> {
    const file = this.fileOf(serverUrl, edition);
    return this.queued(file, () => rm(file, { force: true }));
  }
}
