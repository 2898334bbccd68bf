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

/** What the recovery prompt shows of the changes (shared/editing/recovery-preview.ts). */
export const recoveryPreview = z.object({
  stories: z.array(z.object({ id: z.string(), name: z.string() })),
  pages: z.array(z.number().int()),
  styles: z.number().int(),
  excerpt: z
    .object({
      storyId: z.string(),
      before: z.string(),
      changed: z.string(),
      after: z.string(),
      kind: z.enum(['inserted', 'deleted', 'replaced']),
      cutBefore: z.boolean(),
      cutChanged: z.boolean(),
      cutAfter: z.boolean(),
    })
    .nullable(),
});

/**
 * One entry of the recovery prompt: an edition's latest crash journal that
 * holds changes no saved file has (see shared/editing/recovery-offer.ts).
 */
export const recoverableJournal = z.object({
  sessionId,
  editionId: z.string(),
  title: z.string(),
  documentPath: z.string().nullable(),
  /** The file's name (without its folder), or null for an edition never saved. */
  fileName: z.string().nullable(),
  startedAt: z.number(),
  lastAt: z.number(),
  operationCount: z.number().int(),
  /** What differs from the saved file; null for a journal that cannot be read. */
  preview: recoveryPreview.nullable(),
  /** Older journals of the same edition, recovered or discarded with this one. */
  older: z.array(sessionId),
  /** The file on disk was saved again after these changes began (it differs from their base). */
  fileChanged: z.boolean(),
  error: z.string().nullable(),
});

/** Names the window asking (kept for the tab's life, e.g. in sessionStorage): one prompt for all windows. */
const claimant = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a window id');

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
  /**
   * Starts journaling an open document; the edition given is the base
   * operations apply to. `continueFrom`: the document was recovered from
   * that crashed session, whose base and operations the new journal carries
   * on (then the old journal, and older ones of the same edition, are deleted).
   */
  'journal.begin': {
    args: z.object({ documentId, edition, continueFrom: sessionId.optional() }).strict(),
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
  /**
   * Journals left by sessions that crashed and holding changes no saved file
   * has, one per edition, newest first; journals with nothing to recover are
   * deleted. With a `claimant`, only one window gets the list while it
   * decides (it renews with journal.holdRecovery); others get none.
   */
  'journal.listRecoverable': {
    args: z.object({ claimant: claimant.optional() }).strict(),
    result: z.array(recoverableJournal),
  },
  /** The window showing the recovery prompt is still deciding: keep the other windows from prompting. */
  'journal.holdRecovery': { args: z.object({ claimant }).strict(), result: z.null() },
  /** The window showing the recovery prompt went away undecided: the next window to ask gets the prompt. */
  'journal.releaseRecovery': { args: z.object({ claimant }).strict(), result: z.null() },
  /** Replays a crashed session's journal and opens the result as a new unsaved document. */
  'journal.recover': { args: z.object({ sessionId }).strict(), result: recoveredDocument },
  /** Deletes a crashed session's journal and older ones of its edition (the user declined recovery). */
  'journal.discard': { args: z.object({ sessionId }).strict(), result: z.null() },
} as const;

export type JournalServiceMethods = typeof journalServiceMethods;
export type JournalMethodName = keyof JournalServiceMethods;
export type RecoverableJournalInfo = z.output<typeof recoverableJournal>;
export type RecoveredDocument = z.output<typeof recoveredDocument>;
export type RecoveryPreviewInfo = z.output<typeof recoveryPreview>;

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
