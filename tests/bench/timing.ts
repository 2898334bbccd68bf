/** The timing loop the benches share. */
import { stats } from './bench';

/**
 * Median milliseconds of `rounds` calls of `fn`, read on `clock`: wall time by
 * default; a bench of single-threaded work on a loaded machine may pass a CPU
 * clock instead.
 */
export function medianMs(
  fn: () => void,
  rounds: number,
  clock: () => number = () => performance.now(),
): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = clock();
    fn();
    samples.push(clock() - start);
  }
  return stats(samples).median;
}
