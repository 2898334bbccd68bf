/**
 * Part one of the fuzz: thousands of damaged and hostile .folio files, each
 * written to a folder of its own and opened in a watched worker; before and
 * after each open the folder's tree and the file's bytes are compared. A
 * sample is opened again by `folio info` as a child process.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadBases } from './bases';
import { cliProblem, runFolioInfo } from './cli-check';
import { type FuzzCase, makeCase } from './hostile-files';
import { messageKind, unclearMessage } from './message-kinds';
import type { OpenResult } from './open-protocol';
import { fileDigest, treeChanges, treeSnapshot } from './tree-snapshot';
import { WatchdogPool } from './watchdog-pool';
import { openAlone } from './hang-retry';

export interface FileFuzzOptions {
  files: number;
  seed: number;
  /** Open workers running at once. */
  workers: number;
  /** How many of the files `folio info` also opens as a child process. */
  cliSample: number;
  /** An open taking longer than this is a hang. */
  hangMs: number;
  /** Where to copy the files of failing cases (none when absent). */
  keepDir?: string;
  /** Runs only these case indexes (to reproduce a finding). */
  only?: number[];
  log?: (line: string) => void;
}

/** One thing that went wrong with one file. */
export interface Finding {
  index: number;
  kind: string;
  variant: string;
  file: string;
  what: string;
}

export interface KindTally {
  files: number;
  opened: number;
  refused: number;
  failed: number;
}

export interface FileFuzzFigures {
  files: number;
  opened: number;
  refused: number;
  crashes: Finding[];
  hangs: Finding[];
  /** Opens that overran the limit once but finished in time when retried alone (a busy machine). */
  slowOnce: { index: number; firstMs: number; retryMs: number }[];
  writes: Finding[];
  unclear: Finding[];
  /** Files opened that must be refused, or refused that must open. */
  wrongOutcome: Finding[];
  problems: Map<string, number>;
  messageKinds: Map<string, number>;
  byKind: Map<string, KindTally>;
  slowestMs: number;
  slowest: string;
  p99Ms: number;
  longestMessage: number;
  cli: { runs: number; opened: number; refused: number; failures: Finding[]; slowestMs: number };
  seconds: number;
}

