import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { NodeWebSocket } from '../../../main/server/node-websocket';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { SignJWT } from 'jose';
import { EditionReplica, EditionBinding } from '../../../shared/collab/edition-binding';
import { readEdition } from '../../../shared/collab/edition-reader';
import { sameStory } from '../../../shared/editing/same-story';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import type { NewsroomError } from '../../../shared/collab/newsroom-client';
import { connectEdition, listEditions, signIn } from '../../../shared/collab/newsroom-client';
import { sampleEdition } from '../model/fixtures';
import { backends, PASSWORD, startTestServer, until, type TestServer } from './support';

const apply = (e: Edition, op: Operation) => applyOperation(e, op).edition;
const text = (e: Edition, story = 'st-lead', block = 0) =>
  e.stories[story].blocks[block].children.map((c) => c.text).join('');

describe.each(backends())('the newsroom server on %s', (backend) => {
  let t: TestServer;
  afterEach(async () => t?.stop());

  /** A designer publishes the fixture edition as `name`. */
  async function publish(name: string) {
    const c = await t.connect(name, 'dana');
    const replica = new EditionReplica(c.doc, sampleEdition());
    await c.settled();
    return { c, replica };
  }

  it('answers /health, signs in with a password, refuses a wrong one, lists editions to a signed-in user', async () => {
    t = await startTestServer(backend);
    const health = (await (await fetch(`${t.server.url}/health`)).json()) as { ok: boolean; store: string };
    expect(health).toMatchObject({ ok: true, store: backend });
    const signed = await signIn(t.server.url, 'pat', PASSWORD);
    expect(signed.role).toBe('proofreader');
    expect(Date.parse(signed.expiresAt)).toBeGreaterThan(Date.now());
    await expect(signIn(t.server.url, 'pat', 'wrong password')).rejects.toMatchObject({
      code: 'bad-credentials',
    });
    await expect(listEditions(t.server.url, null)).rejects.toMatchObject({ code: 'no-token' });
    await publish('zk-0101');
    const list = await listEditions(t.server.url, signed.token);
    expect(list.map((e) => e.name)).toEqual(['zk-0101']);
  });

  it('a published edition reaches another user identical, and both users typing in one paragraph converge', async () => {
    t = await startTestServer(backend);
    const { c: a, replica: ra } = await publish('zk-0102');
    const b = await t.connect('zk-0102', 'eli');
    const rb = new EditionReplica(b.doc);
    expect(rb.edition).toEqual(ra.edition);
    for (let i = 0; i < 20; i++) {
      ra.apply(
        [{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: text(ra.edition).length, text: 'a' }],
        apply,
      );
      rb.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '乙' }], apply);
    }
    await Promise.all([a.settled(), b.settled()]);
    await until(
      () =>
        text(ra.edition) === text(rb.edition) &&
        text(ra.edition).length === text(sampleEdition()).length + 40,
      5000,
      'convergence',
    );
    expect(text(ra.edition).startsWith('乙'.repeat(20))).toBe(true);
    expect(text(ra.edition).endsWith('a'.repeat(20))).toBe(true);
  });

  it("refuses a proofreader's frame move with a reason, keeps the document, accepts the proofreader's text edit", async () => {
    t = await startTestServer(backend);
    const { replica: designer } = await publish('zk-0103');
    const p = await t.connect('zk-0103', 'pat');
    const proof = new EditionReplica(p.doc);
    proof.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '校' }], apply);
    await p.settled();
    await until(() => text(designer.edition).startsWith('校'), 5000, 'the proofreader’s text');
    const refusals: string[] = [];
    p.onRefused((r) => refusals.push(`${r.code}:${r.detail}`));
    proof.apply([{ type: 'update_frame', frameId: 'fr-a', props: { x: 300 } }], apply);
    await until(() => refusals.length > 0, 5000, 'the refusal');
    expect(refusals[0]).toBe('role:proofreader:layout');
    // The document on the server (a fresh reader) never saw the move.
    const fresh = await t.connect('zk-0103', 'eli');
    expect(readEdition(fresh.doc).pages[0].frames.find((f) => f.id === 'fr-a')?.x).toBe(50);
    expect(text(readEdition(fresh.doc)).startsWith('校')).toBe(true);
  });

  it('refuses connections with no token, a forged, an expired or a garbage token; --open lets anyone in', async () => {
    t = await startTestServer(backend);
    await publish('zk-0104');
    const attempt = async (token: string | null) => {
      const c = connectEdition({
        serverUrl: t.server.url,
        edition: 'zk-0104',
        token,
        WebSocket: NodeWebSocket,
        delay: 50,
        maxDelay: 100,
      });
      try {
        await c.synced;
        return 'synced';
      } catch (error) {
        return (error as NewsroomError).code;
      } finally {
        c.close();
      }
    };
    expect(await attempt(null)).toBe('no-token');
    expect(await attempt('not.a.token')).toBe('token-invalid');
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('folio-newsroom')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some other secret'));
    expect(await attempt(forged)).toBe('token-invalid');
    const expired = await new SignJWT({ role: 'designer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('dana')
      .setIssuer('folio-newsroom')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('test-secret'));
    expect(await attempt(expired)).toBe('token-expired');
    expect(await attempt(await t.token('eli'))).toBe('synced');
    await t.restart({ open: true });
    expect(await attempt(null)).toBe('synced');
  });

  it('refuses malformed and oversized Yjs messages without harming the document', async () => {
    t = await startTestServer(backend, { maxMessageBytes: 256 * 1024 });
    const { replica } = await publish('zk-0105');
    const before = replica.edition;
    const token = await t.token('dana');
    /**
     * Sends one message on a raw socket after authenticating; resolves with how
     * the server ended it: a Hocuspocus close message for the document (it
     * multiplexes documents on one socket) with its reason, or a socket close code.
     */
    const raw = async (payload: Uint8Array) => {
      const ws = new WebSocket(t.ws);
      ws.on('error', () => undefined);
      await new Promise((r) => ws.once('open', r));
      const auth = encoding.createEncoder();
      encoding.writeVarString(auth, 'zk-0105');
      encoding.writeVarUint(auth, 2); // Auth
      encoding.writeVarUint(auth, 0); // token
      encoding.writeVarString(auth, token);
      ws.send(encoding.toUint8Array(auth));
      await new Promise((r) => setTimeout(r, 200));
      const ended = new Promise<string>((resolve) => {
        ws.on('message', (data: Buffer) => {
          const d = decoding.createDecoder(new Uint8Array(data));
          decoding.readVarString(d);
          if (decoding.readVarUint(d) === 7) resolve(`closed ${decoding.readVarString(d)}`);
        });
        ws.once('close', (code) => resolve(`socket ${code}`));
      });
      ws.send(payload);
      const how = await Promise.race([
        ended,
        new Promise<string>((r) => setTimeout(() => r('no answer'), 3000)),
      ]);
      ws.terminate();
      return how;
    };
    const message = (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, 'zk-0105');
      encoding.writeVarUint(e, 0); // Sync
      encoding.writeVarUint(e, 2); // update
      encoding.writeVarUint8Array(e, update);
      return encoding.toUint8Array(e);
    };
    // Garbage where a Yjs update should be.
    const garbage = await raw(message(new Uint8Array([1, 200, 7, 7, 7, 0, 255, 255, 3, 9])));
    // Truncated message head.
    const truncated = await raw(new Uint8Array([7, 122, 107]));
    // A valid update far larger than the limit.
    const big = new Y.Doc();
    big.getMap('extra').set('junk', 'x'.repeat(400 * 1024));
    const oversized = await raw(message(Y.encodeStateAsUpdate(big)));
    expect(garbage).toBe('closed folio:malformed:');
    expect(truncated).toMatch(/^socket 4\d\d\d$/);
    expect(oversized).toBe('socket 1009');
    const fresh = await t.connect('zk-0105', 'eli');
    expect(new EditionBinding(fresh.doc).current()).toEqual(before);
  });

  it('holds updates that arrive before the ones they build on, applies them once those arrive, and judges them as their sender', async () => {
    t = await startTestServer(backend);
    await publish('zk-0109');
    // The proofreader's edits, made on a copy of the edition: two keystrokes and a frame move.
    const copy = await t.connect('zk-0109', 'pat');
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(copy.doc));
    copy.close();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    const proof = new EditionReplica(local);
    proof.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '校' }], apply);
    proof.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 1, text: '对' }], apply);
    proof.apply([{ type: 'update_frame', frameId: 'fr-a', props: { x: 300 } }], apply);
    expect(updates).toHaveLength(3);
    // Sent last first on a raw socket (as a reconnecting client's queue can reach the server before its sync reply).
    const ws = new WebSocket(t.ws);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<string>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        decoding.readVarString(d);
        if (decoding.readVarUint(d) === 7) resolve(decoding.readVarString(d));
      });
    });
    const frame = (type: number, write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, 'zk-0109');
      encoding.writeVarUint(e, type);
      write(e);
      ws.send(encoding.toUint8Array(e));
    };
    const token = await t.token('pat');
    frame(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, token)));
    for (const u of [updates[2], updates[1], updates[0]])
      frame(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, u)));
    // The keystrokes are applied once the first arrives; the frame move, judged as the proofreader's, is refused.
    expect(await closed).toBe('folio:role:proofreader:layout');
    ws.terminate();
    const fresh = await t.connect('zk-0109', 'eli');
    const edition = readEdition(fresh.doc);
    expect(text(edition).startsWith('校对')).toBe(true);
    expect(edition.pages[0].frames.find((f) => f.id === 'fr-a')?.x).toBe(50);
  });

  it('keeps every acknowledged edit across a restart, and compacts the log into one state', async () => {
    t = await startTestServer(backend);
    const { c, replica } = await publish('zk-0106');
    for (let i = 0; i < 50; i++) {
      replica.apply(
        [{ type: 'insert_text', storyId: 'st-lead', block: 1, offset: 0, text: String(i % 10) }],
        apply,
      );
    }
    await c.settled();
    const expected = replica.edition;
    const logged = (await t.server.store.list())[0];
    expect(logged.pendingUpdates).toBeGreaterThan(10);
    c.close();
    await t.restart();
    const after = (await t.server.store.list())[0];
    expect(after.pendingUpdates).toBe(0);
    expect(after.bytes).toBeLessThan(logged.bytes);
    const back = await t.connect('zk-0106', 'eli');
    expect(readEdition(back.doc)).toEqual(expected);
  });

  it('compacts an edition while it is open, once changes settle, and keeps logging what comes after', async () => {
    t = await startTestServer(backend, { compactDelayMs: 150, compactMaxDelayMs: 600 });
    const { c, replica } = await publish('zk-0110');
    const typeSome = async (n: number) => {
      for (let i = 0; i < n; i++)
        replica.apply(
          [{ type: 'insert_text', storyId: 'st-lead', block: 1, offset: 0, text: String(i % 10) }],
          apply,
        );
      await c.settled();
    };
    const stored = async () => (await t.server.store.list()).find((e) => e.name === 'zk-0110')!;
    await typeSome(30);
    const logged = await stored();
    // Compacted by the server's own timer while the designer stays connected.
    const end = Date.now() + 10_000;
    while ((await stored()).pendingUpdates > 0 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const compacted = await stored();
    expect(compacted.pendingUpdates).toBe(0);
    expect(compacted.bytes).toBeLessThan(logged.bytes);
    await typeSome(5);
    expect((await stored()).pendingUpdates).toBeGreaterThan(0);
    const expected = replica.edition;
    const back = await t.connect('zk-0110', 'eli');
    expect(readEdition(back.doc)).toEqual(expected);
    // What the store holds on its own (state + log) is the same edition.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await t.server.store.load('zk-0110'))!);
    expect(readEdition(doc)).toEqual(expected);
  });

  it('a check-out makes the story read-only for others, and lapses once its holder has been gone long enough', async () => {
    t = await startTestServer(backend, { lockLapseMs: 400 });
    const { c: a, replica: designer } = await publish('zk-0107');
    const e = await t.connect('zk-0107', 'eli');
    const editor = new EditionReplica(e.doc);
    const replies: string[] = [];
    e.provider.on('stateless', ({ payload }: { payload: string }) => replies.push(payload));
    e.provider.sendStateless(JSON.stringify({ type: 'lock', target: 'story:st-lead' }));
    await until(() => a.doc.getMap('locks').has('story:st-lead'), 5000, 'the lock to reach the designer');
    expect(JSON.parse(replies[0])).toMatchObject({ type: 'lock-reply', ok: true, holder: 'eli' });
    const refusals: string[] = [];
    a.onRefused((r) => refusals.push(`${r.code}:${r.detail}`));
    designer.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '改' }], apply);
    await until(() => refusals.length > 0, 5000, 'the refusal');
    expect(refusals[0]).toBe('locked:story:st-lead:eli');
    // The holder goes away; after the lapse time the lock is gone and others may edit again.
    e.close();
    const watcher = await t.connect('zk-0107', 'dana');
    await until(() => !watcher.doc.getMap('locks').has('story:st-lead'), 5000, 'the lock to lapse');
    const again = new EditionReplica(watcher.doc);
    again.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 0, text: '改' }], apply);
    await watcher.settled();
    const fresh = await t.connect('zk-0107', 'pat');
    expect(text(readEdition(fresh.doc)).startsWith('改')).toBe(true);
    expect(text(editor.edition).startsWith('改')).toBe(false);
  });

  it('a client that works offline through a long run of edits merges them all when it reconnects', async () => {
    t = await startTestServer(backend);
    const { c: a, replica: ra } = await publish('zk-0108');
    const b = await t.connect('zk-0108', 'eli');
    const rb = new EditionReplica(b.doc);
    b.provider.disconnect();
    for (let i = 0; i < 400; i++) {
      const block = i % 3;
      rb.apply([{ type: 'insert_text', storyId: 'st-lead', block, offset: 0, text: '离' }], apply);
      if (i % 4 === 0)
        ra.apply(
          [
            {
              type: 'insert_text',
              storyId: 'st-lead',
              block: 0,
              offset: text(ra.edition).length,
              text: 'on',
            },
          ],
          apply,
        );
    }
    rb.apply([{ type: 'split_block', storyId: 'st-lead', block: 1, offset: 2 }], apply);
    await a.settled();
    await b.provider.connect();
    await b.settled();
    await until(
      () => sameStory(ra.edition.stories['st-lead'].blocks, rb.edition.stories['st-lead'].blocks),
      10_000,
      'the merge',
    );
    const all = ra.edition.stories['st-lead'].blocks
      .map((bl) => bl.children.map((c) => c.text).join(''))
      .join('');
    expect([...all].filter((ch) => ch === '离').length).toBe(400);
    expect(all.split('on').length - 1).toBeGreaterThanOrEqual(100);
  });
});
