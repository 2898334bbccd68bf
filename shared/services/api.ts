/**
 * The services the renderer asks of its host (the Electron main process or
 * the browser host), declared once: each method has a zod schema for its
 * argument and its result. The renderer calls them through a typed proxy
 * (`client.ts`); hosts serve them through one validating dispatcher
 * (`dispatcher.ts`). Nothing else crosses the boundary.
 */
import { z } from 'zod';
import { editingServiceMethods } from '../editing/journal-service';
import { newsroomServiceMethods } from './newsroom-service';
import {
  commandState,
  commentImportReport,
  documentId,
  editionPayload,
  filePath,
  hostInfo,
  openDocument,
  preferences,
  preflightProblem,
} from './schemas';

const none = z.object({}).strict();
const editionAt = z.object({ documentId, edition: editionPayload }).strict();

/** Declares one method: the argument it takes and the result it returns. */
function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const serviceMethods = {
  /** Which host this is and where fonts, the shaper and assets are served. */
  'app.info': method(none, hostInfo),

  /** The edition this window (or browser session) was opened with. */
  'edition.current': method(none, openDocument.nullable()),
  /** Opens an edition; without a path the host shows its open dialog. Null: cancelled. */
  'edition.open': method(z.object({ path: filePath.optional() }).strict(), openDocument.nullable()),
  /** A new, unsaved edition from a template (`sample` or a page preset id). Null: it opened in another window. */
  'edition.newFromTemplate': method(
    z.object({ template: z.string().min(1).max(64) }).strict(),
    openDocument.nullable(),
  ),
  /** Saves to the document's path (asks for one when it has none). Null: cancelled. */
  'edition.save': method(editionAt, z.object({ path: filePath }).nullable()),
  /** Saves to a new path; without one the host shows its save dialog. Null: cancelled. */
  'edition.saveAs': method(
    editionAt.extend({ path: filePath.optional() }),
    z.object({ path: filePath }).nullable(),
  ),
  /** Imports copy (text, Markdown, Word) as a new unsaved edition. Null: cancelled. */
  'edition.import': method(z.object({ path: filePath.optional() }).strict(), openDocument.nullable()),
  /** Exports print-ready PDF. Null: cancelled. */
  'edition.exportPdf': method(
    editionAt.extend({ path: filePath.optional() }),
    z.object({ path: filePath, pages: z.number().int(), bytes: z.number().int() }).nullable(),
  ),
  /**
   * Exports a proof PDF with the notes as PDF comments (sticky notes,
   * highlights) and tracked changes as markup. Null: cancelled.
   */
  'edition.exportProof': method(
    editionAt.extend({ path: filePath.optional() }),
    z.object({ path: filePath, pages: z.number().int(), bytes: z.number().int() }).nullable(),
  ),
  /**
   * Reads a reviewed proof PDF's comments (without a path the host shows its
   * open dialog) and answers with the note operations for the edition sent;
   * the renderer applies them as one undo step. Null: cancelled.
   */
  'review.importComments': method(
    editionAt.extend({ path: filePath.optional() }),
    commentImportReport.nullable(),
  ),
  /** Prints the flatplan (版面计划) as a one-page PDF in the UI language. Null: cancelled. */
  'edition.exportFlatplan': method(
    editionAt.extend({ path: filePath.optional(), language: z.enum(['zh-Hans', 'en']) }),
    z.object({ path: filePath, bytes: z.number().int() }).nullable(),
  ),
  /**
   * One PDF per page named for the printer by the pattern, the whole edition in one PDF and
   * manifest.json, into a folder (docs/planning.md); without a folder the host asks for one. Null: cancelled.
   */
  'edition.exportSplit': method(
    editionAt.extend({
      folder: filePath.optional(),
      pattern: z.string().min(1).max(200),
      /** Export even when preflight finds errors (the CLI's --force). */
      force: z.boolean().optional(),
    }),
    z
      .object({ folder: filePath, pages: z.number().int(), whole: z.string(), bytes: z.number().int() })
      .nullable(),
  ),
  /** Checks the edition for print problems (missing glyphs, low-resolution images, overset). */
  'edition.preflight': method(editionAt, z.object({ problems: z.array(preflightProblem) })),
  /** Tells the host whether the document has unsaved changes (for the close prompt). */
  'edition.setDirty': method(z.object({ documentId, dirty: z.boolean() }).strict(), z.null()),
  /** Closes the window's document (the host asks about unsaved changes first). */
  'edition.close': method(z.object({ documentId }).strict(), z.object({ closed: z.boolean() })),

  'recent.list': method(none, z.array(filePath)),
  'recent.clear': method(none, z.null()),

  'preferences.get': method(none, preferences),
  'preferences.set': method(preferences.partial().strict(), preferences),

  /** The font files the host serves (file names relative to fontBaseUrl). */
  'fonts.list': method(none, z.array(z.object({ file: z.string(), bytes: z.number().int() }))),

  /** The renderer's view of which commands are available, for the native menu. */
  'menu.setState': method(
    z.object({ commands: z.record(z.string().max(64), commandState) }).strict(),
    z.null(),
  ),

  /** The edit journal (crash recovery) and photo placement, declared by the editing issue. */
  ...editingServiceMethods,

  /** Connect to a newsroom server, its edition list, publish, open; Electron's offline copy. */
  ...newsroomServiceMethods,
} as const;

export type ServiceMethods = typeof serviceMethods;
export type MethodName = keyof ServiceMethods;
export type ArgsOf<M extends MethodName> = z.input<ServiceMethods[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<ServiceMethods[M]['result']>;

/** The services as the renderer sees them: one async function per method. */
export type FolioServices = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

/** A host's implementation; `context` says who is calling (a window, a browser session). */
export type ServiceHandlers<Context> = {
  [M in MethodName]: (args: z.output<ServiceMethods[M]['args']>, context: Context) => Promise<ResultOf<M>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(serviceMethods, name);
}

export type OpenDocument = z.output<typeof openDocument>;
export type Preferences = z.output<typeof preferences>;
export type HostInfo = z.output<typeof hostInfo>;
export type PreflightProblem = z.output<typeof preflightProblem>;
export type CommandState = z.output<typeof commandState>;
export type CommentImportReport = z.output<typeof commentImportReport>;
