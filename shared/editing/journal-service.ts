/**
 * The journal's service methods, declared like the rest of the host API
 * (shared/services/api.ts: a zod schema for the argument and the result),
 * so the app shell adds them with one spread: `...journalServiceMethods`.
 * The main process implements them with main/journal/journal-handlers.ts;
 * the browser host uses the same handlers.
 */
import { z } from 'zod';

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a journal session id');
const documentId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a document id');
const edition = z.looseObject({ id: z.string(), schemaVersion: z.number().int().positive() });

export const recoverableJournal = z.object({
  sessionId,
  editionId: z.string(),
  title: z.string(),
  documentPath: z.string().nullable(),
  startedAt: z.number(),
  lastAt: z.number(),
  operationCount: z.number().int(),
  error: z.string().nullable(),
});

/** An edition recovered from a journal, opened as a new unsaved document. */
export const recoveredDocument = z.object({
  documentId,
  path: z.string().nullable(),
  title: z.string(),
  edition: z.looseObject({}),
  dirty: z.boolean(),
  /** Operations replayed, and a message when replay stopped early. */
  replayed: z.number().int(),
  replayError: z.string().nullable(),
});

export const journalServiceMethods = {
  /** Starts journaling an open document; the edition given is the base operations apply to. */
  'journal.begin': {
    args: z.object({ documentId, edition }).strict(),
    result: z.object({ sessionId }),
  },
  /** Appends applied operations (a batch sent at least every 2 s while editing, and on idle). */
  'journal.append': {
    args: z.object({ sessionId, ops: z.array(z.unknown()).max(100_000) }).strict(),
    result: z.null(),
  },
  /** After a save: the saved edition becomes the new base and the journal starts over. */
  'journal.rebase': {
    args: z.object({ sessionId, documentId, edition }).strict(),
    result: z.null(),
  },
  /** The document closed cleanly: its journal is deleted. */
  'journal.close': { args: z.object({ sessionId }).strict(), result: z.null() },
  /** Journals left by sessions that crashed, newest first. */
  'journal.listRecoverable': { args: z.object({}).strict(), result: z.array(recoverableJournal) },
  /** Replays a crashed session's journal and opens the result as a new unsaved document. */
  'journal.recover': { args: z.object({ sessionId }).strict(), result: recoveredDocument },
  /** Deletes a crashed session's journal (the user declined recovery). */
  'journal.discard': { args: z.object({ sessionId }).strict(), result: z.null() },
} as const;

export type JournalServiceMethods = typeof journalServiceMethods;
export type JournalMethodName = keyof JournalServiceMethods;
export type RecoverableJournalInfo = z.output<typeof recoverableJournal>;
export type RecoveredDocument = z.output<typeof recoveredDocument>;

/** The journal methods as the renderer calls them. */
export type JournalServices = {
  [M in JournalMethodName]: (
    args: z.input<JournalServiceMethods[M]['args']>,
  ) => Promise<z.output<JournalServiceMethods[M]['result']>>;
};