interface Outcome {
  fuzzCase: Omit<FuzzCase, 'bytes'>;
  result: OpenResult;
  path: string;
  folder: string;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function runFileFuzz(options: FileFuzzOptions): Promise<FileFuzzFigures> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const bases = await loadBases();
  log(`  base editions ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const runDir = await mkdtemp(join(tmpdir(), 'folio-fuzz-files-'));
  const pool = new WatchdogPool(options.workers, options.hangMs);
  const figures: FileFuzzFigures = {
    files: 0,
    opened: 0,
    refused: 0,
    crashes: [],
    hangs: [],
    slowOnce: [],
    writes: [],
    unclear: [],
    wrongOutcome: [],
    problems: new Map(),
    messageKinds: new Map(),
    byKind: new Map(),
    slowestMs: 0,
    slowest: '',
    p99Ms: 0,
    longestMessage: 0,
    cli: { runs: 0, opened: 0, refused: 0, failures: [], slowestMs: 0 },
    seconds: 0,
  };
  const times: number[] = [];
  const indexes = options.only ?? Array.from({ length: options.files }, (_, i) => i);
  const cliStep = options.cliSample > 0 ? Math.max(1, Math.floor(indexes.length / options.cliSample)) : 0;
  const forCli: Outcome[] = [];
  let cliSawOpened = false;
  const hangsToRetry: { outcome: Outcome; bytes: Uint8Array }[] = [];

  const tally = (kind: string) => {
    let t = figures.byKind.get(kind);
    if (!t) figures.byKind.set(kind, (t = { files: 0, opened: 0, refused: 0, failed: 0 }));
    return t;
  };
  const finding = (o: Outcome, what: string): Finding => ({
    index: o.fuzzCase.index,
    kind: o.fuzzCase.kind,
    variant: o.fuzzCase.variant,
    file: o.fuzzCase.fileName,
    what,
  });
  const keep = async (o: Outcome, bytes: Uint8Array) => {
    if (!options.keepDir) return;
    await mkdir(options.keepDir, { recursive: true });
    await writeFile(join(options.keepDir, `case-${o.fuzzCase.index}.folio`), bytes);
  };

  /** Counts one open's result; returns whether anything went wrong. */
  const judge = (o: Outcome): boolean => {
    const { result, fuzzCase } = o;
    const t = tally(fuzzCase.kind);
    t.files++;
    figures.files++;
    let failed = false;
    const fail = (list: Finding[], what: string) => {
      list.push(finding(o, what));
      failed = true;
    };
    times.push(result.ms);
    if (result.ms > figures.slowestMs) {
      figures.slowestMs = result.ms;
      figures.slowest = `${fuzzCase.kind}: ${fuzzCase.variant}`;
    }
    if (result.writes.length > 0) fail(figures.writes, `tried to write: ${result.writes.join(', ')}`);
    if (result.outcome === 'crash') fail(figures.crashes, result.message ?? 'crashed');
    else if (result.outcome === 'hang') fail(figures.hangs, result.message ?? 'hung');
    else if (result.outcome === 'opened') {
      figures.opened++;
      t.opened++;
      if (fuzzCase.expect === 'refuse') fail(figures.wrongOutcome, 'opened, but must be refused');
    } else {
      figures.refused++;
      t.refused++;
      const detail = result.detail ?? '';
      figures.problems.set(result.problem!, (figures.problems.get(result.problem!) ?? 0) + 1);
      const kind = `${result.problem}: ${messageKind(detail)}`;
      figures.messageKinds.set(kind, (figures.messageKinds.get(kind) ?? 0) + 1);
      figures.longestMessage = Math.max(figures.longestMessage, detail.length);
      const unclear = unclearMessage(o.path, result.message ?? '', detail);
      if (unclear) fail(figures.unclear, `the message ${unclear}: ${result.message}`);
      if (fuzzCase.expect === 'open')
        fail(figures.wrongOutcome, `refused, but is a valid edition: ${detail}`);
    }
    if (failed) t.failed++;
    return failed;
  };

  const runCase = async (index: number) => {
    const fuzzCase = makeCase(bases, options.seed, index);
    const folder = join(runDir, `c${index}`);
    await mkdir(folder);
    const path = join(folder, fuzzCase.fileName);
    await writeFile(path, fuzzCase.bytes);
    const before = await treeSnapshot(folder);
    const result = await pool.open(path);
    const { bytes, ...described } = fuzzCase;
    const outcome: Outcome = { fuzzCase: described, result, path, folder };
    const changes = treeChanges(before, await treeSnapshot(folder));
    if (changes.length > 0) result.writes.push(`the folder changed: ${changes.join('; ')}`);
    else if ((await fileDigest(path)) !== sha(bytes)) result.writes.push('the file changed');
    if (result.outcome === 'hang') {
      // Confirmed (or not) by a retry alone, once the run is over.
      hangsToRetry.push({ outcome, bytes });
      return;
    }
    const failed = judge(outcome);
    if (failed) {
      await keep(outcome, bytes);
      log(`  case ${index} (${fuzzCase.kind}: ${fuzzCase.variant}) failed`);
    }
    // Every n-th file, and the first that opens (so the CLI is seen to succeed too).
    const sampled = cliStep > 0 && (index % cliStep === 0 || (result.outcome === 'opened' && !cliSawOpened));
    if (sampled && (result.outcome === 'opened' || result.outcome === 'refused')) {
      cliSawOpened ||= result.outcome === 'opened';
      forCli.push(outcome);
    } else await rm(folder, { recursive: true, force: true });
  };

  // Keep the workers busy while the next files are being made.
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < indexes.length) {
      const index = indexes[next++];
      await runCase(index);
      done++;
      if (done % 1000 === 0) log(`  ${done} files opened`);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.workers * 2 }, lane));
  } finally {
    await pool.close();
  }

  log(`  ${done} files opened in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // A hang must need the time again, alone, to count.
  for (const { outcome, bytes } of hangsToRetry) {
    const retry = await openAlone(outcome.path, options.hangMs);
    if (retry.outcome === 'hang') {
      judge({
        ...outcome,
        result: { ...outcome.result, message: `${outcome.result.message}; ${retry.message}` },
      });
      await keep(outcome, bytes);
    } else {
      figures.slowOnce.push({
        index: outcome.fuzzCase.index,
        firstMs: outcome.result.ms,
        retryMs: retry.cpuMs ?? retry.ms,
      });
      const failed = judge({
        ...outcome,
        result: { ...retry, writes: [...outcome.result.writes, ...retry.writes] },
      });
      if (failed) await keep(outcome, bytes);
    }
    await rm(outcome.folder, { recursive: true, force: true });
  }

  // `folio info` as a user runs it, on a sample, two at a time.
  const cliQueue = [...forCli];
  const cliLane = async () => {
    for (let o = cliQueue.shift(); o; o = cliQueue.shift()) {
      const opened = o.result.outcome === 'opened';
      const run = await runFolioInfo(o.path, 30_000);
      figures.cli.runs++;
      figures.cli.slowestMs = Math.max(figures.cli.slowestMs, run.ms);
      const problem = cliProblem(run, o.path, opened, o.result.detail);
      if (problem) {
        figures.cli.failures.push(finding(o, problem));
        if (options.keepDir)
          await copyFile(o.path, join(options.keepDir, `cli-case-${o.fuzzCase.index}.folio`)).catch(
            () => undefined,
          );
      } else if (opened) figures.cli.opened++;
      else figures.cli.refused++;
      await rm(o.folder, { recursive: true, force: true });
    }
  };
  await Promise.all([cliLane(), cliLane()]);

  // Nothing may be left in the run's folder but what the fuzz itself wrote and removed.
  const left = await readdir(runDir);
  if (left.length > 0)
    figures.writes.push({
      index: -1,
      kind: 'run folder',
      variant: '',
      file: runDir,
      what: `left behind: ${left.slice(0, 5).join(', ')}`,
    });
  await rm(runDir, { recursive: true, force: true });

  times.sort((a, b) => a - b);
  figures.p99Ms = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}
