/**
 * `npm run fuzz [-- options]`: Folio's reliability figures.
 *
 *   --files N     damaged or hostile .folio files to open (default 10000)
 *   --kills N     kill -9 during save (default 100)
 *   --typing N    kill -9 of the web host while typing, then recover (default 5)
 *   --seed S      the run's seed (default 1): the same seed makes the same files and kills
 *   --case I,J    open only these file cases (to reproduce a finding; skips the other parts)
 *   --cli N       how many of the files `folio info` also opens as a child (default 60)
 *   --workers N   open workers (default 2)
 *   --hang-ms N   an open taking longer is a hang (default 2000)
 *   --keep DIR    copy the files of failing cases to DIR
 *   --kinds       also print every message kind and the outcome by kind of damage
 *
 * Prints the figures as tables; exits 1 when any figure that must be 0 is not.
 */
import { parseArgs } from 'node:util';
import { buildRenderer } from '../../scripts/build';
import { runFileFuzz } from './file-fuzz';
import { fileRows, findingLines, formatTable, type Row, saveRows, typingRows } from './figures-table';
import { runSaveKills } from './save-kill';
import { runTypingKills } from './typing-kill';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    kills: { type: 'string', default: '100' },
    typing: { type: 'string', default: '5' },
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
const only = values.case?.split(',').map((c) => number('case', c.trim()));
const counts = {
  files: only ? only.length : number('files', values.files),
  kills: only ? 0 : number('kills', values.kills),
  typing: only ? 0 : number('typing', values.typing),
};
const began = performance.now();
const log = (line: string) => console.log(line);
const tables: string[] = [];
const allRows: Row[] = [];
console.log(
  `Folio fuzz, seed ${seed}: ${counts.files} files, ${counts.kills} kills during save, ${counts.typing} kills while typing`,
);

if (counts.files > 0) {
  const files = await runFileFuzz({
    files: counts.files,
    seed,
    workers: Math.max(1, number('workers', values.workers)),
    cliSample: number('cli', values.cli),
    hangMs: number('hang-ms', values['hang-ms']),
    keepDir: values.keep,
    only,
    log,
  });
  const rows = fileRows(files);
  allRows.push(...rows);
  const lines = [formatTable(`Damaged and hostile files (${files.seconds.toFixed(0)} s)`, rows)];
  for (const [title, list] of [
    ['crashes', files.crashes],
    ['hangs', files.hangs],
    ['writes', files.writes],
    ['unclear messages', files.unclear],
    ['wrong outcomes', files.wrongOutcome],
    ['folio info failures', files.cli.failures],
  ] as const)
    lines.push(...findingLines(title, list));
  lines.push(`slowest open: ${files.slowest}`);
  if (files.slowOnce.length > 0)
    lines.push(
      `${files.slowOnce.length} open(s) overran the watchdog on the busy machine and needed ` +
        `${files.slowOnce.map((s) => `${Math.round(s.retryMs)} ms`).join(', ')} of CPU time when retried alone`,
    );
  if (values.kinds || only) {
    lines.push('', 'Message kinds:');
    for (const [kind, count] of [...files.messageKinds].sort((a, b) => b[1] - a[1]))
      lines.push(`  ${String(count).padStart(6)}  ${kind}`);
    lines.push('', 'By kind of damage (files / opened / refused / failed):');
    for (const [kind, t] of [...files.byKind].sort())
      lines.push(`  ${kind.padEnd(28)} ${t.files} / ${t.opened} / ${t.refused} / ${t.failed}`);
  }
  tables.push(lines.join('\n'));
}

if (counts.kills > 0) {
  const saves = await runSaveKills({ kills: counts.kills, seed, log });
  const rows = saveRows(saves);
  allRows.push(...rows);
  const lines = [formatTable(`Kill -9 during save (${saves.seconds.toFixed(0)} s)`, rows)];
  lines.push(...saves.mixed.map((m) => `  round ${m.round}: ${m.what}`));
  lines.push(...saves.hidden.map((m) => `  round ${m.round}: ${m.what}`));
  tables.push(lines.join('\n'));
}

if (counts.typing > 0) {
  await buildRenderer({ quiet: true });
  const typing = await runTypingKills({ rounds: counts.typing, seed, log });
  const rows = typingRows(typing);
  allRows.push(...rows);
  const lines = [formatTable(`Kill -9 of the web host while typing (${typing.seconds.toFixed(0)} s)`, rows)];
  lines.push(...typing.mismatches.map((m) => `  round ${m.round}: ${m.what}`));
  tables.push(lines.join('\n'));
}

console.log('');
console.log(tables.join('\n\n'));
const failed = allRows.filter((r) => r.ok === false);
console.log(
  `\n${failed.length === 0 ? 'All figures as they must be' : `${failed.length} figure(s) wrong`} (${((performance.now() - began) / 1000).toFixed(0)} s in all).`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
