/**
 * The edit journal's record format: one JSON object per line (JSON Lines),
 * appended as the user edits, so that after a crash every edit that reached
 * the journal can be replayed onto the edition as it was when the session
 * began (or was last saved).
 *
 * A journal file starts with a `begin` record carrying the base edition;
 * `ops` records follow in the order the operations were applied (undo and
 * redo are journaled as the operations they apply); `saved` records note
 * each save of the document (where, and the fingerprint of the edition
 * written), so a journal whose edits all reached a saved file is not offered
 * for recovery; `closed` marks a clean end. A crash can cut the last line short: the reader drops an unfinished
 * final line and reports it, and refuses damage anywhere else with a message
 * that names the line.
 */
import { z } from 'zod';

/**
 * Bump with a named migration when the record shapes change.
 * 1: begin, ops, asset, closed. 2: adds `saved` records (read as before:
 * a version 1 journal simply has none).
 */
export const JOURNAL_VERSION = 2;

/** File name suffix of journal files in the recovery folder. */
export const JOURNAL_SUFFIX = '.folio-journal';

const beginRecord = z.object({
  type: z.literal('begin'),
  v: z.union([z.literal(1), z.literal(JOURNAL_VERSION)]),
  /** One editing session of one window; names the journal file. */
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
  editionId: z.string(),
  /** The user's file this session edits, or null for one never saved. */
  documentPath: z.string().nullable(),
  /** A title for the recovery prompt. */
  title: z.string(),
  /** Milliseconds since the epoch. */
  startedAt: z.number(),
  /** The process that writes the journal; a live process means "not crashed". */
  pid: z.number().int(),
  /** The edition as it was when the session began or was last saved (edition.json). */
  base: z.looseObject({ id: z.string(), schemaVersion: z.number() }),
  /** Asset ids whose bytes are kept beside the journal (in `<sessionId>.assets/`). */
  assets: z.array(z.string()),
});

const opsRecord = z.object({
  type: z.literal('ops'),
  /** Counts applied batches from 1, so gaps show. */
  seq: z.number().int().positive(),
  at: z.number(),
  /** Model operations, exactly as applied (`shared/model/operations`). */
  ops: z.array(z.unknown()),
});

const assetRecord = z.object({
  type: z.literal('asset'),
  at: z.number(),
  assetId: z.string(),
});

/** The document was saved: everything journaled before this line is in the file written. */
const savedRecord = z.object({
  type: z.literal('saved'),
  at: z.number(),
  /** The file written. */
  path: z.string(),
  /** Fingerprint of the edition written (see main/journal/edition-fingerprint.ts). */
  fingerprint: z.string(),
});

const closedRecord = z.object({
  type: z.literal('closed'),
  at: z.number(),
});

export const journalRecord = z.discriminatedUnion('type', [
  beginRecord,
  opsRecord,
  assetRecord,
  savedRecord,
  closedRecord,
]);

export type JournalRecord = z.output<typeof journalRecord>;
export type BeginRecord = z.output<typeof beginRecord>;
export type OpsRecord = z.output<typeof opsRecord>;
export type SavedRecord = z.output<typeof savedRecord>;

/** One record as a journal line (newline included). */
export function serializeRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** What a journal file holds, read back. */
export interface ParsedJournal {
  begin: BeginRecord;
  /** Every operation journaled, in the order applied. */
  ops: unknown[];
  /** Asset ids placed during the session (bytes beside the journal). */
  placedAssets: string[];
  /** Saves of the document during the session, in order. */
  saves: { at: number; path: string; fingerprint: string }[];
  /** True when the session ended cleanly: nothing to recover. */
  closed: boolean;
  /** Time of the last record. */
  lastAt: number;
  /** An unfinished last line (a write cut short by the crash) that was dropped. */
  truncatedTail: boolean;
}

/** A journal that cannot be read: says which line and why. */
export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}

/**
 * Reads a journal's text. `name` is used in error messages (the file path).
 * Throws JournalError for a missing begin record, a damaged line other than
 * the last, or a sequence gap.
 */
export function parseJournal(text: string, name: string): ParsedJournal {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  let truncatedTail = false;
  const records: JournalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isLast = i === lines.length - 1;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (isLast && !endsWithNewline) {
        truncatedTail = true;
        break;
      }
      throw new JournalError(`${name}: line ${i + 1} is not JSON (the journal is damaged there)`);
    }
    const parsed = journalRecord.safeParse(json);
    if (!parsed.success) {
      if (isLast && !endsWithNewline) {
        truncatedTail = true;
        break;
      }
      const issue = parsed.error.issues[0];
      throw new JournalError(
        `${name}: line ${i + 1} is not a journal record (${issue?.path.join('.') || 'record'}: ${issue?.message})`,
      );
    }
    records.push(parsed.data);
  }
  const first = records[0];
  if (!first || first.type !== 'begin') {
    throw new JournalError(`${name}: the journal does not start with a begin record`);
  }
  const ops: unknown[] = [];
  const placedAssets: string[] = [];
  const saves: ParsedJournal['saves'] = [];
  let closed = false;
  let lastAt = first.startedAt;
  let expectedSeq = 1;
  for (const record of records.slice(1)) {
    switch (record.type) {
      case 'begin':
        throw new JournalError(`${name}: a second begin record (journals are rotated, never reused)`);
      case 'ops':
        if (record.seq !== expectedSeq) {
          throw new JournalError(`${name}: batch ${expectedSeq} is missing (found ${record.seq})`);
        }
        expectedSeq++;
        ops.push(...record.ops);
        lastAt = record.at;
        break;
      case 'asset':
        placedAssets.push(record.assetId);
        lastAt = record.at;
        break;
      case 'saved':
        saves.push({ at: record.at, path: record.path, fingerprint: record.fingerprint });
        lastAt = Math.max(lastAt, record.at);
        break;
      case 'closed':
        closed = true;
        lastAt = record.at;
        break;
    }
  }
  return { begin: first, ops, placedAssets, saves, closed, lastAt, truncatedTail };
}

/**
 * Replays journaled operations onto the base edition with the one apply
 * function (`applyOperation` from shared/model/operations), stopping at the
 * first operation that no longer applies and saying which.
 */
export function replayJournal<E, Op>(
  base: E,
  ops: readonly Op[],
  apply: (edition: E, op: Op) => E,
): { edition: E; applied: number; error: string | null } {
  let edition = base;
  for (let i = 0; i < ops.length; i++) {
    try {
      edition = apply(edition, ops[i]);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        edition,
        applied: i,
        error: `operation ${i + 1} of ${ops.length} could not be replayed: ${why}`,
      };
    }
  }
  return { edition, applied: ops.length, error: null };
}
