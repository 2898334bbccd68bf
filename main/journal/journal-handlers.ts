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
import { DocumentSessions } from './document-sessions';
import { editionFingerprint } from './edition-fingerprint';
import { readImageAsset } from './place-asset';
import { isPdf, rasterizePdfMaterial } from './pdf-material';
import { surveyRecovery } from './recovery-survey';

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
  /** Fingerprint of the edition in the saved file at `path`; null when there is none or it cannot be read. */
  savedFingerprint(path: string): Promise<string | null>;
  /** Registers a recovered edition as an open, unsaved document and returns its id. */
  openRecovered(
    recovered: { edition: unknown; path: string | null; title: string; assets: Map<string, Uint8Array> },
    context: Context,
  ): Promise<{ documentId: string }>;
}

/** How long a window's claim on the recovery prompt lasts without a renewal (it renews every 10 s). */
export const RECOVERY_CLAIM_MS = 30_000;

export interface JournalHandlerOptions {
  /** The documents' journal sessions (the host tells it about saves); one is made when absent. */
  sessions?: DocumentSessions;
  now?: () => number;
}

export function createJournalHandlers<Context>(
  journal: EditJournal,
  host: JournalHost<Context>,
  options: JournalHandlerOptions = {},
): JournalHandlers<Context> {
  const sessions = options.sessions ?? new DocumentSessions(journal);
  const now = options.now ?? (() => Date.now());
  /** The window that was given the recovery prompt, while it decides: the others do not prompt. */
  let claim: { claimant: string; until: number } | null = null;
  /** Older journals that go with each offered one (from the last survey). */
  let olderOf = new Map<string, string[]>();

  /** Deletes a journal and the older ones of its edition. */
  const discardWithOlder = (sessionId: string) => {
    for (const id of [sessionId, ...(olderOf.get(sessionId) ?? [])]) {
      journal.discard(id);
      sessions.remove(id);
    }
    olderOf.delete(sessionId);
  };

  /**
   * Carries a recovered session on: the new journal starts from the crashed
   * one's base with its operations (so the recovered changes stay
   * recoverable until saved), then the crashed journal goes. Null when the
   * edition the renderer shows is not what the old journal leads to — then
   * the caller begins afresh and the old journal stays, never lost.
   */
  const carryOn = (
    continueFrom: string,
    edition: { id: string },
    doc: ReturnType<JournalHost<Context>['describeDocument']>,
  ): string | null => {
    let old;
    try {
      old = journal.read(continueFrom);
    } catch {
      return null;
    }
    const replay = replayJournal<unknown, unknown>(old.begin.base, old.ops, (e, op) =>
      host.applyOperation(e, op),
    );
    if (editionFingerprint(replay.edition) !== editionFingerprint(edition)) return null;
    const sessionId = journal.begin({
      editionId: edition.id,
      documentPath: doc.path,
      title: doc.title,
      base: old.begin.base,
      assets: doc.assets,
      ops: old.ops.slice(0, replay.applied),
    });
    discardWithOlder(continueFrom);
    return sessionId;
  };

  return {
    'journal.begin': async ({ documentId, edition, continueFrom }, context) => {
      const doc = host.describeDocument(documentId, context);
      const sessionId =
        (continueFrom ? carryOn(continueFrom, edition, doc) : null) ??
        journal.begin({
          editionId: edition.id,
          documentPath: doc.path,
          title: doc.title,
          base: edition,
          assets: doc.assets,
        });
      sessions.add(documentId, sessionId);
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
      sessions.remove(sessionId);
      return null;
    },
    'journal.listRecoverable': async ({ claimant }) => {
      if (claimant) {
        if (claim && claim.claimant !== claimant && claim.until > now()) return [];
        claim = { claimant, until: now() + RECOVERY_CLAIM_MS };
      }
      const survey = await surveyRecovery(journal, host);
      olderOf = survey.older;
      return survey.entries;
    },
    'journal.holdRecovery': async ({ claimant }) => {
      if (claim?.claimant === claimant) claim.until = now() + RECOVERY_CLAIM_MS;
      return null;
    },
    'journal.releaseRecovery': async ({ claimant }) => {
      if (claim?.claimant === claimant) claim = null;
      return null;
    },
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
      // The old journal stays until the renderer begins the recovered
      // document's own journal with continueFrom (which carries its
      // operations on): a crash in between offers the same recovery again.
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
      discardWithOlder(sessionId);
      return null;
    },
  };
}

/**
 * The handler for `asset.place`: reads the photo (or a PDF's first page, rendered), keeps its
 * bytes with the document and in the journal.
 */
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
      let bytes: Uint8Array = new Uint8Array(Buffer.from(data, 'base64'));
      const id = `as-${randomUUID().slice(0, 12)}`;
      // PDF material (an ad): its first page, rendered at 300 ppi, is the picture kept and placed.
      if (isPdf(bytes)) bytes = (await rasterizePdfMaterial(name, bytes)).png;
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
  options: JournalHandlerOptions = {},
) {
  return {
    ...createJournalHandlers(journal, host, options),
    ...createPlacementHandlers(journal, host),
  };
}
