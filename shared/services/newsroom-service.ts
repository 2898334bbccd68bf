/**
 * The newsroom service methods (File ▸ Connect to Newsroom…), declared like
 * the rest of the host API: a zod schema for each argument and result. The
 * host signs in over the server's HTTP API (so the password never reaches
 * the page and the page's Content-Security-Policy need not allow a server
 * it has not signed in to), lists the server's editions, publishes an open
 * document or a file as a new shared edition, and switches the window into
 * newsroom mode (the renderer reloads; app.info then names the edition).
 * `newsroom.offline.*` is the Electron window's local copy of a shared
 * edition (a file in the user's data folder; the browser uses IndexedDB).
 */
import { z } from 'zod';
import { documentId, editionPayload, filePath } from './schemas';

export const newsroomRole = z.enum(['designer', 'editor', 'proofreader', 'admin']);

/** An edition name as the server accepts it (main/server/http-api.ts: EDITION_NAME). */
export const EDITION_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u;

/** Checked by the handler, so a typo gets one clear message rather than a schema error. */
const serverUrl = z.string().min(1).max(2048);
const editionName = z.string().min(1).max(200);

const signedIn = z.object({
  serverUrl: z.string(),
  user: z.string(),
  role: newsroomRole,
  expiresAt: z.string(),
});

const editionEntry = z.object({
  name: z.string(),
  updatedAt: z.string().nullable(),
  bytes: z.number().nullable(),
});

/** The window's current document, handed over so nothing of it is lost while the window shows the shared edition. */
const handOver = { documentId: documentId.optional(), edition: editionPayload.optional() };

/** A Yjs update as base64 (IPC and JSON carry no bytes). */
const update = z
  .string()
  .max(96 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const offlineKey = { serverUrl, edition: editionName };

export const newsroomServiceMethods = {
  /** Signs in (the host keeps the token); wrong password and unreachable server fail with their message. */
  'newsroom.signIn': {
    args: z.object({ serverUrl, user: z.string().min(1).max(100), password: z.string().max(1024) }).strict(),
    result: signedIn,
  },
  /** Who is signed in where (null: nobody) and the edition this window works on, if any. */
  'newsroom.state': {
    args: z.object({}).strict(),
    result: z.object({ signedIn: signedIn.nullable(), edition: z.string().nullable() }),
  },
  /** The server's editions, with the signed-in user and role. */
  'newsroom.editions': {
    args: z.object({}).strict(),
    result: signedIn.extend({ editions: z.array(editionEntry) }),
  },
  /**
   * Publishes a new shared edition: from the window's document (`document`)
   * or a .folio file (`file`; without a path the host shows its open
   * dialog). Null: the dialog was cancelled.
   */
  'newsroom.publish': {
    args: z
      .object({
        name: editionName,
        source: z.enum(['document', 'file']),
        path: filePath.optional(),
        ...handOver,
      })
      .strict(),
    result: z
      .object({
        name: z.string(),
        pages: z.number().int(),
        stories: z.number().int(),
        photos: z.number().int(),
      })
      .nullable(),
  },
  /** The window works on this shared edition from now on; the renderer reloads to show it. */
  'newsroom.open': {
    args: z.object({ name: editionName, ...handOver }).strict(),
    result: z.object({ reload: z.boolean() }),
  },
  /** Leaves the shared edition and signs out; the window shows its own document again after a reload. */
  'newsroom.disconnect': {
    args: z.object({}).strict(),
    result: z.object({ reload: z.boolean() }),
  },
  /** Electron's local copy of a shared edition: everything kept, merged into one update. */
  'newsroom.offline.load': {
    args: z.object(offlineKey).strict(),
    result: z.object({ update: update.nullable() }),
  },
  /** Appends updates made here to the local copy. */
  'newsroom.offline.append': {
    args: z.object({ ...offlineKey, update }).strict(),
    result: z.null(),
  },
  /** Drops the local copy (the server refused something in it: start again from the server). */
  'newsroom.offline.clear': {
    args: z.object(offlineKey).strict(),
    result: z.null(),
  },
} as const;

export type NewsroomRole = z.output<typeof newsroomRole>;
