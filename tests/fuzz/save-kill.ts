/**
 * Part two of the fuzz: kill -9 at random moments during save. A child
 * process (save-child.ts, bundled once with esbuild so it starts in a
 * fraction of a second) saves two versions of the sample edition over one
 * file again and again; it is killed with SIGKILL a random time into a
 * random save. After each kill the file must open and be byte for byte the
 * version saved before or the one being saved — never a mix — and the
 * backup likewise; leftover temporary files are counted and stay, so later
 * rounds run beside them.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { readFolio, writeFolio } from '../../main/storage';
import { packFolio } from '../../shared/model/package/folio-package';
import { loadSampleEdition } from '../../main/sample';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { Random } from './random';

export interface SaveKillOptions {
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface SaveKillFigures {
  kills: number;
  /** Kills that landed while a save was under way (the rest between two saves). */
  duringSave: number;
  /** Where the killed saves were: still packing in memory, with the temporary file written, after the rename. */
  phases: { packing: number; temporaryFile: number; renamed: number };
  /** How the kills were timed. */
  modes: { time: number; 'temporary file': number; rename: number };
  opened: number;
  oldVersion: number;
  newVersion: number;
  /** Files (or backups) that opened but were neither version, or did not open. */
  mixed: { round: number; what: string }[];
  backups: number;
  /** Temporary files left by killed saves, in all. */
  tempLeftovers: number;
  /** Leftovers a user would see beside the file (not hidden by a leading dot). */
  visibleLeftovers: number;
  /** Rounds after which the real file was missing or a temporary file stood in its place. */
  hidden: { round: number; what: string }[];
  /** Whether a normal save in the same folder, after all the kills, worked and left no temporary file of its own. */
  cleanSaveAfter: boolean;
  meanSaveMs: number;
  seconds: number;
}

const CHILD = fileURLToPath(new URL('./save-child.ts', import.meta.url));

/** Version B: the sample with another headline and a third, larger photo (a longer write). */
function versionB(edition: Edition, assets: AssetBytes): { edition: Edition; assets: AssetBytes } {
  const b = structuredClone(edition);
  const story = Object.values(b.stories)[0];
  story.blocks[0].children = [{ text: '新版本:保存被中断也不会混合' }];
  const photo = new Uint8Array(1024 * 1024);
  const r = new Random(7);
  for (let i = 0; i < photo.length; i += 4096) photo.set(r.bytes(64), i);
  photo.set([0xff, 0xd8, 0xff, 0xe0]);
  b.assets['as-kill-extra'] = {
    id: 'as-kill-extra',
    name: 'extra.jpg',
    path: 'assets/extra.jpg',
    mime: 'image/jpeg',
    widthPx: 2000,
    heightPx: 1500,
    colorSpace: 'rgb',
    byteLength: photo.length,
  };
  return { edition: b, assets: new Map([...assets, ['as-kill-extra', photo]]) };
}

const isTemp = (name: string, file: string) =>
  name.endsWith('.tmp') && (name.startsWith(`.${file}.`) || name.startsWith(`${file}.bak.`));

