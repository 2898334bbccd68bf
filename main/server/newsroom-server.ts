/**
 * The newsroom server: Hocuspocus (3.x, the Yjs sync server) behind one
 * HTTP server of ours — WebSocket upgrades go to Hocuspocus, the rest to
 * http-api.ts. Every update a client sends is inspected first
 * (rights/update-guard.ts), applied and written to the store's log before
 * Hocuspocus acknowledges it, and the whole state is compacted into one row
 * some time after changes settle (Hocuspocus's database extension,
 * debounced) and on shutdown.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { refusalReason, type Role } from '../../shared/collab/rights';
import type { NewsroomStore } from './store/store';
import { openStore } from './store/open-store';
import { TokenService } from './auth/tokens';
import { UpdateGuard } from './rights/update-guard';
import { HeldUpdates } from './rights/held-updates';
import { parseMessage } from './messages';
import { EDITION_NAME, handleRequest } from './http-api';
import { jsonLogger, type Logger } from './log';
import { LockKeeper } from './lock-keeper';

export interface NewsroomServerOptions {
  host?: string;
  /** 0 for a free port. */
  port?: number;
  /** Folder of the embedded SQLite store (and nothing else). */
  dataDir: string;
  /** A postgres:// URL: use PostgreSQL instead of SQLite. */
  database?: string | null;
  /** Anyone may connect without signing in (a local trial). */
  open?: boolean;
  /** Token signing secret (default: one generated and kept in the store). */
  secret?: string | null;
  tokenTtlSeconds?: number;
  /** Largest WebSocket message accepted (a whole edition's first sync must fit). */
  maxMessageBytes?: number;
  /** Compact an edition this long after its last change … */
  compactDelayMs?: number;
  /** … but at least this often while changes keep coming. */
  compactMaxDelayMs?: number;
  /** A check-out lapses when its holder has been gone this long. */
  lockLapseMs?: number;
  log?: Logger;
  /** An already opened store (tests, the CLI's user commands). */
  store?: NewsroomStore;
}

export interface NewsroomServer {
  url: string;
  port: number;
  store: NewsroomStore;
  hocuspocus: Hocuspocus;
  /** Compacts every open edition into the store now. */
  compactAll(): Promise<void>;
  /** Graceful shutdown: stop accepting, close connections, store everything, close the store. */
  close(): Promise<void>;
}

export interface ConnectionContext {
  user: string;
  role: Role;
}

const REFUSED = 4403;
const TOO_LARGE = 4413;

