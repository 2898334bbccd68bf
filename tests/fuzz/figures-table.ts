/** The fuzz's figures as the table `npm run fuzz` prints (and the README quotes). */
import type { FileFuzzFigures, Finding } from './file-fuzz';

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
