/**
 * Finds the Electron binary without side effects. `require('electron')`
 * downloads the binary when it is missing (Electron ≥ 45 does so at first
 * launch) and prints a stack when the download fails; `npm start` and the
 * Electron test need a quiet yes/no instead, and one line saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** The folder of the installed `electron` package, or null when it is not installed. */
function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary named by the package's path.txt, when it is on disk. Never downloads. */
export function findElectronBinary(): ElectronBinary {
  const dir = electronPackageDir();
  if (!dir) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'the binary has not been downloaded' };
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `${binary} is missing` };
}

/**
 * Runs Electron's own installer (the download `require('electron')` would
 * start), with its output captured, and reports the binary or the first line
 * of the installer's error (e.g. `getaddrinfo ENOTFOUND github.com`).
 */
export function downloadElectronBinary(timeoutMs = 120_000): ElectronBinary {
  const dir = electronPackageDir();
  if (!dir) return { ok: false, reason: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return findElectronBinary();
  if (result.error) return { ok: false, reason: `the download did not finish (${result.error.message})` };
  const firstLine = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0 && !line.startsWith('at '));
  const cause = firstLine?.replace(/^\w*Error: /, '') ?? `exit code ${result.status}`;
  return { ok: false, reason: `the binary could not be downloaded (${cause})` };
}
