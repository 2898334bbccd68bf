/**
 * Talking to a newsroom server from anywhere (the app, the CLI, tests):
 * sign in over HTTP for a token, then open an edition's Y.Doc through a
 * HocuspocusProvider. Pure TypeScript: the WebSocket class is passed in
 * (the browser's own, or the `ws` package in Node 20, which has none).
 */
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { parseRefusal, type RefusalCode, type Role } from './rights';

export interface SignedIn {
  token: string;
  user: string;
  role: Role;
  expiresAt: string;
}

export class NewsroomError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NewsroomError';
  }
}

/** ws://host:port or wss://… → http(s)://host:port (the same server answers both). */
export function httpBase(serverUrl: string): string {
  return serverUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

export function wsBase(serverUrl: string): string {
  return serverUrl.replace(/^http(s?):\/\//, 'ws$1://').replace(/\/+$/, '');
}

/**
 * fetch, tried once more when a kept-alive connection turns out to be dead
 * (the server restarted since): every call here is safe to repeat.
 */
async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

export async function signIn(serverUrl: string, user: string, password: string): Promise<SignedIn> {
  let res: Response;
  try {
    res = await request(`${httpBase(serverUrl)}/api/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new NewsroomError(
      'unreachable',
      `cannot reach ${serverUrl}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as Partial<SignedIn> & {
    error?: string;
    message?: string;
  };
  if (!res.ok || !body.token)
    throw new NewsroomError(
      body.error ?? `http-${res.status}`,
      body.message ?? `sign-in failed (${res.status})`,
    );
  return body as SignedIn;
}

export async function listEditions(
  serverUrl: string,
  token: string | null,
): Promise<{ name: string; updatedAt: string; bytes: number }[]> {
  const res = await request(`${httpBase(serverUrl)}/api/editions`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json().catch(() => ({}))) as { editions?: []; error?: string; message?: string };
  if (!res.ok)
    throw new NewsroomError(
      body.error ?? `http-${res.status}`,
      body.message ?? `listing failed (${res.status})`,
    );
  return body.editions ?? [];
}

export async function putAsset(
  serverUrl: string,
  token: string | null,
  edition: string,
  id: string,
  bytes: Uint8Array,
): Promise<void> {
  const res = await request(
    `${httpBase(serverUrl)}/api/editions/${encodeURIComponent(edition)}/assets/${encodeURIComponent(id)}`,
    {
      method: 'PUT',
      headers: {
        'content-type': 'application/octet-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: bytes as unknown as string,
    },
  );
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new NewsroomError(
      body.error ?? `http-${res.status}`,
      body.message ?? `upload of asset ${id} failed (${res.status})`,
    );
  }
}

export async function getAsset(
  serverUrl: string,
  token: string | null,
  edition: string,
  id: string,
): Promise<Uint8Array | null> {
  const res = await request(
    `${httpBase(serverUrl)}/api/editions/${encodeURIComponent(edition)}/assets/${encodeURIComponent(id)}`,
    {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    },
  );
  if (res.status === 404) return null;
  if (!res.ok)
    throw new NewsroomError(`http-${res.status}`, `download of asset ${id} failed (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

export interface EditionConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the first sync with the server is done; rejects when the server refuses the connection. */
  synced: Promise<void>;
  /** Resolves when every local change has been acknowledged by the server. */
  settled(): Promise<void>;
  /** The server closed the connection refusing something this client sent (see rights.ts). */
  onRefused(listener: (refusal: { code: RefusalCode; detail: string }) => void): () => void;
  close(): void;
}

export interface ConnectOptions {
  serverUrl: string;
  edition: string;
  token: string | null;
  doc?: Y.Doc;
  /** The WebSocket class (Node 20 has none built in: pass the `ws` package's). */
  WebSocket?: unknown;
  /** Reconnect delays (ms); small in tests. */
  delay?: number;
  maxDelay?: number;
}

export function connectEdition(options: ConnectOptions): EditionConnection {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: wsBase(options.serverUrl),
    ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
    delay: options.delay ?? 1000,
    maxDelay: options.maxDelay ?? 30_000,
    minDelay: Math.min(options.delay ?? 1000, 500),
  });
  const refusedListeners = new Set<(r: { code: RefusalCode; detail: string }) => void>();
  let resolveSynced!: () => void;
  let rejectSynced!: (error: Error) => void;
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  synced.catch(() => undefined);
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.edition,
    document: doc,
    token: options.token ?? '',
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => {
      const refusal = parseRefusal(reason);
      rejectSynced(new NewsroomError(refusal?.code ?? 'refused', refusal?.code ?? reason));
    },
    onClose: ({ event }) => {
      const refusal = parseRefusal(String((event as { reason?: unknown }).reason ?? ''));
      if (refusal) for (const listener of refusedListeners) listener(refusal);
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    settled: () =>
      new Promise<void>((resolve) => {
        if (!provider.hasUnsyncedChanges) return resolve();
        const check = () => {
          if (!provider.hasUnsyncedChanges) {
            provider.off('unsyncedChanges', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
      }),
    onRefused(listener) {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