export async function startNewsroomServer(options: NewsroomServerOptions): Promise<NewsroomServer> {
  const log = options.log ?? jsonLogger();
  const store = options.store ?? (await openStore(options));
  const tokens = await TokenService.create(store, {
    secret: options.secret ?? null,
    ttlSeconds: options.tokenTtlSeconds ?? 12 * 3600,
  });
  const open = options.open ?? false;
  const maxMessageBytes = options.maxMessageBytes ?? 32 * 1024 * 1024;
  const guards = new Map<string, UpdateGuard>();
  /** Per edition, updates waiting for structs they build on (keyed by the connection's socket id). */
  const held = new Map<string, HeldUpdates<string>>();
  /** Per edition, the store's write of the update its doc emitted last (PostgreSQL; SQLite writes at once). */
  const lastWrite = new Map<string, Promise<void> | void>();
  /** Set when shutdown begins: updates that arrive from then on are held, never applied nor acknowledged. */
  let draining = false;
  /** Set once everything is stored at shutdown: later writes (unloading documents) have nothing new. */
  let stopped = false;
  const started = Date.now();
  const locks = new LockKeeper(options.lockLapseMs ?? 10 * 60 * 1000, log);

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.compactDelayMs ?? 30_000,
    maxDebounce: options.compactMaxDelayMs ?? 120_000,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.load(documentName),
        store: async ({ documentName, state }) => {
          if (stopped) return;
          await store.compact(documentName, state);
          log('info', 'compacted', { edition: documentName, bytes: state.byteLength });
        },
      }),
    ],
    async onConnect({ documentName }) {
      if (!EDITION_NAME.test(documentName))
        throw Object.assign(new Error('bad-name'), { reason: 'bad-name' });
    },
    async onAuthenticate({ token, documentName }): Promise<ConnectionContext> {
      const claims = token ? await tokens.verify(token) : { refused: 'no-token' as const };
      if ('refused' in claims) {
        if (open) return { user: 'guest', role: 'designer' };
        log('warn', 'connection-refused', { edition: documentName, reason: claims.refused });
        throw Object.assign(new Error(claims.refused), { reason: refusalReason(claims.refused as never) });
      }
      return claims;
    },
    async afterLoadDocument({ document, documentName }) {
      // Every change to the doc is logged: clients' updates (beforeHandleMessage waits for the
      // write before Hocuspocus acknowledges them) and the server's own (locks).
      document.on('update', (update: Uint8Array) => {
        if (stopped) return;
        const write = store.append(documentName, update);
        write?.catch((error: Error) =>
          log('error', 'store-write-failed', { edition: documentName, message: error.message }),
        );
        lastWrite.set(documentName, write);
        for (const waiting of held.get(documentName)?.ready(document) ?? []) waiting.resume();
      });
      guards.set(documentName, new UpdateGuard(document));
      held.set(documentName, new HeldUpdates(maxMessageBytes));
      locks.attach(documentName, document);
      log('info', 'edition-loaded', { edition: documentName });
    },
    async afterUnloadDocument({ documentName }) {
      guards.get(documentName)?.destroy();
      guards.delete(documentName);
      held.delete(documentName);
      lastWrite.delete(documentName);
      locks.detach(documentName);
      log('info', 'edition-unloaded', { edition: documentName });
    },
    async beforeHandleMessage({ update: data, context, documentName, connection, document, socketId }) {
      const sender = context as ConnectionContext;
      if (data.byteLength > maxMessageBytes) {
        log('warn', 'message-refused', {
          edition: documentName,
          user: sender.user,
          code: 'oversized',
          bytes: data.byteLength,
        });
        throw Object.assign(new Error('oversized'), { code: TOO_LARGE, reason: refusalReason('oversized') });
      }
      const message = parseMessage(data);
      if (message.kind === 'malformed') {
        log('warn', 'message-refused', { edition: documentName, user: sender.user, code: 'malformed' });
        throw Object.assign(new Error('malformed'), { code: REFUSED, reason: refusalReason('malformed') });
      }
      if (message.kind !== 'update' || connection.readOnly) return;
      await admit(documentName, document, connection, socketId, sender, message.update);
    },
    async connected({ context, documentName }) {
      const c = context as ConnectionContext;
      locks.arrived(documentName, c.user);
      log('info', 'connected', { edition: documentName, user: c.user, role: c.role });
    },
    async onDisconnect({ context, documentName, socketId }) {
      const c = context as ConnectionContext | undefined;
      held.get(documentName)?.drop(socketId);
      if (c?.user) locks.left(documentName, c.user);
      log('info', 'disconnected', { edition: documentName, user: c?.user });
    },
    async onStateless({ payload, connection, document, documentName }) {
      const c = connection.context as ConnectionContext;
      const reply = locks.request(documentName, document, c, payload);
      if (reply) connection.sendStateless(JSON.stringify(reply));
    },
  });

  /**
   * A client's update, from arrival to the point where Hocuspocus may apply
   * and acknowledge it: judged (refused with a reason, or held until what it
   * builds on is here), applied, and written to the store.
   */
  async function admit(
    name: string,
    document: Document,
    connection: Connection,
    socketId: string,
    sender: ConnectionContext,
    update: Uint8Array,
  ): Promise<void> {
    // Shutting down: the client keeps the update as not yet acknowledged and sends it again to
    // the next server; the socket is closed once everything before it is stored.
    if (draining) return new Promise<never>(() => undefined);
    const guard = guards.get(name);
    if (!guard) return;
    const verdict = guard.check(update, sender);
    if (verdict.ok === 'later') {
      let resume!: () => void;
      const resumed = new Promise<void>((r) => (resume = r));
      if (!held.get(name)?.hold(socketId, update, verdict.needs, resume)) {
        log('warn', 'update-refused', {
          edition: name,
          user: sender.user,
          code: 'malformed',
          detail: 'missing-dependencies',
        });
        throw Object.assign(new Error('malformed'), {
          code: REFUSED,
          reason: refusalReason('malformed', 'missing-dependencies'),
        });
      }
      // Never resumed when the connection closes first: then the client's next sync sends it again.
      await resumed;
      return admit(name, document, connection, socketId, sender, update);
    }
    if (!verdict.ok) {
      log('warn', 'update-refused', {
        edition: name,
        user: sender.user,
        role: sender.role,
        code: verdict.code,
        detail: verdict.detail,
      });
      throw Object.assign(new Error(verdict.code), {
        code: REFUSED,
        reason: refusalReason(verdict.code, verdict.detail),
      });
    }
    // Applied here (with the connection as origin, as Hocuspocus would), so the doc's update
    // handler logs it, and written before Hocuspocus acknowledges it: its own apply then finds
    // nothing new. An acknowledged update is in the store even if the process is killed next.
    lastWrite.delete(name);
    Y.applyUpdate(document, update, connection);
    await lastWrite.get(name);
  }

  const http: HttpServer = createServer((req, res) => {
    void handleRequest(req, res, {
      store,
      tokens,
      open,
      log,
      maxAssetBytes: 256 * 1024 * 1024,
      health: () => ({
        ok: true,
        store: store.kind,
        editions: hocuspocus.getDocumentsCount(),
        connections: hocuspocus.getConnectionsCount(),
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      }),
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes + 1024 });
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      // ws closes the socket itself (1009) on an oversized frame; the error must not go unhandled.
      ws.on('error', (error) => log('warn', 'socket-error', { message: error.message }));
      hocuspocus.handleConnection(ws, request);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  log('info', 'listening', { url, store: store.kind, open });

  const compactAll = async () => {
    for (const [name, document] of hocuspocus.documents as Map<string, Document>) {
      // Encoded and handed to the store in one step (see NewsroomStore.compact).
      const state = Y.encodeStateAsUpdate(document);
      await store.compact(name, state);
      log('info', 'compacted', { edition: name, bytes: state.byteLength });
    }
    await store.flush();
  };

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      log('info', 'shutting-down', {});
      // Stop accepting connections (the promise settles once the open ones are gone too) and
      // updates; then everything applied so far is stored before a socket closes.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      draining = true;
      locks.stop();
      const stored = hocuspocus.getDocumentsCount();
      try {
        await compactAll();
      } catch (error) {
        log('error', 'flush-failed', { message: (error as Error).message });
      }
      stopped = true;
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await httpClosed;
      await store.close();
      log('info', 'stopped', { editions: stored });
    })());

  return { url, port: address.port, store, hocuspocus, compactAll, close };
}
