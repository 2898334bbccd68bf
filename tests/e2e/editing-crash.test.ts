/**
 * Nothing journaled is lost when the app is killed: the browser host runs
 * as a child process (`npm run web`), the user edits a story, the process
 * is killed with SIGKILL mid-session, and the next start offers to recover
 * the edition with every edit that had reached the journal — and the
 * user's own .folio file is never written by the journal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../shared/editing/journal-format';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { assertRendererBuilt, ROOT } from './support/web-host';
import { fixtureEdition } from './support/fixture-edition';
import { editionBackend } from '../../main/services/edition-backend';

/** Starts `npm run web --no-open --no-build` (via tsx, as npm would) on a data folder; resolves with its URL. */
async function startHost(dataDir: string, edition: string): Promise<{ url: string; child: ChildProcess }> {
  assertRendererBuilt();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main', 'web', 'serve.ts'), '--no-open', '--no-build', edition],
    { cwd: ROOT, env: { ...process.env, FOLIO_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${errors.trim()}`)));
    setTimeout(() => reject(new Error(`the host printed nothing in 60 s: ${errors.trim()}`)), 60_000).unref();
  });
  return { url, child };
}

function journalFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'recovery');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.folio-journal'))
        .map((name) => join(dir, name))
    : [];
}

/** Text inserted by the journaled operations (what a recovery must bring back). */
function journaledText(dataDir: string): string {
  let text = '';
  for (const file of journalFiles(dataDir)) {
    const journal = parseJournal(readFileSync(file, 'utf8'), file);
    for (const op of journal.ops as { type: string; text?: string }[])
      if (op.type === 'insert_text') text += op.text;
  }
  return text;
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

describe('crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-crash-'));
  const children: ChildProcess[] = [];
  let browser: BrowserContext | undefined;

  afterAll(async () => {
    await browser?.close();
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('recovers every journaled edit after the host is killed with SIGKILL', async () => {
    // The user's own file: the journal never writes to it.
    const edition = join(mkdtempSync(join(tmpdir(), 'folio-crash-file-')), 'front.folio');
    await editionBackend.write(edition, fixtureEdition(), new Map());
    const hash = () => createHash('sha256').update(readFileSync(edition)).digest('hex');
    const original = hash();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    const first = await startHost(dataDir, edition);
    children.push(first.child);
    const page = await browser.newPage();
    await new AppPage(page).open(first.url);
    const lead = await leadStoryFrame(page);
    const box = (await page.getByTestId(`frame-${lead}`).boundingBox())!;
    await page.mouse.dblclick(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.getByTestId('story-editor-text').waitFor();
    await page.keyboard.type('Journal ');
    await page.keyboard.insertText('不丢失');
    // The journal promises every edit reaches disk within two seconds.
    await expect.poll(() => journaledText(dataDir), { timeout: 2_500, interval: 100 }).toContain('不丢失');
    const journaled = journaledText(dataDir);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await page.close();

    const second = await startHost(dataDir, edition);
    children.push(second.child);
    const again = await browser.newPage();
    await new AppPage(again).open(second.url);
    await again.getByTestId('recovery-prompt').waitFor();
    expect(await again.getByTestId('recovery-item').count()).toBe(1);
    await again.getByTestId('recover').click();
    await again.getByTestId('recovery-prompt').waitFor({ state: 'detached' });
    const recoveredLead = await leadStoryFrame(again);
    await expect
      .poll(async () => (await again.getByTestId(`frame-${recoveredLead}`).textContent()) ?? '', {
        timeout: 10_000,
      })
      .toContain('Journal 不丢失');
    for (const piece of journaled.split(' ')) {
      expect(await again.getByTestId(`frame-${recoveredLead}`).textContent()).toContain(piece);
    }
    expect(await again.getByText('Unsaved changes').count()).toBe(1);
    expect(await again.getByTestId('recovery-prompt').count()).toBe(0);
    expect(hash()).toBe(original);
    // The crashed session's journal goes once the recovered document has its own.
    await expect.poll(() => journalFiles(dataDir).length, { timeout: 10_000 }).toBe(1);
    second.child.kill('SIGTERM');
  });
});
