/**
 * `npm run fuzz [-- options]`: reliability figures for Folio's file handling.
 *
 *   --files N     damaged or hostile .folio files to open (default 10000)
 *   --seed S      the run's seed (default 1): the same seed makes the same files
 *   --case I,J    open only these cases (to reproduce a finding)
 *   --cli N       how many of the files `folio info` also opens as a child (default 60)
 *   --workers N   open workers (default 2)
 *   --hang-ms N   an open taking longer is a hang (default 2000)
 *   --keep DIR    copy the files of failing cases to DIR
 *   --kinds       also print every message kind and the outcome by kind of damage
 *
 * Exits 1 when any figure that must be 0 is not.
 */
import { parseArgs } from 'node:util';
import { runFileFuzz } from './file-fuzz';
import { fileRows, findingLines, formatTable } from './figures-table';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    case: { type: 'string' },
    cli: { type: 'string', default: '60' },
    workers: { type: 'string', default: '2' },
    'hang-ms': { type: 'string', default: '2000' },
    keep: { type: 'string' },
    kinds: { type: 'boolean', default: false },
  },
});

const number = (name: string, text: string) => {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`fuzz: --${name} wants a whole number, not "${text}"`);
    process.exit(2);
  }
  return v;
};

const seed = number('seed', values.seed);
console.log(`Folio fuzz, seed ${seed}`);
const files = await runFileFuzz({
  files: number('files', values.files),
  seed,
  workers: Math.max(1, number('workers', values.workers)),
  cliSample: number('cli', values.cli),
  hangMs: number('hang-ms', values['hang-ms']),
  keepDir: values.keep,
  only: values.case?.split(',').map((c) => number('case', c.trim())),
  log: (line) => console.log(line),
});
const rows = fileRows(files);
console.log('');
console.log(formatTable(`Damaged files (${files.seconds.toFixed(0)} s)`, rows));
for (const [title, list] of [
  ['crashes', files.crashes],
  ['hangs', files.hangs],
  ['writes', files.writes],
  ['unclear messages', files.unclear],
  ['wrong outcomes', files.wrongOutcome],
  ['folio info failures', files.cli.failures],
] as const)
  for (const line of findingLines(title, list)) console.log(line);
console.log(`slowest open: ${files.slowest}`);
if (files.slowOnce.length > 0)
  console.log(
    `note: ${files.slowOnce.length} opens overran once on the busy machine and finished in time when retried alone`,
  );
if (values.kinds || values.case) {
  console.log('\nMessage kinds:');
  for (const [kind, count] of [...files.messageKinds].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(count).padStart(6)}  ${kind}`);
  console.log('\nBy kind of damage (files / opened / refused / failed):');
  for (const [kind, t] of [...files.byKind].sort())
    console.log(`  ${kind.padEnd(28)} ${t.files} / ${t.opened} / ${t.refused} / ${t.failed}`);
}
const failed = rows.some((r) => r.ok === false);
process.exitCode = failed ? 1 : 0;
