/**
 * `npm start` on a machine without the Electron binary (this one): one line
 * says why, and the same app is served through the browser host instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary';
import { assertRendererBuilt, ROOT } from './support/web-host';

const electron = findElectronBinary();
if (electron.ok) console.log('skipped: the Electron binary is installed here, so npm start opens Electron');

describe('npm start without Electron', () => {
  it.skipIf(electron.ok)(
    'says so in one line and serves the app through the web host',
    async () => {
      assertRendererBuilt();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts'), '--no-build', '--no-open'],
        {
          cwd: ROOT,
          env: { ...process.env, FOLIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'folio-start-')) },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${errors}`)));
        });
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\w+$/);
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const lines = errors.split('\n').filter((line) => line.trim().length > 0);
        const electronLines = lines.filter((line) => line.includes('Electron'));
        expect(electronLines).toHaveLength(1);
        expect(electronLines[0]).toMatch(
          /^folio: Electron cannot start here: .+; opening the same app in your browser instead/,
        );
        // No stack trace from Electron's installer.
        expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
      } finally {
        child.kill('SIGTERM');
      }
    },
    60_000,
  );
});
