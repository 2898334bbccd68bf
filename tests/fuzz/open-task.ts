/**
 * The open worker: opens one .folio file at a time (open-file.ts) in a
 * worker thread, so the fuzz can kill it on a hang. The write guard goes in
 * before any Folio code is loaded.
 */
import { parentPort } from 'node:worker_threads';
import { installWriteGuard } from './write-guard';
import type { OpenRequest } from './open-protocol';

const guard = installWriteGuard();
const { openFile } = await import('./open-file');
const { writeFile } = await import('node:fs/promises');

/** Proves the guard holds for ES module imports too, before any result is trusted. */
async function selfTest(): Promise<string | null> {
  await writeFile('/nonexistent-folder/fuzz-guard-probe', 'x').catch(() => undefined);
  return guard.take().length === 1 ? null : 'the write guard does not see fs/promises writes';
}

process.on('unhandledRejection', (error) => {
  parentPort!.postMessage({ type: 'fatal', message: `unhandled rejection: ${String(error)}` });
});

const problem = await selfTest();
parentPort!.postMessage(problem ? { type: 'fatal', message: problem } : { type: 'ready' });
parentPort!.on('message', (request: OpenRequest) => {
  void openFile(request.id, request.path, guard).then((result) =>
    parentPort!.postMessage({ type: 'result', result }),
  );
});
