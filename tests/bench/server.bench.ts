/**
 * The newsroom server under a desk's load, on loopback, bounded:
 *  - 20 simulated clients (each a full replica writing through the model's
 *    apply path) typing 5 characters a second each, each at its own phase,
 *    into one edition for FOLIO_BENCH_SERVER_SECONDS (default 60), spread
 *    over TYPIST_PROCESSES processes (server-typists.ts); this process is
 *    one more client that turns every remote update into model operations
 *    and notes when each character becomes visible. Edit → visible, p50 and
 *    p95 (goal p95 < 100 ms), against applying the same updates to a Y.Doc
 *    in-process; characters lost (goal 0); the server process's CPU and
 *    memory; and, to read the latency by, the observing client's own work
 *    per update and how late a timer fires in its process (the machine's load);
 *  - cold open of a shared 48-page edition with 300 stories (goal < 2 s),
 *    against decoding the same state in-process;
 *  - the store's size after an hour's worth of such typing (20 × 5 × 3600
 *    updates, SQLite), before and after compaction.
 * The server runs as its own process (`main/server/serve.ts`), so its CPU
 * time and memory are its own; times across processes are epoch
 * milliseconds (performance.timeOrigin + performance.now()).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import type { Bench, BenchResult } from './bench';
import { stats } from './bench';
import { SqliteStore } from '../../main/server/store/sqlite-store';
import { hashPassword } from '../../main/server/auth/passwords';
import { NodeWebSocket } from '../../main/server/node-websocket';
import { EditionBinding, EditionReplica } from '../../shared/collab/edition-binding';
import { readEdition } from '../../shared/collab/edition-reader';
import { writeEdition } from '../../shared/collab/edition-writer';
import { blockTexts } from '../../shared/collab/story-text';
import { connectEdition, signIn, type EditionConnection } from '../../shared/collab/newsroom-client';
import { createEmptyEdition } from '../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../shared/model/factories';
import { sequentialIds } from '../../shared/model/ids';
import type { Edition } from '../../shared/model/types';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.FOLIO_BENCH_SERVER_SECONDS ?? 60);
const CLIENTS = 20;
const RATE = 5;
/** Processes the typists are spread over (a real desk is twenty machines). */
const TYPIST_PROCESSES = 4;
/** Epoch milliseconds with sub-millisecond precision: the clock all processes on the machine share. */
const clock = () => performance.timeOrigin + performance.now();

/** 48 pages, 300 stories of a headline and 12 body paragraphs, each story in its own frame. */
function bigEdition(): Edition {
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 48 });
  const paragraph =
    '自三大百日行动开展以来，区经济发展提升百日行动领导小组闻令而动，制订实施方案，多措并举，确保行动落地见效。';
  for (let s = 0; s < 300; s++) {
    const page = edition.pages[s % 48];
    const frameId = `fr-${s}`;
    page.frames.push(
      createTextFrame(
        frameId,
        { x: 40, y: 60 + (Math.floor(s / 48) % 7) * 110, width: 500, height: 100 },
        { columns: 4 },
      ),
    );
    edition.stories[`st-${s}`] = createStory(
      `st-${s}`,
      `Story ${s}`,
      [
        createBlock('headline', `第${s}篇`),
        ...Array.from({ length: 12 }, () => createBlock('body', paragraph)),
      ],
      [frameId],
    );
  }
  return edition;
}

/**
 * The typing edition: a page with the typing story (one paragraph per
 * client) and four others. The simulated clients share this process's two
 * cores, so each keeps a small edition; a real client has its own machine.
 */
function typingEdition(): Edition {
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 1 });
  for (let s = 0; s < 5; s++) {
    edition.pages[0].frames.push(
      createTextFrame(`fr-${s}`, { x: 40, y: 60 + s * 150, width: 500, height: 140 }, { columns: 4 }),
    );
    edition.stories[`st-${s}`] = createStory(
      `st-${s}`,
      `Story ${s}`,
      [createBlock('body', '本报讯')],
      [`fr-${s}`],
    );
  }
  edition.stories['st-0'] = {
    ...edition.stories['st-0'],
    blocks: Array.from({ length: CLIENTS }, () => createBlock('body', '')),
  };
  return edition;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main', 'server', 'serve.ts'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { event: string; url?: string };
      if (entry.event === 'listening') ok(entry.url!);
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpu: ticks / 100, rssMb: Number(rss) / 1024 };
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

