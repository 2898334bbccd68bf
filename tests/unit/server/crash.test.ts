/**
 * The server process killed with SIGKILL while five clients type: every
 * edit the server acknowledged before the kill is in its store (read
 * straight from the SQLite file, before anyone reconnects), and the edits
 * made while it was down arrive once it is restarted — nothing is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../../main/server/store/sqlite-store';
import { hashPassword } from '../../../main/server/auth/passwords';
import { NodeWebSocket } from '../../../main/server/node-websocket';
import { EditionReplica } from '../../../shared/collab/edition-binding';
import { readEdition } from '../../../shared/collab/edition-reader';
import { connectEdition, signIn, type EditionConnection } from '../../../shared/collab/newsroom-client';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { sampleEdition } from '../model/fixtures';
import { until } from './support';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
const apply = (e: Edition, op: Operation) => applyOperation(e, op).edition;
const LETTERS = ['a', 'b', 'c', 'd', 'e'];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `npm run server` (tsx directly) and waits for its `listening` log line. */
async function startServerProcess(port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'main', 'server', 'serve.ts'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--compact-delay',
      '3600',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const url = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { event: string; url?: string };
      if (entry.event === 'listening') resolvePromise(entry.url!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, url };
}

const countOf = (edition: Edition, letter: string) =>
  [...edition.stories['st-lead'].blocks[0].children.map((c) => c.text).join('')].filter((ch) => ch === letter)
    .length;

describe('kill -9 of the server while five clients type', () => {
  it('keeps every acknowledged edit, and the edits made while it was down arrive after the restart', async () => {
    const store = new SqliteStore(dataDir);
    await store.putAccount({
      name: 'dana',
      role: 'designer',
      passwordHash: await hashPassword('pw-12345678'),
      createdAt: '',
    });
    await store.close();
    const started = await startServerProcess(0);
    let child = started.child;
    const url = started.url;
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
    const first = connect();
    await first.synced;
    new EditionReplica(first.doc, sampleEdition());
    await first.settled();
    const clients: {
      connection: EditionConnection;
      replica: EditionReplica;
      typed: number;
      acked: number;
    }[] = [{ connection: first, replica: null as unknown as EditionReplica, typed: 0, acked: 0 }];
    clients[0].replica = new EditionReplica(first.doc);
    for (let i = 1; i < 5; i++) {
      const connection = connect();
      await connection.synced;
      clients.push({ connection, replica: new EditionReplica(connection.doc), typed: 0, acked: 0 });
    }
    // Each client counts what the server has acknowledged: all its edits so far, whenever nothing is pending.
    clients.forEach((c) =>
      c.connection.provider.on('unsyncedChanges', () => {
        if (!c.connection.provider.hasUnsyncedChanges) c.acked = c.typed;
      }),
    );
    const type = (k: number) => {
      const c = clients[k];
      const at = c.replica.edition.stories['st-lead'].blocks[0].children.map((x) => x.text).join('').length;
      c.replica.apply(
        [{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: at, text: LETTERS[k] }],
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
    // Type until every client has edits acknowledged (bounded: a loaded machine acknowledges slowly).
    const typingEnds = Date.now() + 20_000;
    do await typeFor(300);
    while (Math.min(...clients.map((c) => c.acked)) <= 10 && Date.now() < typingEnds);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const ackedAtKill = clients.map((c) => c.acked);
    expect(Math.min(...ackedAtKill)).toBeGreaterThan(10);

    // What the dead server had stored, read from its file before anyone reconnects.
    const dead = new SqliteStore(dataDir);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await dead.load('zk-crash'))!);
    await dead.close();
    const onDisk = readEdition(stored);
    LETTERS.forEach((letter, k) => expect(countOf(onDisk, letter)).toBeGreaterThanOrEqual(ackedAtKill[k]));

    // Typing goes on while the server is down; then it comes back on the same port.
    await typeFor(500);
    ({ child } = await startServerProcess(port));
    await Promise.all(
      clients.map((c) =>
        until(
          () => !c.connection.provider.hasUnsyncedChanges && c.connection.provider.isSynced,
          20_000,
          'resync',
        ),
      ),
    );
    const check = connect();
    await check.synced;
    await until(
      () => LETTERS.every((l, k) => countOf(readEdition(check.doc), l) === clients[k].typed),
      20_000,
      'every edit on the server',
    );
    const final = readEdition(check.doc);
    LETTERS.forEach((letter, k) => expect(countOf(final, letter)).toBe(clients[k].typed));
    for (const c of [...clients.map((x) => x.connection), check]) c.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }, 90_000);
});
