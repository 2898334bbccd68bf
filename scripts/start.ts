/**
 * `npm start`: builds Folio and opens it in Electron on the sample edition
 * (or the edition named on the command line). Where the Electron binary is
 * missing and cannot be downloaded, or Electron cannot start (no display, a
 * missing system library), it says so in one line and serves the same
 * renderer and services through the browser host instead.
 * Usage: `npm start [-- edition.folio] [--no-build] [--no-open]`.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, buildRenderer } from './build';
import { downloadElectronBinary, findElectronBinary } from './electron-binary';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Electron that exits within this time with an error did not start (rather than being closed by the user). */
const STARTUP_GRACE_MS = 5_000;

function startWebHost(args: string[], why: string): void {
  console.error(`folio: Electron ${why}; opening the same app in your browser instead (npm run web).`);
  const dataDir = process.env.FOLIO_DATA_DIR
    ? resolve(process.env.FOLIO_DATA_DIR)
    : join(homedir(), '.folio');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'main', 'web', 'serve.ts'),
      '--no-build',
      '--preferences',
      join(dataDir, 'preferences.json'),
      ...args,
    ],
    { stdio: 'inherit', cwd: root },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 1));
}

function startElectron(binary: string, args: string[]): void {
  const startedAt = Date.now();
  let output = '';
  const child = spawn(binary, [root, ...args], { stdio: ['ignore', 'inherit', 'pipe'], cwd: root });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => startWebHost(args, `could not be started (${error.message})`));
  child.on('exit', (code, signal) => {
    const failedAtStart = (code !== 0 || signal !== null) && Date.now() - startedAt < STARTUP_GRACE_MS;
    if (!failedAtStart) process.exit(code ?? 0);
    const firstLine = output
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim();
    startWebHost(
      args,
      `could not start (${firstLine ?? (signal ? `signal ${signal}` : `exit code ${code}`)})`,
    );
  });
}

async function main(): Promise<void> {
  // `--no-build` is start's own (tests run it on the already-built renderer); the rest goes to the app.
  const build = !process.argv.includes('--no-build');
  const args = process.argv.slice(2).filter((arg) => arg !== '--no-build');
  if (build) await Promise.all([buildRenderer({ quiet: true }), buildMain({ quiet: true })]);
  let binary = findElectronBinary();
  if (!binary.ok) binary = downloadElectronBinary();
  if (binary.ok) startElectron(binary.path, args);
  else startWebHost(args, `cannot start here: ${binary.reason}`);
}

main().catch((error: unknown) => {
  console.error(`folio: ${(error as Error).message}`);
  process.exit(1);
});
