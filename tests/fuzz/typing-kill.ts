/**
 * Part three of the fuzz: kill -9 of the browser host while a user types.
 * The host runs as a real child process (`npm run web -- --data-dir <fresh
 * folder> <file>`), Chromium types random Latin and Chinese text into the
 * sample's lead story, and the host is killed with SIGKILL at a random
 * moment mid-typing. Whatever the journal holds on disk then (it is
 * fsync'd) is what was journaled; the restarted host must offer it, and
 * Recover must bring back exactly that — checked by saving the recovered
 * edition and comparing its stories with the journal replayed on its base.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { parseJournal, replayJournal } from '../../shared/editing/journal-format';
import { applyOperation, type Operation } from '../../shared/model/operations';
import type { Edition } from '../../shared/model/types';
import { readFolio, writeFolio } from '../../main/storage';
import { loadSampleEdition } from '../../main/sample';
import { launchBrowser } from '../e2e/support/browser';
import { Random } from './random';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface TypingKillOptions {
  rounds: number;
  seed: number;
  log?: (line: string) => void;
}

export interface TypingKillFigures {
  rounds: number;
  /** Rounds whose recovered stories equal the journal replayed, exactly (including rounds with nothing to recover). */
  recoveredExactly: number;
  mismatches: { round: number; what: string }[];
  /** Characters typed before the kill, and of those, journaled. */
  typed: number;
  journaled: number;
  /** The most characters typed in the moments before a kill that had not reached the journal yet. */
  mostUnjournaled: number;
  /** Journals whose last line the kill cut in half (the reader drops it). */
  tornTails: number;
  /** Rounds where the user's own file was written before they saved. */
  fileWritten: number;
  seconds: number;
}

const WORDS = ['Journal', 'edition', 'page', 'proof', 'kill', 'nine', 'recovery', 'column', 'headline'];
const PHRASES = ['不丢失', '本报讯', '记者', '示范区', '智慧岛', '新时代', '排版', '校对'];

