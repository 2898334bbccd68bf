import {
  emptyFrames,
  images,
  missingFonts,
  missingGlyphs,
  outsideBleed,
  oversetText,
  pendingChanges,
  unsignedPages,
  type CheckContext,
} from './checks';
import { frameNames } from './frame-names';
import { adFindings } from '../planning/ad-preflight';
import { runCopyChecks } from './copy';
import type { PreflightFinding, PreflightInput } from './types';

const checks = [
  oversetText,
  missingGlyphs,
  missingFonts,
  images,
  outsideBleed,
  emptyFrames,
  pendingChanges,
  unsignedPages,
  (ctx: CheckContext) => adFindings(ctx.input.edition),
  (ctx: CheckContext) => (ctx.input.copyChecks === false ? [] : runCopyChecks(ctx.input, ctx.names)),
];

/** Runs every check; errors first, then by page. */
export function runPreflight(input: PreflightInput): PreflightFinding[] {
  const ctx: CheckContext = { input, names: frameNames(input.edition) };
  const findings = checks.flatMap((check) => check(ctx));
  const rank = (f: PreflightFinding) => (f.severity === 'error' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || (a.f.pageNumber ?? 0) - (b.f.pageNumber ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

export function hasErrors(findings: PreflightFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** One line per finding, as the CLI and the export refusal print them. */
export function formatFinding(f: PreflightFinding): string {
  return `${f.severity}: [${f.code}] ${f.message}`;
}
