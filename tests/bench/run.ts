/**
 * `npm run bench`: runs every tests/bench/*.bench.ts and prints its figures.
 * The machine is shared and noisy, so figures that matter are ratios against
 * a baseline measured in the same run. `npm run bench -- <filter>` runs the
 * benches whose file name contains the filter.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './bench';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();

function format(result: BenchResult): string {
  let line = `  ${result.name}: ${result.value.toFixed(2)} ${result.unit}`;
  if (result.baseline) {
    const ratio = result.baseline.value / result.value;
    line += ` (baseline ${result.baseline.name}: ${result.baseline.value.toFixed(2)} ${result.unit}; ${ratio.toFixed(2)}×)`;
  }
  if (result.goal) line += ` goal ${result.goal}: ${result.met ? 'met' : 'NOT met'}`;
  return line;
}

let failures = 0;
for (const file of files) {
  const { bench } = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  console.log(`${bench.title} (${file})`);
  try {
    for (const result of await bench.run()) console.log(format(result));
  } catch (error) {
    failures++;
    console.log(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failures ? 1 : 0;
