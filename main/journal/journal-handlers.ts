/**
 * Host handlers for the journal service methods
 * (shared/editing/journal-service.ts), for both the Electron main process
 * and the browser host. The host supplies what only it knows: the open
 * document's path, title and asset bytes, the apply function, and how to
 * register a recovered edition as a new open document.
 */
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { JournalServiceMethods, placementServiceMethods } from '../../shared/editing/journal-service';
import { replayJournal } from '../../shared/editing/journal-format';
import type { EditJournal } from './edit-journal';
import { readImageAsset } from './place-asset';

type Args<M extends keyof JournalServiceMethods> = z.output<JournalServiceMethods[M]['args']>;
type Result<M extends keyof JournalServiceMethods> = z.output<JournalServiceMethods[M]['result']>;

export type JournalHandlers<Context> = {
  [M in keyof JournalServiceMethods]: (args: Args<M>, context: Context) => Promise<Result<M>>;
};

type PlacementMethods = typeof placementServiceMethods;
export type PlacementHandlers<Context> = {
  [M in keyof PlacementMethods]: (
    args: z.output<PlacementMethods[M]['args']>,
    context: Context,
  ) => Promise<z.output<PlacementMethods[M]['result']>>;
};

export interface JournalHost<Context> {
  /** Path (null if never saved), title and asset bytes of an open document. */
  describeDocument(
    documentId: string,
    context: Context,
  ): { path: string | null; title: string; assets: ReadonlyMap<string, Uint8Array> };
  /** The one apply path (shared/model/operations applyOperation). */
  applyOperation(edition: unknown, op: unknown): unknown;
  /** Registers a recovered edition as an open, unsaved document and returns its id. */
  openRecovered(
    recovered: { edition: unknown; path: string | null; title: string; assets: Map<string, Uint8Array> },
    context: Context,
  ): Promise<{ documentId: string }>;
}

export function createJournalHandlers<Context>(
  journal: EditJournal,
  host: JournalHost<Context>,
): JournalHandlers<Context> {
  return {
    'journal.begin': async ({ documentId, edition }, context) => {
      const doc = host.describeDocument(documentId, context);
      const sessionId = journal.begin({
        editionId: edition.id,
        documentPath: doc.path,
        title: doc.title,
        base: edition,
        assets: doc.assets,
      });
      return { sessionId };
    },
    'journal.append': async ({ sessionId, ops }) => {
      journal.append(sessionId, ops);
      return null;
    },
    'journal.rebase': async ({ sessionId, documentId, edition }, context) => {
      const doc = host.describeDocument(documentId, context);
      journal.rebase(sessionId, {
        editionId: edition.id,
        documentPath: doc.path,
        title: doc.title,
        base: edition,
        assets: doc.assets,
      });
      return null;
    },
    'journal.close': async ({ sessionId }) => {
      journal.close(sessionId);
      return null;
    },
    'journal.listRecoverable': async () => journal.listRecoverable(),
    'journal.recover': async ({ sessionId }, context) => {
      const session = journal.read(sessionId);
      const replay = replayJournal<unknown, unknown>(session.begin.base, session.ops, (e, op) =>
        host.applyOperation(e, op),
      );
      const title = session.begin.title;
      const { documentId } = await host.openRecovered(
        { edition: replay.edition, path: session.begin.documentPath, title, assets: session.assets },
        context,
      );
      // The old journal stays until the renderer has begun the recovered
      // document's own journal and calls journal.discard: a crash in between
      // offers the same recovery again instead of losing it.
      return {
        documentId,
        path: session.begin.documentPath,
        title,
        edition: replay.edition as Record<string, unknown>,
        dirty: true,
        replayed: replay.applied,
        replayError: replay.error,
      };
    },
    'journal.discard': async ({ sessionId }) => {
      journal.discard(sessionId);
      return null;
    },
  };
}

/** The handler for `asset.place`: reads the photo, keeps its bytes with the document and in the journal. */
export interface PlacementHost<Context> {
  /** Keeps a placed photo's bytes with an open document (served at the asset URL, saved in its package). */
  storeAsset(documentId: string, assetId: string, bytes: Uint8Array, context: Context): void;
}

export function createPlacementHandlers<Context>(
  journal: EditJournal,
  host: PlacementHost<Context>,
): PlacementHandlers<Context> {
  return {
    'asset.place': async ({ documentId, sessionId, name, data }, context) => {
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      const id = `as-${randomUUID().slice(0, 12)}`;
      const asset = await readImageAsset(id, name, bytes);
      host.storeAsset(documentId, id, bytes, context);
      if (sessionId) journal.putAsset(sessionId, id, bytes);
      return asset;
    },
  };
}

/** Every editing service handler, for the host to spread next to its own. */
export function createEditingHandlers<Context>(
  journal: EditJournal,
  host: JournalHost<Context> & PlacementHost<Context>,
) {
  return { ...createJournalHandlers(journal, host), ...createPlacementHandlers(journal, host) };
}
