/**
 * `folio info <file>` as a child process, the way a user runs it: it must
 * exit 0 for a file that opens, or 2 with exactly one line on stderr —
 * `folio info: <file>: <what is wrong>`, the same words the app shows —
 * and never print a stack, exit 1, die of a signal or hang.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'folio.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function runFolioInfo(path: string, timeoutMs: number): Promise<CliRun> {
  const started = performance.now();
  const env = { ...process.env };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, [BIN, 'info', path], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((done) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

/**
 * Why a run's result is wrong for a file the in-process open `opened` or
 * refused with `detail`, or null when the CLI behaved.
 */
export function cliProblem(
  run: CliRun,
  path: string,
  opened: boolean,
  detail: string | undefined,
): string | null {
  if (run.timedOut) return `still running after the time limit`;
  if (run.signal) return `died of ${run.signal}`;
  if (opened) {
    if (run.code !== 0) return `exit ${run.code} for a file that opens: ${run.stderr.trim().split('\n')[0]}`;
    if (!run.stdout.includes('Pages:')) return 'exit 0 without the description';
    return null;
  }
  if (run.code !== 2)
    return `exit ${run.code} (not the clear-error exit 2): ${run.stderr.trim().split('\n')[0]}`;
  const lines = run.stderr.trimEnd().split('\n');
  if (lines.length !== 1) return `${lines.length} lines on stderr`;
  const expected = `folio info: ${path}: ${detail}`;
  if (lines[0] !== expected) return `says "${lines[0]}", the app says "${expected}"`;
  if (run.stdout.trim()) return 'printed to stdout as well';
  return null;
}
