/**
 * The desktop app itself, launched with `_electron.launch` and a fresh
 * profile, as Joplin's and VS Code's suites do. It runs wherever the
 * Electron binary exists; here (the binary cannot be downloaded) it prints
 * why it is skipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildMain } from '../../scripts/build';
import { findElectronBinary } from '../../scripts/electron-binary';
import { ROOT } from './support/web-host';

// Found without `require('electron')`, which would try to download the binary and print a stack.
const found = findElectronBinary();
const binary = found.ok ? found.path : null;
if (!found.ok)
  console.log(
    `skipped: no Electron binary (${found.reason}; the Electron end-to-end test runs where it can be installed)`,
  );

describe('Folio in Electron', () => {
  it.skipIf(!binary)('opens the sample edition in a locked-down window and paints it', async () => {
    await buildMain({ quiet: true });
    const profile = mkdtempSync(join(tmpdir(), 'folio-electron-'));
    const app = await _electron.launch({
      executablePath: binary!,
      args: [ROOT, `--user-data-dir=${profile}`],
      cwd: ROOT,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForFunction(() => document.body.dataset.painted !== undefined, null, {
        timeout: 60_000,
      });
      expect(await page.evaluate(() => document.body.dataset.painted)).toBe('true');
      expect(await page.getByTestId('page-1').count()).toBe(1);
      // The renderer sees one bridge object and no Node.
      expect(
        await page.evaluate(() => Object.keys((window as unknown as { folio: object }).folio).sort()),
      ).toEqual(['invoke', 'onCommand', 'pathForFile']);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      const preferences = await app.evaluate(({ BrowserWindow }) =>
        (
          BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): unknown }
        ).getLastWebPreferences(),
      );
      expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // Navigation away and new windows are refused.
      await page.evaluate(() => void globalThis.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);
      const menu = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()?.items.map((item) => item.label),
      );
      expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    } finally {
      await app.close();
    }
  });
});
