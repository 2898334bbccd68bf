/**
 * zod schemas for the values that cross the process boundary. The edition is
 * checked for its shape here (object with a schema version, pages, stories);
 * the storage layer validates it completely before anything is written.
 */
import { z } from 'zod';
import type { Edition } from '../model/types';

/** Every path that crosses the boundary: non-empty, no NUL bytes. */
export const filePath = z
  .string()
  .min(1, 'path is empty')
  .max(4096, 'path is too long')
  .refine((path) => !path.includes('\0'), 'path contains a NUL byte');

/** An open document's id: main hands it out, the renderer echoes it back. */
export const documentId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a document id');

const editionShape = z.looseObject({
  schemaVersion: z.number().int().positive(),
  id: z.string(),
  meta: z.looseObject({}),
  styles: z.looseObject({}),
  masters: z.array(z.unknown()),
  pages: z.array(z.unknown()),
  stories: z.record(z.string(), z.unknown()),
  assets: z.record(z.string(), z.unknown()),
});

/** An edition as JSON. Storage runs the full model schema on save. */
export const editionPayload = z.custom<Edition>(
  (value) => editionShape.safeParse(value).success,
  'not an edition (schemaVersion, id, meta, styles, masters, pages, stories and assets are required)',
);

/** What the renderer gets for an open edition. */
export const openDocument = z.object({
  documentId,
  /** Where it is saved; null for an edition never saved (new from template, import). */
  path: filePath.nullable(),
  /** A name for the title bar and tabs. */
  title: z.string(),
  edition: editionPayload,
  /** True when the document was recovered or imported and has not been saved since. */
  dirty: z.boolean(),
});

export const language = z.enum(['zh-Hans', 'en']);
/** `system` follows the operating system (or browser) language. */
export const languagePreference = z.enum(['system', 'zh-Hans', 'en']);
export const units = z.enum(['mm', 'pt', 'zi']);

export const windowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(150),
  maximized: z.boolean(),
});

export const preferences = z.object({
  language: languagePreference,
  units,
  /** Most recent first; at most 10. */
  recentFiles: z.array(filePath).max(10),
  windowBounds: windowBounds.nullable(),
  /** Id of the page preset new editions start from, e.g. `broadsheet`. */
  defaultPagePreset: z.string().min(1).max(64),
  /** Words the spelling check accepts in every edition (the user's own dictionary). */
  userDictionary: z.array(z.string().min(1).max(100)).max(10_000).default([]),
  /** Who the user is on the proofreading desk: the name on notes and changes (empty: the system user name). */
  userName: z.string().max(100).default(''),
  /** The user's colour for tracked changes and notes, #rrggbb. */
  userColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#c0392b'),
});

export const preflightProblem = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** In English, as the CLI prints it. */
  message: z.string(),
  pageIndex: z.number().int().nullable(),
  frameId: z.string().nullable(),
  /** The finding's code, e.g. overset-text or copy-doubled. */
  code: z.string().max(64).optional(),
  /** Copy checks: the text the finding is about (story, paragraph, UTF-16 range, excerpt). */
  text: z
    .object({
      storyId: z.string(),
      storyName: z.string(),
      block: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
      length: z.number().int().nonnegative(),
      before: z.string(),
      match: z.string(),
      after: z.string(),
    })
    .optional(),
  /** Copy checks: the replacement a one-click fix puts there. */
  fix: z.object({ replacement: z.string() }).optional(),
  frameName: z.string().nullable().optional(),
  /** The problem as a UI message key and values, for the app to show in the UI language. */
  detail: z
    .object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })
    .optional(),
});

export const hostInfo = z.object({
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  version: z.string(),
  /** True when open/save dialogs are the operating system's; false: the UI asks for a path. */
  nativeDialogs: z.boolean(),
  /** The system language, as the host sees it. */
  systemLanguage: z.string(),
  /** Base URLs the renderer fetches fonts, the shaper WASM and image assets from. */
  fontBaseUrl: z.string(),
  wasmUrl: z.string(),
  assetBaseUrl: z.string(),
  /** Query string to append to font and asset URLs (the web host's session token). */
  resourceQuery: z.string(),
  /** The newsroom edition this session works on (npm run web -- --server …), if any. */
  newsroom: z
    .object({
      serverUrl: z.string(),
      edition: z.string(),
      token: z.string().nullable(),
      user: z.string(),
      role: z.enum(['designer', 'editor', 'proofreader', 'admin']),
    })
    .nullable()
    .optional(),
});

/** A menu item's state, reported by the renderer so the native menu can follow. */
export const commandState = z.object({
  enabled: z.boolean(),
  checked: z.boolean().optional(),
  /** Why the item is disabled (shown as a sublabel / tooltip). */
  reason: z.string().max(200).optional(),
});

/**
 * A reviewed proof PDF's comments, read by the host (Import PDF Comments):
 * the note operations to apply to the edition that was sent, as one undo
 * step, and what to tell the user — how many came in, where, and each one
 * skipped with why (shared/review/comment-import.ts).
 */
export const commentImportReport = z.object({
  /** The PDF's file name, for the message. */
  file: z.string(),
  /** Model operations (upsert_note …) against the edition sent; validated when applied. */
  ops: z.array(z.looseObject({ type: z.string() })).max(100_000),
  onText: z.number().int().nonnegative(),
  onPoints: z.number().int().nonnegative(),
  replies: z.number().int().nonnegative(),
  existing: z.number().int().nonnegative(),
  skipped: z
    .array(
      z.object({
        sheet: z.number().int(),
        subtype: z.string().max(64),
        author: z.string(),
        contents: z.string(),
        reason: z.enum([
          'status',
          'orphan-reply',
          'empty-reply',
          'off-page',
          'empty-note',
          'nothing',
          'unsupported',
        ]),
        state: z.string().optional(),
      }),
    )
    .max(100_000),
  /** The edition changed since the proof was exported: the notes went on the words now under them. */
  changedSinceProof: z.boolean(),
});
