/**
 * Electron's local copy of a shared edition: edits written through the
 * window's FileCopy into the file the main process keeps come back in a
 * new window (a restart while the server is away), many batches are
 * merged into one record when loaded, a record cut short by a crash loses
 * only itself, and clearing drops the copy. Real files, real Y.Docs, the
 * real handlers; the IPC wire between them is left out.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceMethods, type FolioServices } from '../../../shared/services/api';
import { createNewsroomHandlers, type NewsroomContext } from '../../../main/services/newsroom-handlers';
import { DocumentRegistry } from '../../../main/services/documents';
import { editionBackend } from '../../../main/services/edition-backend';
import { OfflineCopies } from '../../../main/services/newsroom-offline';
import { FileCopy } from '../../../renderer/collab/file-copy';

const dir = mkdtempSync(join(tmpdir(), 'folio-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The three offline services as the renderer calls them, arguments and results checked by their schemas. */
function services(): FolioServices {
  const handlers = createNewsroomHandlers<NewsroomContext>({
    documents: new DocumentRegistry(),
    backend: editionBackend,
    dialogs: null,
    allowServer: () => undefined,
    offlineDir: dir,
  });
  const context: NewsroomContext = { documentId: null };
  const call =
    (name: 'newsroom.offline.load' | 'newsroom.offline.append' | 'newsroom.offline.clear') =>
    async (args: unknown) => {
      const parsed = serviceMethods[name].args.parse(args);
      const result = await (handlers[name] as (a: unknown, c: NewsroomContext) => Promise<unknown>)(
        parsed,
        context,
      );
      return serviceMethods[name].result.parse(result);
    };
  return {
    'newsroom.offline.load': call('newsroom.offline.load'),
    'newsroom.offline.append': call('newsroom.offline.append'),
    'newsroom.offline.clear': call('newsroom.offline.clear'),
  } as unknown as FolioServices;
}

const key = { serverUrl: 'ws://127.0.0.1:4400', edition: 'zk-1221' };

async function reopen(): Promise<{ doc: Y.Doc; copy: FileCopy }> {
  const doc = new Y.Doc();
  const copy = new FileCopy(services(), key, doc);
  await copy.whenSynced;
  return { doc, copy };
}

describe('the local copy of a shared edition in Electron', () => {
  it('keeps edits typed while offline across a restart of the window', async () => {
    const { doc, copy } = await reopen();
    const text = doc.getText('story');
    for (const ch of '本报讯 offline') text.insert(text.length, ch);
    await copy.flush();
    await copy.destroy();

    const again = await reopen();
    expect(again.doc.getText('story').toString()).toBe('本报讯 offline');
    // Edits made after the restart join what was kept.
    again.doc.getText('story').insert(0, '★');
    await again.copy.destroy();
    expect((await reopen()).doc.getText('story').toString()).toBe('★本报讯 offline');
  });

  it('merges the batches into one record when loaded', async () => {
    const store = new OfflineCopies(dir);
    const file = store.fileOf(key.serverUrl, key.edition);
    const { doc, copy } = await reopen();
    for (let i = 0; i < 20; i++) {
      doc.getText('story').insert(0, String(i % 10));
      await copy.flush();
    }
    const before = statSync(file).size;
    const merged = await store.load(key.serverUrl, key.edition);
    const bytes = readFileSync(file);
    expect(bytes.readUInt32BE(0)).toBe(bytes.length - 4);
    expect(bytes.length).toBeLessThan(before);
    const check = new Y.Doc();
    Y.applyUpdate(check, merged!);
    expect(check.getText('story').toString()).toBe(doc.getText('story').toString());
  });

  it('loses only a record cut short by a crash', async () => {
    const store = new OfflineCopies(dir);
    const file = store.fileOf(key.serverUrl, key.edition);
    const kept = (await reopen()).doc.getText('story').toString();
    // A header that promises 1000 bytes, and 3 of them.
    appendFileSync(file, Buffer.from([0, 0, 3, 232, 1, 2, 3]));
    expect((await reopen()).doc.getText('story').toString()).toBe(kept);
  });

  it('drops the copy when cleared', async () => {
    const { copy } = await reopen();
    await copy.clearData();
    expect(await new OfflineCopies(dir).load(key.serverUrl, key.edition)).toBeNull();
    expect((await reopen()).doc.getText('story').toString()).toBe('');
  });

  it('keeps one file per server and edition', () => {
    const store = new OfflineCopies(dir);
    const a = store.fileOf('ws://a:1', 'x');
    expect(store.fileOf('ws://a:1', 'y')).not.toBe(a);
    expect(store.fileOf('ws://b:1', 'x')).not.toBe(a);
    expect(a.startsWith(dir)).toBe(true);
  });
});