function startHost(dataDir: string, edition: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env };
  delete env.FOLIO_DATA_DIR; // the data folder comes from --data-dir alone
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'main', 'web', 'serve.ts'),
    '--no-open',
    '--no-build',
    '--data-dir',
    dataDir,
    edition,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).once('line', (url) => resolvePromise({ url, child }));
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${errors.trim()}`)));
    setTimeout(() => reject(new Error(`the host printed nothing in 90 s: ${errors.trim()}`)), 90_000).unref();
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

/** Opens the app and waits for its first page and its answer on recovery; returns how many entries it offers. */
async function openApp(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.painted === 'true', null, { timeout: 90_000 });
  const checked = page.getByTestId('recovery-checked');
  await checked.waitFor({ state: 'attached', timeout: 60_000 });
  return Number(await checked.getAttribute('data-offered'));
}

async function leadStoryFrame(page: Page): Promise<string> {
  const ids = await page
    .getByTestId('page-1')
    .locator('[data-frame-id]:not([data-master])')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-frame-id')!));
  for (const id of ids)
    if ((await page.getByTestId(`frame-${id}`).textContent())?.includes('智慧岛')) return id;
  throw new Error('the lead story is not on page 1');
}

interface Journaled {
  ops: Operation[];
  base: Edition;
  torn: boolean;
}

async function journals(dataDir: string): Promise<Journaled[]> {
  const folder = join(dataDir, 'recovery');
  const names = await readdir(folder).catch(() => [] as string[]);
  const found: Journaled[] = [];
  for (const name of names.filter((n) => n.endsWith('.folio-journal'))) {
    const journal = parseJournal(await readFile(join(folder, name), 'utf8'), name);
    found.push({
      ops: journal.ops as Operation[],
      base: journal.begin.base as unknown as Edition,
      torn: journal.truncatedTail,
    });
  }
  return found;
}

const storyTexts = (edition: Edition) =>
  Object.fromEntries(
    Object.values(edition.stories).map((s) => [
      s.id,
      s.blocks.map((b) => b.children.map((c) => c.text).join('')),
    ]),
  );

const insertedText = (ops: Operation[]) =>
  ops.map((op) => (op.type === 'insert_text' ? op.text : '')).join('');

export async function runTypingKills(options: TypingKillOptions): Promise<TypingKillFigures> {
  const log = options.log ?? (() => undefined);
  const began = performance.now();
  const figures: TypingKillFigures = {
    rounds: 0,
    recoveredExactly: 0,
    mismatches: [],
    typed: 0,
    journaled: 0,
    mostUnjournaled: 0,
    tornTails: 0,
    fileWritten: 0,
    seconds: 0,
  };
  const sample = await loadSampleEdition();
  const browser: BrowserContext = await launchBrowser({
    locale: 'en-US',
    viewport: { width: 1600, height: 1000 },
  });
  const hosts: ChildProcess[] = [];
  const folders: string[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const r = Random.forCase(options.seed, round, 3);
      const dataDir = await mkdtemp(join(tmpdir(), 'folio-fuzz-data-'));
      const desk = await mkdtemp(join(tmpdir(), 'folio-fuzz-desk-'));
      folders.push(dataDir, desk);
      const file = join(desk, 'front.folio');
      await writeFolio(file, sample.edition, sample.assets);
      const hash = async () =>
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex');
      const original = await hash();

      // Typing, and a kill -9 at a random moment of it.
      const first = await startHost(dataDir, file);
      hosts.push(first.child);
      const page = await browser.newPage();
      const offeredAtStart = await openApp(page, first.url);
      if (offeredAtStart !== 0)
        figures.mismatches.push({ round, what: `a fresh data folder offered ${offeredAtStart} recoveries` });
      const lead = await leadStoryFrame(page);
      const box = (await page.getByTestId(`frame-${lead}`).boundingBox())!;
      await page.mouse.dblclick(
        box.x + box.width * (0.1 + r.next() * 0.6),
        box.y + box.height * (0.2 + r.next() * 0.6),
      );
      await page.getByTestId('story-editor-text').waitFor();
      let typed = '';
      let killed = false;
      const killAt = 300 + r.next() * 4000;
      const killer = (async () => {
        await new Promise((done) => setTimeout(done, killAt));
        killed = true;
        await stop(first.child, 'SIGKILL');
      })();
      while (!killed) {
        const chunk = r.chance(0.5) ? `${r.pick(WORDS)} ` : r.pick(PHRASES);
        if (/^[\x20-\x7e]+$/.test(chunk)) await page.keyboard.type(chunk, { delay: r.int(5, 40) });
        else await page.keyboard.insertText(chunk);
        typed += chunk;
        if (typed.length > 2000) break;
      }
      await killer;
      await page.close();
      figures.typed += typed.length;

      // What the journal holds on disk is what was journaled.
      const onDisk = (await journals(dataDir)).filter((j) => j.ops.length > 0);
      if (onDisk.some((j) => j.torn)) figures.tornTails++;
      if ((await hash()) !== original) figures.fileWritten++;
      const journal = onDisk[0];
      const journaledText = journal ? insertedText(journal.ops) : '';
      figures.journaled += journaledText.length;
      figures.mostUnjournaled = Math.max(figures.mostUnjournaled, typed.length - journaledText.length);
      if (!typed.startsWith(journaledText))
        figures.mismatches.push({
          round,
          what: `the journal holds "${journaledText.slice(0, 40)}…", not the start of what was typed`,
        });
      if (onDisk.length > 1)
        figures.mismatches.push({ round, what: `${onDisk.length} journals with changes for one session` });

      // Restart: recover, save, and compare with the journal replayed.
      const second = await startHost(dataDir, file);
      hosts.push(second.child);
      const again = await browser.newPage();
      const offered = await openApp(again, second.url);
      if (!journal) {
        if (offered !== 0)
          figures.mismatches.push({
            round,
            what: `nothing was journaled, yet ${offered} recoveries were offered`,
          });
        else figures.recoveredExactly++;
      } else if (offered !== 1) {
        figures.mismatches.push({
          round,
          what: `a journal of ${journal.ops.length} changes, and ${offered} recoveries offered`,
        });
      } else {
        await again.getByTestId('recover').click();
        await again.getByTestId('recovery-prompt').waitFor({ state: 'detached' });
        await again.getByTestId('menu-file').click();
        await again.getByTestId('command-file.save').click();
        await again.waitForFunction(() => !document.body.textContent?.includes('Unsaved changes'), null, {
          timeout: 30_000,
        });
        const expected = replayJournal(journal.base, journal.ops, (e, op) => applyOperation(e, op).edition);
        const saved = (await readFolio(file)).edition;
        if (expected.error) figures.mismatches.push({ round, what: expected.error });
        else if (JSON.stringify(storyTexts(saved)) !== JSON.stringify(storyTexts(expected.edition)))
          figures.mismatches.push({ round, what: 'the recovered stories differ from the journal replayed' });
        else figures.recoveredExactly++;
      }
      await again.close();
      await stop(second.child, 'SIGTERM');
      figures.rounds++;
      log(
        `  typing round ${round}: killed after ${Math.round(killAt)} ms, ${typed.length} characters typed, ${journaledText.length} journaled`,
      );
    }
  } finally {
    await browser.close();
    for (const host of hosts) await stop(host, 'SIGKILL');
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }
  figures.seconds = (performance.now() - began) / 1000;
  return figures;
}
