/** The fuzz's figures as the table `npm run fuzz` prints (and the README quotes). */
import type { FileFuzzFigures, Finding } from './file-fuzz';
import type { SaveKillFigures } from './save-kill';
import type { TypingKillFigures } from './typing-kill';

export interface Row {
  figure: string;
  value: string;
  /** Whether this figure must be 0 (or otherwise right) for the run to pass. */
  ok?: boolean;
}

const n = (v: number) => v.toLocaleString('en-US');

export function fileRows(f: FileFuzzFigures): Row[] {
  return [
    { figure: 'damaged or hostile .folio files opened', value: n(f.files) },
    { figure: '  opened as valid editions', value: n(f.opened) },
    { figure: '  refused with one clear message', value: n(f.refused) },
    {
      figure: 'crashes (anything but a clear refusal)',
      value: n(f.crashes.length),
      ok: f.crashes.length === 0,
    },
    { figure: `hangs over the limit`, value: n(f.hangs.length), ok: f.hangs.length === 0 },
    { figure: 'writes (outside the target or at all)', value: n(f.writes.length), ok: f.writes.length === 0 },
    { figure: 'unclear or multi-line messages', value: n(f.unclear.length), ok: f.unclear.length === 0 },
    {
      figure: 'opened although hostile / refused although valid',
      value: n(f.wrongOutcome.length),
      ok: f.wrongOutcome.length === 0,
    },
    {
      figure: 'distinct message kinds (problem codes)',
      value: `${n(f.messageKinds.size)} (${f.problems.size})`,
    },
    {
      figure: 'slowest open / 99th percentile',
      value: `${Math.round(f.slowestMs)} ms / ${Math.round(f.p99Ms)} ms`,
    },
    {
      figure: '`folio info` child processes',
      value: `${n(f.cli.runs)} (exit 0: ${f.cli.opened}, exit 2 with one line: ${f.cli.refused})`,
    },
    { figure: '  `folio info` failures', value: n(f.cli.failures.length), ok: f.cli.failures.length === 0 },
  ];
}

export function saveRows(f: SaveKillFigures): Row[] {
  const p = f.phases;
  return [
    { figure: 'kill -9 during save', value: n(f.kills) },
    {
      figure: '  landed in a save (packing / temp file / renamed)',
      value: `${f.duringSave} (${p.packing} / ${p.temporaryFile} / ${p.renamed})`,
    },
    { figure: 'files that open afterwards', value: `${f.opened} of ${f.kills}`, ok: f.opened === f.kills },
    { figure: '  the old version / the new version', value: `${f.oldVersion} / ${f.newVersion}` },
    { figure: '  a mix of both, or neither', value: n(f.mixed.length), ok: f.mixed.length === 0 },
    { figure: '.bak present (the previous save)', value: `${f.backups} of ${f.kills}` },
    {
      figure: 'temporary files left by killed saves (hidden)',
      value: `${f.tempLeftovers} (${f.tempLeftovers - f.visibleLeftovers})`,
      ok: f.visibleLeftovers === 0,
    },
    {
      figure: 'a leftover standing in for the real file',
      value: n(f.hidden.length),
      ok: f.hidden.length === 0,
    },
    {
      figure: 'a normal save beside the leftovers works',
      value: f.cleanSaveAfter ? 'yes' : 'no',
      ok: f.cleanSaveAfter,
    },
    { figure: 'mean save time (sample + 1 MB photo)', value: `${Math.round(f.meanSaveMs)} ms` },
  ];
}

export function typingRows(f: TypingKillFigures): Row[] {
  return [
    { figure: 'kill -9 of the web host while typing', value: n(f.rounds) },
    {
      figure: 'recovered text equals what was journaled',
      value: `${f.recoveredExactly} of ${f.rounds}`,
      ok: f.recoveredExactly === f.rounds && f.mismatches.length === 0,
    },
    { figure: 'characters typed / journaled before the kill', value: `${f.typed} / ${f.journaled}` },
    { figure: '  most typed in the last moment, not yet journaled', value: `${f.mostUnjournaled}` },
    { figure: 'journals with a torn last line (dropped)', value: n(f.tornTails) },
    { figure: "the user's file written before a save", value: n(f.fileWritten), ok: f.fileWritten === 0 },
  ];
}

export function formatTable(title: string, rows: readonly Row[]): string {
  const width = Math.max(...rows.map((r) => r.figure.length), title.length);
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const line = (figure: string, value: string, mark: string) =>
    `| ${figure.padEnd(width)} | ${value.padStart(valueWidth)} | ${mark} |`;
  return [
    line(title, '', ' '),
    `|${'-'.repeat(width + 2)}|${'-'.repeat(valueWidth + 2)}|---|`,
    ...rows.map((r) => line(r.figure, r.value, r.ok === undefined ? ' ' : r.ok ? '✓' : '✗')),
  ].join('\n');
}

export function findingLines(title: string, findings: readonly Finding[], max = 10): string[] {
  if (findings.length === 0) return [];
  return [
    `${title}:`,
    ...findings
      .slice(0, max)
      .map((f) => `  case ${f.index} — ${f.kind}: ${f.variant} — ${f.what.split('\n').join(' | ')}`),
    ...(findings.length > max ? [`  … and ${findings.length - max} more`] : []),
  ];
}
