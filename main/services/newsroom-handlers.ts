/**
 * The newsroom services (shared/services/newsroom-service.ts) for both
 * hosts: sign-in over the server's HTTP API with the token kept here, the
 * edition list, publishing a document or a .folio as a new shared edition
 * (as `folio push` does), and switching the calling window into newsroom
 * mode. While a window works on a shared edition it has a document of its
 * own, so the file it showed before is untouched (Save As of the shared
 * edition writes the shared edition; Disconnect brings the file back as it was).
 */
import type { AssetBytes, Edition } from '../../shared/model/types';
import type { ServiceHandlers } from '../../shared/services/api';
import { EDITION_NAME, type NewsroomRole } from '../../shared/services/newsroom-service';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import { EditionBinding } from '../../shared/collab/edition-binding';
import { listEditions, NewsroomError, putAsset, signIn } from '../../shared/collab/newsroom-client';
import { openRemoteEdition } from '../server/remote-edition';
import type { EditionBackend } from './backend';
import { PathRequiredError, type HostDialogs } from './dialogs';
import type { DocumentRegistry } from './documents';
import { OfflineCopies } from './newsroom-offline';

/** The shared edition a window works on (what app.info tells its renderer). */
export interface NewsroomWork {
  serverUrl: string;
  edition: string;
  token: string | null;
  user: string;
  role: NewsroomRole;
}

interface SignedIn {
  serverUrl: string;
  token: string;
  user: string;
  role: NewsroomRole;
  expiresAt: string;
}

/** What the newsroom services keep on the calling window (Electron) or browser session. */
export interface NewsroomContext {
  documentId: string | null;
  newsroom?: NewsroomWork | null;
  signedIn?: SignedIn | null;
  /** The document the window showed before it opened the shared edition. */
  documentBefore?: string | null;
}

export interface NewsroomDeps {
  documents: DocumentRegistry;
  backend: EditionBackend;
  dialogs: HostDialogs | null;
  /** Lets the window's page talk to the server (its CSP, Electron's request filter). */
  allowServer(serverUrl: string): void;
  /** Where Electron keeps local copies of shared editions; absent in hosts that do not. */
  offlineDir?: string;
}

type NewsroomMethod =
  | 'newsroom.signIn'
  | 'newsroom.state'
  | 'newsroom.editions'
  | 'newsroom.publish'
  | 'newsroom.open'
  | 'newsroom.disconnect'
  | 'newsroom.offline.load'
  | 'newsroom.offline.append'
  | 'newsroom.offline.clear';

const SIGN_IN_TIMEOUT_MS = 15_000;
const PUBLISH_TIMEOUT_MS = 120_000;

/** ws(s):// and http(s):// name the same server; anything else is a typo. */
function checkedUrl(given: string): string {
  const url = given.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LocalizedError('newsroomui.error.badUrl', { url: given });
  }
  if (!/^(ws|wss|http|https):$/.test(parsed.protocol) || !parsed.host)
    throw new LocalizedError('newsroomui.error.badUrl', { url: given });
  return url.replace(/^http(s?):\/\//, 'ws$1://');
}

