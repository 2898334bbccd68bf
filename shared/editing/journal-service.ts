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

/** An image asset's description (the model's Asset), as the host reads it from the file. */
export const placedAsset = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'image/heic']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  colorSpace: z.enum(['rgb', 'cmyk', 'gray']),
  byteLength: z.number().int().nonnegative(),
});

/**
 * Placing a photo: the renderer sends the file's bytes (base64, from a file
 * chooser or a drop); the host reads its size and colour space, keeps the
 * bytes with the open document (and in the journal, so a crash loses no
 * placed photo) and returns the asset to add with an add_asset operation.
 */
export const placementServiceMethods = {
  'asset.place': {
    args: z
      .object({
        documentId,
        /** The journal session to keep the bytes in, if one is open. */
        sessionId: sessionId.nullable(),
        name: z.string().min(1).max(255),
        /** The file's bytes, base64 (at most 64 MB decoded). */
        data: z.string().max(Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4),
      })
      .strict(),
    result: placedAsset,
  },
} as const;

export type PlacedAsset = z.output<typeof placedAsset>;
export type PlacementServices = {
  'asset.place': (
    args: z.input<(typeof placementServiceMethods)['asset.place']['args']>,
  ) => Promise<PlacedAsset>;
};

/** Every service method the editing issue adds: spread into the host API next to the shell's. */
export const editingServiceMethods = { ...journalServiceMethods, ...placementServiceMethods } as const;
