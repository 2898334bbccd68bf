/**
 * Editions as files, the way a user meets them: `npm run web page.folio`
 * opens that file (its name in the title), Save As writes a new .folio that
 * reads back the same, and a path that does not exist gets one clear line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleEdition } from '../../main/sample';
import { readFolio, writeFolio } from '../../main/storage';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { ROOT, startHostProcess, type HostProcess } from './support/web-host';

describe('editions as files in the browser host', () => {
  const folder = mkdtempSync(join(tmpdir(), 'folio-files-'));
  const original = join(folder, '示范区新闻.folio');
  let host: HostProcess;
  let browser: BrowserContext;
  let app: AppPage;

  beforeAll(async () => {
    const sample = await loadSampleEdition();
    await writeFolio(original, sample.edition, sample.assets);
    host = await startHostProcess([original]);
    browser = await launchBrowser();
    app = new AppPage(await browser.newPage());
    await app.open(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('opens the edition named on the command line, with its file name as the title', async () => {
    await expect.poll(() => app.page.title()).toContain('示范区新闻');
    expect(await app.canvas.pageView(1).locator('text.glyph-run').count()).toBeGreaterThan(10);
  });

  it('saves a copy with File → Save As, which reads back as the same edition', async () => {
    const copy = join(folder, 'copy.folio');
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(copy);
    await expect
      .poll(() => app.notices(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(copy)]));
    expect(existsSync(copy)).toBe(true);
    const [before, after] = await Promise.all([readFolio(original), readFolio(copy)]);
    expect(after.edition).toEqual(before.edition);
    expect([...after.assets.keys()].sort()).toEqual([...before.assets.keys()].sort());
    await expect.poll(() => app.page.title()).toContain('copy');
  });

  it('says in one line that an edition path does not exist', () => {
    const missing = join(folder, 'nope.folio');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'main', 'web', 'serve.ts'), '--no-open', '--no-build', missing],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`folio web: ${missing}: no such file`);
  });
});
