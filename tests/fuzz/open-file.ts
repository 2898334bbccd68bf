/**
 * Opening one file the way the app and the CLI do — main/storage's
 * readFolio (zip reader, JSON, migrations, validateEdition, asset bytes) —
 * then what they do next with an opened edition (`folio info`'s
 * description, serialising it for the window). Used by the open worker and
 * by the retry of a suspected hang. Install the write guard first.
 */
import { readFolio, FolioFileError } from '../../main/storage';
import { describeEdition } from '../../main/cli/commands/info';
import { validateEdition } from '../../shared/model/validate';
import type { OpenResult } from './open-protocol';
import type { WriteGuard } from './write-guard';

function firstLines(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}

export async function openFile(id: number, path: string, guard: WriteGuard): Promise<OpenResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const took = () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  const done = (result: Omit<OpenResult, 'id' | 'ms' | 'cpuMs' | 'writes'>, time = took()): OpenResult => ({
    id,
    ...time,
    writes: guard.take(),
    ...result,
  });
  try {
    const { edition } = await readFolio(path);
    describeEdition(path, edition);
    JSON.stringify(edition);
    // The open's own time; the check below is the fuzz's oracle, not the app's work.
    const time = took();
    if (!validateEdition(edition).ok)
      return done({ outcome: 'crash', message: 'readFolio returned an invalid edition' }, time);
    return done({ outcome: 'opened' }, time);
  } catch (error) {
    if (error instanceof FolioFileError)
      return done({
        outcome: 'refused',
        problem: error.problem,
        message: error.message,
        detail: error.detail,
      });
    return done({ outcome: 'crash', message: firstLines(error) });
  }
}
