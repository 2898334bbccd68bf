/**
 * Turning parsed edition.json into an Edition this build can use: migrate by
 * the named steps, then validate shape and references. Storage and the
 * browser host both call this; it never throws for bad input.
 */
import type { Edition } from './types';
import { migrateToCurrent } from './migrations';
import { type ValidationIssue, summarizeIssues, validateEdition } from './validate';

export type LoadEditionResult =
  | { ok: true; edition: Edition; migratedFrom: number; applied: string[] }
  | { ok: false; kind: 'version'; reason: 'no-version' | 'too-new' | 'no-path' | 'failed'; message: string }
  | { ok: false; kind: 'invalid'; message: string; issues: ValidationIssue[] };

export function loadEdition(document: unknown): LoadEditionResult {
  const migrated = migrateToCurrent(document);
  if (!migrated.ok) {
    if (migrated.reason === 'not-an-object') {
      return {
        ok: false,
        kind: 'invalid',
        message: migrated.message,
        issues: [{ path: '(root)', message: migrated.message }],
      };
    }
    return { ok: false, kind: 'version', reason: migrated.reason, message: migrated.message };
  }
  const result = validateEdition(migrated.value);
  if (!result.ok) {
    return {
      ok: false,
      kind: 'invalid',
      message: `invalid edition: ${summarizeIssues(result.issues)}`,
      issues: result.issues,
    };
  }
  return { ok: true, edition: result.edition, migratedFrom: migrated.fromVersion, applied: migrated.applied };
}