export const bench: Bench = {
  title: `Newsroom server: ${CLIENTS} clients × ${RATE} chars/s for ${SECONDS} s, cold open, store size`,
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'folio-bench-server-'));
    const results: BenchResult[] = [];
    const setup = new SqliteStore(join(dir, 'live'));
    await setup.putAccount({
      name: 'desk',
      role: 'designer',
      passwordHash: await hashPassword('bench-password'),
      createdAt: '',
    });
    await setup.close();
    const { child, url } = await startServer(join(dir, 'live'));
    const connections: EditionConnection[] = [];
    const typistProcesses: ChildProcess[] = [];
    try {
      const token = (await signIn(url, 'desk', 'bench-password')).token;
      const connect = async (edition: string) => {
        const c = connectEdition({
          serverUrl: url,
          edition,
          token,
          WebSocket: NodeWebSocket,
          delay: 200,
          maxDelay: 1000,
        });
        connections.push(c);
        await c.synced;
        return c;
      };

      // Cold open of the 48-page edition.
      const publisher = await connect('bench-48');
      new EditionReplica(publisher.doc, bigEdition());
      await publisher.settled();
      const state = Y.encodeStateAsUpdate(publisher.doc);
      const opens: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const c = await connect('bench-48');
        const edition = new EditionBinding(c.doc).current();
        if (edition.pages.length !== 48 || Object.keys(edition.stories).length !== 300)
          throw new Error('cold open read a wrong edition');
        opens.push(performance.now() - started);
        c.close();
      }
      const decodes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        readEdition(doc);
        decodes.push(performance.now() - started);
      }
      const open = stats(opens).median;
      results.push({
        name: `cold open, 48 pages / 300 stories (${(state.byteLength / 1024).toFixed(0)} KiB state), median of 3`,
        value: open,
        unit: 'ms',
        baseline: { name: 'decode + read the same state in-process', value: stats(decodes).median },
        goal: '< 2000 ms',
        met: open < 2000,
      });

      // 20 clients typing, in TYPIST_PROCESSES processes of their own (server-typists.ts); this
      // process only observes, so its clock is not held up by the typists' work.
      const writerSeed = await connect('bench-typing');
      new EditionReplica(writerSeed.doc, typingEdition());
      await writerSeed.settled();
      writerSeed.close();
      const observerConnection = await connect('bench-typing');
      const observer = new EditionReplica(observerConnection.doc);
      // The observing client's own work per remote update: applying it and turning it into model operations.
      const work: number[] = [];
      let began = 0;
      observerConnection.doc.on('beforeTransaction', () => (began = performance.now()));
      observerConnection.doc.on('afterTransaction', () => work.push(performance.now() - began));
      /** When each typist's i-th character became visible here (epoch ms). */
      const visible: number[][] = Array.from({ length: CLIENTS }, () => []);
      const updates: Uint8Array[] = [];
      observerConnection.doc.on('update', (u: Uint8Array) => updates.push(u));
      observer.binding.onRemote(() => {
        const now = clock();
        const blocks = observer.edition.stories['st-0'].blocks;
        for (let k = 0; k < CLIENTS; k++) {
          const length = blocks[k].children.reduce((n, c) => n + c.text.length, 0);
          while (visible[k].length < length) visible[k].push(now);
        }
      });
      const perProcess = CLIENTS / TYPIST_PROCESSES;
      const processes = Array.from({ length: TYPIST_PROCESSES }, (_, p) => {
        const child = fork(
          join(ROOT, 'tests', 'bench', 'server-typists.ts'),
          [
            url,
            token,
            'bench-typing',
            String(p * perProcess),
            String(perProcess),
            String(RATE),
            String(SECONDS),
          ],
          { execArgv: ['--import', 'tsx'], env: { ...process.env, FOLIO_BENCH_CLIENTS: String(CLIENTS) } },
        );
        typistProcesses.push(child);
        const message = (type: string) =>
          new Promise<{ sent?: number[][] }>((resolve, reject) => {
            const on = (m: { type: string; sent?: number[][] }) => {
              if (m.type === type) {
                child.off('message', on);
                resolve(m);
              }
            };
            child.on('message', on);
            child.once('exit', (code) => reject(new Error(`a typist process exited with ${code}`)));
          });
        return { child, ready: message('ready'), typed: message('typed') };
      });
      await Promise.all(processes.map((p) => p.ready));
      const startAt = clock() + 500;
      for (const p of processes) p.child.send({ type: 'go', startAt });
      // How late a timer fires in this (observing) process while they type: the machine's load.
      const lateness: number[] = [];
      let expected = startAt;
      const ticker = setInterval(() => {
        const now = clock();
        if (now >= startAt) lateness.push(Math.max(0, now - expected));
        expected = now + 10;
      }, 10);
      await new Promise((r) => setTimeout(r, startAt - clock()));
      const before = usage(child.pid!);
      const started = clock();
      const sent = (await Promise.all(processes.map((p) => p.typed))).flatMap((m) => m.sent!);
      const typed = sent.reduce((n, s) => n + s.length, 0);
      const shown = () => visible.reduce((n, v, k) => n + Math.min(v.length, sent[k].length), 0);
      await until(() => shown() >= typed, 20_000);
      clearInterval(ticker);
      const after = usage(child.pid!);
      const elapsed = (clock() - started) / 1000;
      const visibleCount = shown();
      const latencies = sent.flatMap((times, k) =>
        times.slice(0, visible[k].length).map((at, i) => visible[k][i] - at),
      );
      const { median, p95 } = stats(latencies);
      const baselineDoc = new Y.Doc();
      const applyTimes: number[] = [];
      for (const u of updates.slice(-2000)) {
        const t0 = performance.now();
        Y.applyUpdate(baselineDoc, u);
        applyTimes.push(performance.now() - t0);
      }
      const base = stats(applyTimes);
      results.push({
        name: `edit → visible at another client, p50 (${latencies.length} edits)`,
        value: median,
        unit: 'ms',
        baseline: { name: 'Y.applyUpdate in-process, p50', value: base.median },
      });
      results.push({
        name: 'edit → visible at another client, p95',
        value: p95,
        unit: 'ms',
        baseline: { name: 'Y.applyUpdate in-process, p95', value: base.p95 },
        goal: '< 100 ms',
        met: p95 < 100,
      });
      results.push({
        name: 'characters lost',
        value: typed - visibleCount,
        unit: `of ${typed} typed (${CLIENTS * RATE * SECONDS} due)`,
        goal: '0',
        met: typed === visibleCount,
      });
      results.push({
        name: "the observing client's work per remote update (apply + model operations), p95",
        value: stats(work).p95,
        unit: 'ms',
      });
      results.push({
        name: 'how late a 10 ms timer fires in the observing process meanwhile (machine load), p95',
        value: stats(lateness).p95,
        unit: 'ms',
      });
      results.push({
        name: 'server CPU while typing',
        value: ((after.cpu - before.cpu) / elapsed) * 100,
        unit: '% of one core',
      });
      results.push({ name: 'server resident memory after typing', value: after.rssMb, unit: 'MB' });
    } finally {
      for (const p of typistProcesses) p.send({ type: 'close' });
      await Promise.all(
        typistProcesses.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)),
      );
      for (const c of connections) c.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }

    // An hour's worth of typing into the store, then compaction.
    const hour = new SqliteStore(join(dir, 'hour'));
    const doc = new Y.Doc();
    writeEdition(doc, typingEdition());
    hour.append('hour', Y.encodeStateAsUpdate(doc));
    const blocks = blockTexts(
      (doc.getMap('stories').get('st-0') as Y.Map<unknown>).get('blocks') as Y.XmlText,
    );
    doc.on('update', (u: Uint8Array) => hour.append('hour', u));
    const edits = CLIENTS * RATE * 3600;
    for (let i = 0; i < edits; i++) {
      const b = blocks[i % CLIENTS];
      b.insert(b.length, '字');
    }
    const logged = (await hour.list())[0];
    await hour.compact('hour', Y.encodeStateAsUpdate(doc));
    const compacted = (await hour.list())[0];
    await hour.close();
    results.push({
      name: `store after an hour (${edits} updates), before compaction`,
      value: logged.bytes / 1024 / 1024,
      unit: 'MiB',
    });
    results.push({
      name: 'store after compaction',
      value: compacted.bytes / 1024 / 1024,
      unit: 'MiB',
      baseline: { name: 'before compaction', value: logged.bytes / 1024 / 1024 },
    });
    rmSync(dir, { recursive: true, force: true });
    return results;
  },
};
