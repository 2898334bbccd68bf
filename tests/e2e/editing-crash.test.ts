/**
 * Crash recovery as a user meets it, with the browser host as a real child
 * process (`npm run web -- --data-dir …`) killed with SIGKILL:
 *
 * - a session that changed nothing leaves nothing to recover: no prompt;
 * - after typing and a kill, the next start shows exactly one prompt (even
 *   with two windows opening at once) with one entry — the file's name, the
 *   number of changes journaled, the story and the text typed; Recover
 *   brings back exactly what was journaled (checked in the saved file);
 * - after saving, a kill and a restart show no prompt;
 * - Discard removes the journal, and the next start shows no prompt.
 *
 * The user's own .folio file is never written by the journal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal, replayJournal } from '../../shared/editing/journal-format';
import { applyOperation, type Operation } from '../../shared/model/operations';
import type { Edition, Story } from '../../shared/model/types';
import { readFolio } from '../../main/storage';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { assertRendererBuilt, ROOT } from './support/web-host';
import { fixtureEdition } from './support/fixture-edition';
import { editionBackend } from '../../main/services/edition-backend';

const children: ChildProcess[] = [];

/** Starts `npm run web -- --no-open --no-build --data-dir <dir> <edition>` (via tsx, as npm would). */
async function startHost(dataDir: string, edition: string): Promise<{ url: string; child: ChildProcess }> {
  assertRendererBuilt();
  // The data folder comes from --data-dir alone.
  const env = { ...process.env };
  delete env.FOLIO_DATA_DIR;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'main', 'web', 'serve.ts'),
      '--no-open',
      '--no-build',
      '--data-dir',
      dataDir,
      edition,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${errors.trim()}`)));
    setTimeout(() => reject(new Error(`the host printed nothing in 60 s: ${errors.trim()}`)), 60_000).unref();
  });
  return { url, child };
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

function journalFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'recovery');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.folio-journal'))
        .map((name) => join(dir, name))
    : [];
}

/** The journals' operations, by session id. */
function journaled(dataDir: string): Map<string, { ops: Operation[]; base: Edition }> {
  const found = new Map<string, { ops: Operation[]; base: Edition }>();
  for (const file of journalFiles(dataDir)) {
    const journal = parseJournal(readFileSync(file, 'utf8'), file);
    found.set(journal.begin.sessionId, {
      ops: journal.ops as Operation[],
      base: journal.begin.base as unknown as Edition,
    });
  }
  return found;
}

/** The journal whose operations insert `text`. */
function journalTyping(dataDir: string, text: string): [string, { ops: Operation[]; base: Edition }] {
  const found = [...journaled(dataDir)].find(([, { ops }]) =>
    ops.some((op) => op.type === 'insert_text' && op.text.includes(text)),
  );
  if (!found) throw new Error(`no journal has "${text}"`);
  return found;
}

/** Text inserted by the journaled operations. */
function journaledText(dataDir: string): string {
  let text = '';
  for (const { ops } of journaled(dataDir).values())
    for (const op of ops) if (op.type === 'insert_text') text += op.text;
  return text;
}

const storyText = (story: Story) => story.blocks.map((b) => b.children.map((c) => c.text).join(''));

async function leadStoryFrame(page: Page): Promise<string> {
  const ids = await page
    .getByTestId('page-1')
    .locator('[data-frame-id]:not([data-master])')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-frame-id')!));
  for (const id of ids)
    if ((await page.getByTestId(`frame-${id}`).textContent())?.includes('智慧岛')) return id;
  throw new Error('the lead story is not on page 1');
}

/** Opens the app and waits until its recovery check has answered; returns how many entries it offered. */
async function openAndCheck(page: Page, url: string): Promise<number> {
  await new AppPage(page).open(url);
  const checked = page.getByTestId('recovery-checked');
  await checked.waitFor({ state: 'attached', timeout: 30_000 });
  return Number(await checked.getAttribute('data-offered'));
}

async function typeInLeadStory(page: Page, typed: () => Promise<void>): Promise<void> {
  const lead = await leadStoryFrame(page);
  const box = (await page.getByTestId(`frame-${lead}`).boundingBox())!;
  await page.mouse.dblclick(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.getByTestId('story-editor-text').waitFor();
  await typed();
}

describe('crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
  let browser: BrowserContext | undefined;

  afterAll(async () => {
    await browser?.close();
    for (const child of children) await kill9(child);
  });

  it('offers one honest prompt after a kill -9, none after a save, and removes a declined journal', async () => {
    // The user's own file: the journal never writes to it.
    const edition = join(mkdtempSync(join(tmpdir(), 'folio-crash-file-')), 'front.folio');
    await editionBackend.write(edition, fixtureEdition(), new Map());
    const hash = () => createHash('sha256').update(readFileSync(edition)).digest('hex');
    const original = hash();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });

    // 1. A session that changes nothing, killed: nothing to recover at the next start.
    const idle = await startHost(dataDir, edition);
    const idlePage = await browser.newPage();
    expect(await openAndCheck(idlePage, idle.url)).toBe(0);
    await expect.poll(() => journalFiles(dataDir).length, { timeout: 10_000 }).toBe(1);
    await kill9(idle.child);
    await idlePage.close();

    // 2. Typing, killed mid-session.
    const first = await startHost(dataDir, edition);
    const page = await browser.newPage();
    expect(await openAndCheck(page, first.url)).toBe(0);
    expect(await page.getByTestId('recovery-prompt').count()).toBe(0);
    // The idle session's journal was deleted at this start; this session has its own.
    await expect.poll(() => journalFiles(dataDir).length, { timeout: 10_000 }).toBe(1);
    await typeInLeadStory(page, async () => {
      await page.keyboard.type('Journal ');
      await page.keyboard.insertText('不丢失');
    });
    // The journal promises every edit reaches disk within two seconds (the wait allows for a loaded machine).
    await expect.poll(() => journaledText(dataDir), { timeout: 10_000, interval: 100 }).toContain('不丢失');
    const [crashedSession, crashed] = journalTyping(dataDir, '不丢失');
    await kill9(first.child);
    await page.close();

    // 3. The next start, two windows at once: one prompt, one entry, what was typed.
    const second = await startHost(dataDir, edition);
    const [one, two] = [await browser.newPage(), await browser.newPage()];
    const offered = await Promise.all([openAndCheck(one, second.url), openAndCheck(two, second.url)]);
    expect([...offered].sort()).toEqual([0, 1]);
    const prompted = offered[0] === 1 ? one : two;
    const other = prompted === one ? two : one;
    expect(await other.getByTestId('recovery-prompt').count()).toBe(0);
    await other.close();
    const items = prompted.getByTestId('recovery-item');
    expect(await items.count()).toBe(1);
    expect(await items.getAttribute('data-session')).toBe(crashedSession);
    expect(await prompted.getByTestId('recovery-file').textContent()).toBe('front.folio');
    expect(await prompted.getByTestId('recovery-count').textContent()).toContain(
      `Changes: ${crashed.ops.length}`,
    );
    expect(await prompted.getByTestId('recovery-stories').textContent()).toContain('稿件 1');
    expect(await prompted.getByTestId('recovery-excerpt').textContent()).toContain('Journal 不丢失');
    await prompted.getByTestId('recover').click();
    await prompted.getByTestId('recovery-prompt').waitFor({ state: 'detached' });
    const recoveredLead = await leadStoryFrame(prompted);
    await expect
      .poll(async () => (await prompted.getByTestId(`frame-${recoveredLead}`).textContent()) ?? '', {
        timeout: 10_000,
      })
      .toContain('Journal 不丢失');
    expect(await prompted.getByText('Unsaved changes').count()).toBe(1);
    expect(hash()).toBe(original);
    // The crashed session's journal goes once the recovered document's journal carries it on.
    // (The other windows' journals close meanwhile: wait for the end state, not for a count alone.)
    const carried = () => {
      const sessions = [...journaled(dataDir).keys()];
      return sessions.length === 1 && sessions[0] !== crashedSession;
    };
    await expect.poll(carried, { timeout: 10_000 }).toBe(true);
    expect(journaled(dataDir).values().next().value!.ops.length).toBe(crashed.ops.length);

    // 4. Save, then kill: the saved file has exactly what was journaled; the next start has no prompt.
    await new AppPage(prompted).menu.choose('file', 'file.save');
    await expect.poll(() => prompted.getByText('Unsaved changes').count(), { timeout: 10_000 }).toBe(0);
    const expected = replayJournal(crashed.base, crashed.ops, (e, op) => applyOperation(e, op).edition);
    expect(expected.error).toBeNull();
    const saved = (await readFolio(edition)).edition;
    expect(storyText(saved.stories['story-1'])).toEqual(storyText(expected.edition.stories['story-1']));
    await kill9(second.child);
    await prompted.close();

    const third = await startHost(dataDir, edition);
    const afterSave = await browser.newPage();
    expect(await openAndCheck(afterSave, third.url)).toBe(0);
    expect(await afterSave.getByTestId('recovery-prompt').count()).toBe(0);

    // 5. Typing again, killed; at the next start the user declines: the journal goes, no prompt after.
    await typeInLeadStory(afterSave, () => afterSave.keyboard.insertText('丢弃'));
    await expect.poll(() => journaledText(dataDir), { timeout: 10_000, interval: 100 }).toContain('丢弃');
    const [declinedSession] = journalTyping(dataDir, '丢弃');
    await kill9(third.child);
    await afterSave.close();

    const fourth = await startHost(dataDir, edition);
    const declining = await browser.newPage();
    expect(await openAndCheck(declining, fourth.url)).toBe(1);
    expect(await declining.getByTestId('recovery-excerpt').textContent()).toContain('丢弃');
    await declining.getByTestId('discard-recovery').click();
    await declining.getByTestId('recovery-prompt').waitFor({ state: 'detached' });
    expect(existsSync(join(dataDir, 'recovery', `${declinedSession}.folio-journal`))).toBe(false);
    expect(journalFiles(dataDir)).toHaveLength(1); // this window's own, live journal
    await kill9(fourth.child);
    await declining.close();

    const fifth = await startHost(dataDir, edition);
    const last = await browser.newPage();
    expect(await openAndCheck(last, fifth.url)).toBe(0);
    expect(await last.getByTestId('recovery-prompt').count()).toBe(0);
    // What the user saved in step 4 is what opens; the declined typing is gone.
    const lead = await leadStoryFrame(last);
    const text = (await last.getByTestId(`frame-${lead}`).textContent()) ?? '';
    expect(text).toContain('Journal 不丢失');
    expect(text).not.toContain('丢弃');
    await kill9(fifth.child);
  }, 300_000);
});