function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(onTimeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A server's answer as the user reads it. */
function explained(error: unknown, serverUrl: string): Error {
  if (error instanceof LocalizedError) return error;
  const code = error instanceof NewsroomError ? error.code : '';
  if (code === 'unreachable')
    return new LocalizedError('newsroomui.error.unreachable', { server: serverUrl });
  if (code === 'bad-credentials') return new LocalizedError('newsroomui.error.badCredentials');
  if (code === 'token-expired' || code === 'token-invalid' || code === 'no-token')
    return new LocalizedError('newsroomui.error.signInAgain');
  return new LocalizedError('newsroomui.error.server', {
    server: serverUrl,
    detail: (error as Error).message ?? String(error),
  });
}

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export function createNewsroomHandlers<Context extends NewsroomContext>(
  deps: NewsroomDeps,
): Pick<ServiceHandlers<Context>, NewsroomMethod> {
  const offline = deps.offlineDir ? new OfflineCopies(deps.offlineDir) : null;

  function signedInOf(context: Context): SignedIn {
    if (!context.signedIn) throw new LocalizedError('newsroomui.error.notSignedIn');
    return context.signedIn;
  }

  async function editionsOf(signed: SignedIn) {
    try {
      return await listEditions(signed.serverUrl, signed.token);
    } catch (error) {
      throw explained(error, signed.serverUrl);
    }
  }

  /** Keeps the renderer's edition of its document, unsaved changes included. */
  function handOver(context: Context, documentId?: string, edition?: Edition): void {
    if (documentId && edition && documentId === context.documentId) {
      const record = deps.documents.find(documentId);
      if (record) record.edition = edition;
    }
  }

  function offlineCopies(): OfflineCopies {
    if (!offline) throw new Error('this host keeps no local copies of shared editions');
    return offline;
  }

  async function publish(signed: SignedIn, name: string, edition: Edition, assets: AssetBytes) {
    const { serverUrl, token } = signed;
    const connection = await within(
      openRemoteEdition(serverUrl, name, token),
      PUBLISH_TIMEOUT_MS,
      () => new LocalizedError('newsroomui.error.unreachable', { server: serverUrl }),
    ).catch((error: unknown) => {
      throw explained(error, serverUrl);
    });
    try {
      // Someone may have published the same name since the list was shown: never overwrite theirs.
      if (EditionBinding.holdsEdition(connection.doc))
        throw new LocalizedError('newsroomui.error.exists', { name });
      let refused: string | null = null;
      connection.onRefused((r) => (refused = `${r.code} ${r.detail}`));
      for (const [id, bytes] of assets) await putAsset(serverUrl, token, name, id, bytes);
      new EditionBinding(connection.doc, edition);
      await within(
        connection.settled(),
        PUBLISH_TIMEOUT_MS,
        () => new LocalizedError('newsroomui.error.unreachable', { server: serverUrl }),
      );
      if (refused)
        throw new LocalizedError('newsroomui.error.server', { server: serverUrl, detail: refused });
    } catch (error) {
      throw explained(error, serverUrl);
    } finally {
      connection.close();
    }
  }

  return {
    'newsroom.signIn': async ({ serverUrl, user, password }, context) => {
      const url = checkedUrl(serverUrl);
      let answer;
      try {
        answer = await within(
          signIn(url, user.trim(), password),
          SIGN_IN_TIMEOUT_MS,
          () => new LocalizedError('newsroomui.error.unreachable', { server: url }),
        );
      } catch (error) {
        throw explained(error, url);
      }
      context.signedIn = {
        serverUrl: url,
        token: answer.token,
        user: answer.user,
        role: answer.role,
        expiresAt: answer.expiresAt,
      };
      deps.allowServer(url);
      return { serverUrl: url, user: answer.user, role: answer.role, expiresAt: answer.expiresAt };
    },

    'newsroom.state': async (_args, context) => {
      const signed = context.signedIn ?? null;
      return {
        signedIn: signed
          ? { serverUrl: signed.serverUrl, user: signed.user, role: signed.role, expiresAt: signed.expiresAt }
          : null,
        edition: context.newsroom?.edition ?? null,
      };
    },

    'newsroom.editions': async (_args, context) => {
      const signed = signedInOf(context);
      const editions = await editionsOf(signed);
      return {
        serverUrl: signed.serverUrl,
        user: signed.user,
        role: signed.role,
        expiresAt: signed.expiresAt,
        editions: editions.map((e) => ({
          name: e.name,
          updatedAt: e.updatedAt ?? null,
          bytes: e.bytes ?? null,
        })),
      };
    },

    'newsroom.publish': async ({ name, source, path, documentId, edition }, context) => {
      const signed = signedInOf(context);
      const wanted = name.trim();
      if (!EDITION_NAME.test(wanted)) throw new LocalizedError('newsroomui.error.badName', { name });
      if (signed.role !== 'designer' && signed.role !== 'admin')
        throw new LocalizedError('newsroomui.error.publishRole', { role: signed.role });
      if ((await editionsOf(signed)).some((e) => e.name === wanted))
        throw new LocalizedError('newsroomui.error.exists', { name: wanted });
      let loaded: { edition: Edition; assets: AssetBytes };
      if (source === 'file') {
        let chosen = path ?? null;
        if (!chosen) {
          if (!deps.dialogs) throw new PathRequiredError('publish');
          chosen = await deps.dialogs.chooseOpenPath('edition');
        }
        if (!chosen) return null;
        loaded = await deps.backend.read(chosen);
      } else {
        handOver(context, documentId, edition);
        const record = context.documentId ? deps.documents.find(context.documentId) : undefined;
        if (!record) throw new LocalizedError('error.noEdition');
        loaded = { edition: record.edition, assets: record.assets };
      }
      await publish(signed, wanted, loaded.edition, loaded.assets);
      return {
        name: wanted,
        pages: loaded.edition.pages.length,
        stories: Object.keys(loaded.edition.stories).length,
        photos: loaded.assets.size,
      };
    },

    'newsroom.open': async ({ name, documentId, edition }, context) => {
      const signed = signedInOf(context);
      const editions = await editionsOf(signed);
      if (!editions.some((e) => e.name === name))
        throw new LocalizedError('newsroomui.error.noSuchEdition', { name });
      handOver(context, documentId, edition);
      // The window gets a document of its own for the shared edition; the one it showed waits for Disconnect.
      const before = context.newsroom ? (context.documentBefore ?? null) : context.documentId;
      const shown = context.documentId ? deps.documents.find(context.documentId) : undefined;
      if (context.newsroom && context.documentId) deps.documents.remove(context.documentId);
      const placeholder = shown
        ? deps.documents.add(shown.edition, new Map(shown.assets), null, false)
        : deps.documents.add((await deps.backend.fromTemplate('sample')).edition, new Map(), null, false);
      context.documentBefore = before;
      context.documentId = placeholder.id;
      context.newsroom = {
        serverUrl: signed.serverUrl,
        edition: name,
        token: signed.token,
        user: signed.user,
        role: signed.role,
      };
      deps.allowServer(signed.serverUrl);
      return { reload: true };
    },

    'newsroom.disconnect': async (_args, context) => {
      const wasWorking = Boolean(context.newsroom);
      // A window started on a shared edition (npm run web -- --server …) had no document before: it keeps its own.
      const before = context.documentBefore ? deps.documents.find(context.documentBefore) : undefined;
      if (wasWorking && before) {
        if (context.documentId) deps.documents.remove(context.documentId);
        context.documentId = before.id;
      }
      context.newsroom = null;
      context.signedIn = null;
      context.documentBefore = null;
      return { reload: wasWorking };
    },

    'newsroom.offline.load': async ({ serverUrl, edition }) => {
      const update = await offlineCopies().load(serverUrl, edition);
      return { update: update ? Buffer.from(update).toString('base64') : null };
    },

    'newsroom.offline.append': async ({ serverUrl, edition, update }) => {
      await offlineCopies().append(serverUrl, edition, fromBase64(update));
      return null;
    },

    'newsroom.offline.clear': async ({ serverUrl, edition }) => {
      await offlineCopies().clear(serverUrl, edition);
      return null;
    },
  };
}
