/**
 * The server as its own process (`npm run server`), against SQLite and
 * PostgreSQL, while five clients type:
 *  - killed with SIGKILL: every edit the server acknowledged before the kill
 *    is in its store (read straight from the store, before anyone
 *    reconnects), and the edits made while it was down arrive once it is
 *    restarted;
 *  - stopped with SIGTERM: it exits 0 with every edition compacted (no log
 *    left) and every acknowledged edit in the state, its log is one JSON
 *    object per line, and what the clients typed during the shutdown
 *    arrives at the next server — nothing is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../../main/server/store/open-store';
import { hashPassword } from '../../../main/server/auth/passwords';
import { NodeWebSocket } from '../../../main/server/node-websocket';
import { EditionReplica } from '../../../shared/collab/edition-binding';
import { readEdition } from '../../../shared/collab/edition-reader';
import { connectEdition, signIn, type EditionConnection } from '../../../shared/collab/newsroom-client';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { sampleEdition } from '../model/fixtures';
import { backends, freshPostgres, until } from './support';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const apply = (e: Edition, op: Operation) => applyOperation(e, op).edition;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every line it wrote to stdout. */
  lines: string[];
  exited: Promise<number | null>;
}

/** Starts `npm run server` (tsx directly) and waits for its `listening` log line. */
async function startServerProcess(store: string[], port: number): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'main', 'server', 'serve.ts'),
      '--port',
      String(port),
      ...store,
      '--compact-delay',
      '3600',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { event: string; url?: string };
      if (entry.event === 'listening') resolvePromise(entry.url!);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, url, lines, exited };
}

const countOf = (edition: Edition, letter: string) =>
  [...edition.stories['st-lead'].blocks[0].children.map((c) => c.text).join('')].filter((ch) => ch === letter)
    .length;

describe.each(backends())('the server process on %s while five clients type', (backend) => {
  it('kill -9 keeps every acknowledged edit and the edits made while it was down arrive; SIGTERM stores everything and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
    dirs.push(dataDir);
    const database = backend === 'postgres' ? await freshPostgres() : null;
    const storeArgs = database ? ['--database', database] : ['--data-dir', dataDir];
    /** What the store holds now, read directly (no server). */
    const stored = async () => {
      const store = await openStore({ dataDir, database });
      try {
        const state = await store.load('zk-crash');
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state!);
        return { edition: readEdition(doc), list: await store.list() };
      } finally {
        await store.close();
      }
    };
    const setup = await openStore({ dataDir, database });
    await setup.putAccount({
      name: 'dana',
      role: 'designer',
      passwordHash: await hashPassword('pw-12345678'),
      createdAt: '',
    });
    await setup.close();
    let server = await startServerProcess(storeArgs, 0);
    const url = server.url;
    const port = Number(new URL(url).port);
    const token = (await signIn(url, 'dana', 'pw-12345678')).token;
    const connect = () =>
      connectEdition({
        serverUrl: url,
        edition: 'zk-crash',
        token,
        WebSocket: NodeWebSocket,
        delay: 100,
        maxDelay: 300,
      });
    /**
     * Five clients, each typing its own letter at the end of the lead's first paragraph. Each
     * counts what the server has acknowledged: all its edits so far, whenever nothing is pending
     * (the provider's count is exact only until its first reconnect, so a new desk is made after one).
     */
    const desk = async (letters: string[]) => {
      const made: {
        connection: EditionConnection;
        replica: EditionReplica;
        letter: string;
        typed: number;
        acked: number;
      }[] = [];
      for (const letter of letters) {
        const connection = connect();
        await connection.synced;
        const c = { connection, replica: new EditionReplica(connection.doc), letter, typed: 0, acked: 0 };
        connection.provider.on('unsyncedChanges', () => {
          if (!connection.provider.hasUnsyncedChanges) c.acked = c.typed;
        });
        made.push(c);
      }
      return made;
    };
    const publisher = connect();
    await publisher.synced;
    new EditionReplica(publisher.doc, sampleEdition());
    await publisher.settled();
    publisher.close();
    let clients = await desk(['a', 'b', 'c', 'd', 'e']);
    const type = (k: number) => {
      const c = clients[k];
      const at = c.replica.edition.stories['st-lead'].blocks[0].children.map((x) => x.text).join('').length;
      c.replica.apply(
        [{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: at, text: c.letter }],
        apply,
      );
      c.typed++;
    };
    const typeFor = async (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        for (let k = 0; k < 5; k++) type(k);
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    /** Types until every client has more than `more` edits acknowledged (bounded: a loaded machine acknowledges slowly). */
    const typeUntilAcked = async (more: number) => {
      const ends = Date.now() + 20_000;
      do await typeFor(300);
      while (clients.some((c) => c.acked <= more) && Date.now() < ends);
    };
    const allArrived = async () => {
      await Promise.all(
        clients.map((c) =>
          until(
            () => !c.connection.provider.hasUnsyncedChanges && c.connection.provider.isSynced,
            30_000,
            `resync ${c.letter} unsynced=${(c.connection.provider as unknown as { unsyncedChanges: number }).unsyncedChanges} synced=${c.connection.provider.isSynced} status=${(c.connection.provider.configuration.websocketProvider as unknown as { status: string }).status}`,
          ),
        ),
      );
      const check = connect();
      await check.synced;
      await until(
        () => clients.every((c) => countOf(readEdition(check.doc), c.letter) === c.typed),
        30_000,
        'every edit on the server',
      );
      check.close();
    };

    // kill -9 in the middle of the typing.
    await typeUntilAcked(10);
    server.child.kill('SIGKILL');
    await server.exited;
    const ackedAtKill = clients.map((c) => c.acked);
    expect(Math.min(...ackedAtKill)).toBeGreaterThan(10);
    const afterKill = await stored();
    for (const c of clients)
      expect(countOf(afterKill.edition, c.letter)).toBeGreaterThanOrEqual(ackedAtKill[clients.indexOf(c)]);

    // Typing goes on while the server is down and while it comes back on the same port (updates
    // queued during the reconnect reach it before the sync reply they build on).
    await typeFor(500);
    let typing = typeFor(1500);
    server = await startServerProcess(storeArgs, port);
    await typing;
    await allArrived();
    for (const c of clients) c.connection.close();

    // SIGTERM while a new desk types: everything acknowledged is compacted, the process exits 0.
    clients = await desk(['f', 'g', 'h', 'i', 'j']);
    await typeUntilAcked(5);
    typing = typeFor(400);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await typing;
    const ackedAtTerm = clients.map((c) => c.acked);
    const afterTerm = await stored();
    expect(afterTerm.list.find((e) => e.name === 'zk-crash')?.pendingUpdates).toBe(0);
    clients.forEach((c, k) =>
      expect(countOf(afterTerm.edition, c.letter)).toBeGreaterThanOrEqual(ackedAtTerm[k]),
    );
    // The structured log: one JSON object per line with time, level and event.
    const entries = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
      expect(['info', 'warn', 'error']).toContain(entry.level);
      expect(typeof entry.event).toBe('string');
    }
    const events = entries.map((e) => e.event);
    for (const event of ['listening', 'edition-loaded', 'connected', 'shutting-down', 'compacted', 'stopped'])
      expect(events).toContain(event);
    expect(events.indexOf('compacted')).toBeLessThan(events.indexOf('stopped'));

    // What was typed during and after the shutdown reaches the next server.
    typing = typeFor(1500);
    server = await startServerProcess(storeArgs, port);
    await typing;
    await allArrived();
    for (const c of clients) c.connection.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 150_000);
});
