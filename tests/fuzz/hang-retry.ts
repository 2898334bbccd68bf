/**
 * The second look at an open that overran the watchdog: the same file,
 * opened in a process of its own (open-once.ts), judged by the CPU time the
 * open itself took. A real hang needs the time on any machine; an open that
 * waited for a core on a machine shared with other work does not.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OpenResult } from './open-protocol';

const SCRIPT = fileURLToPath(new URL('./open-once.ts', import.meta.url));

export function openAlone(path: string, limitMs: number): Promise<OpenResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, path], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Generous: the limit is on CPU time, and a busy machine stretches wall time many times over.
  const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(60_000, limitMs * 30));
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const fail = (outcome: 'hang' | 'crash', message: string): OpenResult => ({
        id: 0,
        outcome,
        ms: 0,
        writes: [],
        message,
      });
      if (signal === 'SIGKILL')
        return resolve(fail('hang', `still opening after ${Math.max(60, (limitMs * 30) / 1000)} s alone`));
      try {
        const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as OpenResult;
        if ((result.cpuMs ?? 0) > limitMs)
          resolve({
            ...result,
            outcome: 'hang',
            message: `took ${Math.round(result.cpuMs!)} ms of CPU time alone`,
          });
        else resolve(result);
      } catch {
        resolve(
          fail('crash', `the open process exited with ${code ?? signal}: ${stderr.trim().split('\n')[0]}`),
        );
      }
    });
  });
}
