/**
 * `tsx open-once.ts <file>`: opens one file in a process of its own and
 * prints the result as JSON, with the CPU time the open took. The fuzz
 * retries a suspected hang this way: on a machine busy with other work a
 * wall clock overruns, but a hang is an open that itself needs the time.
 */
import { installWriteGuard } from './write-guard';

const guard = installWriteGuard();
const { openFile } = await import('./open-file');
const result = await openFile(0, process.argv[2], guard);
process.stdout.write(`${JSON.stringify(result)}\n`);
