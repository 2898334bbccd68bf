/**
 * The newsroom services as a host serves them, against a real server on
 * 127.0.0.1: sign-in keeps the token in the host and answers who and what
 * role; the mistakes a user makes each come back as one message key
 * (address, password, taken name, role, unknown edition); publishing puts
 * the document on the server; Open gives the window a document of its own
 * and keeps the one it showed, unsaved changes included, for Disconnect;
 * the page may reach only servers signed in to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsroomServer, type NewsroomServer } from '../../../main/server/newsroom-server';
import { hashPassword } from '../../../main/server/auth/passwords';
import { silentLogger } from '../../../main/server/log';
import { openRemoteEdition } from '../../../main/server/remote-edition';
import { DocumentRegistry } from '../../../main/services/documents';
import { editionBackend } from '../../../main/services/edition-backend';
import { createNewsroomHandlers, type NewsroomContext } from '../../../main/services/newsroom-handlers';
import { EditionBinding } from '../../../shared/collab/edition-binding';
import { LocalizedError } from '../../../shared/services/locales/localized-error';
import type { Edition } from '../../../shared/model/types';

const PASSWORD = 'desk password';
const dir = mkdtempSync(join(tmpdir(), 'folio-newsroom-handlers-'));
let server: NewsroomServer;
let ws = '';

beforeAll(async () => {
  server = await startNewsroomServer({ dataDir: dir, port: 0, log: silentLogger, secret: 'unit' });
  ws = server.url.replace('http', 'ws');
  const passwordHash = await hashPassword(PASSWORD);
  for (const [name, role] of [
    ['dana', 'designer'],
    ['pat', 'proofreader'],
  ] as const)
    await server.store.putAccount({ name, role, passwordHash, createdAt: new Date().toISOString() });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function host() {
  const documents = new DocumentRegistry();
  const allowed: string[] = [];
  const handlers = createNewsroomHandlers<NewsroomContext>({
    documents,
    backend: editionBackend,
    dialogs: null,
    allowServer: (url) => allowed.push(url),
  });
  return { documents, allowed, handlers };
}

/** The message key a call failed with. */
async function keyOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(LocalizedError);
    return (error as LocalizedError).key;
  }
  throw new Error('the call did not fail');
}

describe('the newsroom services of a host', () => {
  it('answers each mistake with its own message', async () => {
    const { handlers } = host();
    const context: NewsroomContext = { documentId: null };
    const signIn = (serverUrl: string, user: string, password: string) =>
      handlers['newsroom.signIn']({ serverUrl, user, password }, context);
    expect(await keyOf(signIn('127.0.0.1:4400', 'dana', PASSWORD))).toBe('newsroomui.error.badUrl');
    expect(await keyOf(signIn(ws, 'dana', 'wrong'))).toBe('newsroomui.error.badCredentials');
    expect(await keyOf(signIn(ws, 'nobody', PASSWORD))).toBe('newsroomui.error.badCredentials');
    expect(await keyOf(signIn('ws://127.0.0.1:1', 'dana', PASSWORD))).toBe('newsroomui.error.unreachable');
    expect(await keyOf(handlers['newsroom.editions']({}, context))).toBe('newsroomui.error.notSignedIn');
    expect(context.signedIn ?? null).toBeNull();
  });

  it('signs in, publishes, opens and disconnects without losing the window’s own document', async () => {
    const { handlers, documents, allowed } = host();
    const sample = await editionBackend.fromTemplate('sample');
    const own = documents.add(sample.edition, sample.assets, '/tmp/front.folio');
    const context: NewsroomContext = { documentId: own.id };

    // http:// names the same server; the host answers with the ws:// form and lets the page reach it.
    const signed = await handlers['newsroom.signIn'](
      { serverUrl: server.url, user: 'dana', password: PASSWORD },
      context,
    );
    expect(signed).toMatchObject({ serverUrl: ws, user: 'dana', role: 'designer' });
    expect(allowed).toContain(ws);
    expect((await handlers['newsroom.editions']({}, context)).editions).toEqual([]);

    // Unsaved changes of the window's document come along with the publish and stay in its record.
    const changed: Edition = { ...sample.edition, meta: { ...sample.edition.meta, editionName: 'B 叠' } };
    const published = await handlers['newsroom.publish'](
      { name: 'zk-1', source: 'document', documentId: own.id, edition: changed },
      context,
    );
    expect(published).toMatchObject({ name: 'zk-1', pages: sample.edition.pages.length });
    expect((await handlers['newsroom.editions']({}, context)).editions.map((e) => e.name)).toEqual(['zk-1']);
    const connection = await openRemoteEdition(server.url, 'zk-1', context.signedIn!.token);
    try {
      expect(new EditionBinding(connection.doc).current().meta.editionName).toBe('B 叠');
    } finally {
      connection.close();
    }
    expect(await keyOf(handlers['newsroom.publish']({ name: 'zk-1', source: 'document' }, context))).toBe(
      'newsroomui.error.exists',
    );
    expect(
      await keyOf(handlers['newsroom.publish']({ name: '-bad name', source: 'document' }, context)),
    ).toBe('newsroomui.error.badName');
    expect(await keyOf(handlers['newsroom.open']({ name: 'zk-9' }, context))).toBe(
      'newsroomui.error.noSuchEdition',
    );

    // Open: a document of the window's own for the shared edition; the file waits, as it was.
    expect(await handlers['newsroom.open']({ name: 'zk-1' }, context)).toEqual({ reload: true });
    expect(context.documentId).not.toBe(own.id);
    expect(context.newsroom).toMatchObject({
      serverUrl: ws,
      edition: 'zk-1',
      user: 'dana',
      role: 'designer',
    });
    expect(documents.find(own.id)?.edition.meta.editionName).toBe('B 叠');
    expect(await handlers['newsroom.state']({}, context)).toMatchObject({ edition: 'zk-1' });

    // Disconnect: the file is back, the shared edition's document is gone, nobody is signed in.
    const shared = context.documentId!;
    expect(await handlers['newsroom.disconnect']({}, context)).toEqual({ reload: true });
    expect(context.documentId).toBe(own.id);
    expect(documents.find(shared)).toBeUndefined();
    expect(documents.find(own.id)?.path).toBe('/tmp/front.folio');
    expect(await handlers['newsroom.state']({}, context)).toEqual({ signedIn: null, edition: null });
  });

  it('lets only designers and administrators publish', async () => {
    const { handlers } = host();
    const context: NewsroomContext = { documentId: null };
    const signed = await handlers['newsroom.signIn'](
      { serverUrl: ws, user: 'pat', password: PASSWORD },
      context,
    );
    expect(signed.role).toBe('proofreader');
    expect(await keyOf(handlers['newsroom.publish']({ name: 'zk-2', source: 'document' }, context))).toBe(
      'newsroomui.error.publishRole',
    );
  });
});