export async function runSaveKills(options: SaveKillOptions): Promise<SaveKillFigures> {
  const log = options.log ?? (() => undefined);
  const began = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'folio-fuzz-save-'));
  const figures: SaveKillFigures = {
    kills: 0,
    duringSave: 0,
    phases: { packing: 0, temporaryFile: 0, renamed: 0 },
    modes: { time: 0, 'temporary file': 0, rename: 0 },
    opened: 0,
    oldVersion: 0,
    newVersion: 0,
    mixed: [],
    backups: 0,
    tempLeftovers: 0,
    visibleLeftovers: 0,
    hidden: [],
    cleanSaveAfter: false,
    meanSaveMs: 0,
    seconds: 0,
  };
  try {
    const sample = await loadSampleEdition();
    const versions = { A: sample, B: versionB(sample.edition, sample.assets) };
    const packed = {
      A: packFolio(versions.A.edition, versions.A.assets),
      B: packFolio(versions.B.edition, versions.B.assets),
    };
    const sources = { A: join(folder, 'source-A.folio'), B: join(folder, 'source-B.folio') };
    await writeFolio(sources.A, versions.A.edition, versions.A.assets);
    await writeFolio(sources.B, versions.B.edition, versions.B.assets);
    const bundle = join(folder, 'save-child.mjs');
    await build({
      entryPoints: [CHILD],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      external: ['sharp'],
    });
    const work = await mkdtemp(join(folder, 'desk-'));
    const name = 'front.folio';
    const target = join(work, name);
    await writeFolio(target, versions.A.edition, versions.A.assets);
    let onDisk: 'A' | 'B' = 'A';
    let saveTimes: number[] = [];
    const versionOf = (bytes: Uint8Array): 'A' | 'B' | null =>
      Buffer.compare(bytes, packed.A) === 0 ? 'A' : Buffer.compare(bytes, packed.B) === 0 ? 'B' : null;

    for (let round = 1; round <= options.kills; round++) {
      const r = Random.forCase(options.seed, round, 2);
      const tempsBefore = new Set((await readdir(work)).filter((e) => isTemp(e, name)));
      const child = spawn(process.execPath, [bundle, target, sources.A, sources.B], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const lines = createInterface({ input: child.stdout });
      let started = 0;
      let startedName: 'A' | 'B' = onDisk;
      let done = 0;
      let lastDone: 'A' | 'B' = onDisk;
      let startedAt = 0;
      const killAfterStart = r.int(1, 2);
      const mean = saveTimes.length ? saveTimes.reduce((a, b) => a + b, 0) / saveTimes.length : 100;
      // A third of the kills at a random time into the save; a third soon after its temporary
      // file appears; a third just after the rename over the file (seen through the folder watch).
      const mode = r.pick(['time', 'temporary file', 'rename'] as const);
      const delay = mode === 'time' ? r.next() * mean * 1.3 : r.next() * (mode === 'rename' ? 3 : 15);
      const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
      let armed = false;
      let fired = false;
      const kill = (after: number) => {
        if (fired) return;
        fired = true;
        setTimeout(() => child.kill('SIGKILL'), after);
      };
      const watcher = watch(work, (_event, file) => {
        if (!armed || !file) return;
        if (mode === 'temporary file' && isTemp(file, name) && file.startsWith('.')) kill(delay);
        if (mode === 'rename' && file === name) kill(delay);
      });
      lines.on('line', (line) => {
        const [word, n, which] = line.split(' ');
        if (word === 'start') {
          started = Number(n);
          startedName = which as 'A' | 'B';
          startedAt = performance.now();
          if (started === killAfterStart) {
            armed = true;
            if (mode === 'time') kill(delay);
          }
          // Should the folder watch miss its event, the next save is killed instead.
          if (started > killAfterStart) kill(delay);
        } else if (word === 'done') {
          done = Number(n);
          lastDone = startedName;
          saveTimes.push(performance.now() - startedAt);
          if (saveTimes.length > 50) saveTimes = saveTimes.slice(-50);
        }
      });
      await exited;
      watcher.close();
      figures.modes[mode]++;
      if (child.signalCode !== 'SIGKILL')
        throw new Error(`the saving process ended by itself (${child.exitCode}): ${stderr.trim()}`);
      figures.kills++;
      const inSave = started > done;
      if (inSave) figures.duringSave++;
      const before: 'A' | 'B' = done > 0 ? lastDone : onDisk;
      const during: 'A' | 'B' | null = inSave ? startedName : null;

      // The file: it opens, and it is the version before or the one being saved.
      const entries = await readdir(work);
      if (!entries.includes(name))
        figures.hidden.push({ round, what: `${name} is missing; the folder holds ${entries.join(', ')}` });
      else {
        try {
          await readFolio(target);
          figures.opened++;
        } catch (error) {
          figures.mixed.push({ round, what: `does not open: ${(error as Error).message}` });
        }
        const version = versionOf(await readFile(target));
        if (version === before && version !== null) figures.oldVersion++;
        else if (version === during && version !== null) figures.newVersion++;
        else
          figures.mixed.push({
            round,
            what: `holds ${version ?? 'neither version'} (before: ${before}, being saved: ${during ?? 'none'})`,
          });
        onDisk = version ?? onDisk;
        if (inSave) {
          const newTemp = entries.some((e) => isTemp(e, name) && !tempsBefore.has(e));
          if (version === during && version !== before) figures.phases.renamed++;
          else if (newTemp) figures.phases.temporaryFile++;
          else figures.phases.packing++;
        }
      }
      if (entries.includes(`${name}.bak`)) {
        figures.backups++;
        if (versionOf(await readFile(`${target}.bak`)) === null)
          figures.mixed.push({ round, what: 'the backup is neither version' });
      }
      figures.tempLeftovers = entries.filter((e) => isTemp(e, name)).length;
      figures.visibleLeftovers = entries.filter((e) => isTemp(e, name) && !e.startsWith('.')).length;
      if (round % 25 === 0) log(`  ${round} kills`);
    }

    // A normal save beside the leftovers: it works, and adds no temporary file of its own.
    const leftBefore = (await readdir(work)).filter((e) => isTemp(e, name)).length;
    try {
      await writeFolio(target, versions.B.edition, versions.B.assets);
      const after = await readdir(work);
      figures.cleanSaveAfter =
        versionOf(await readFile(target)) === 'B' &&
        after.filter((e) => isTemp(e, name)).length <= leftBefore;
    } catch {
      figures.cleanSaveAfter = false;
    }
    figures.meanSaveMs = saveTimes.reduce((a, b) => a + b, 0) / Math.max(1, saveTimes.length);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  figures.seconds = (performance.now() - began) / 1000;
  return figures;
}
