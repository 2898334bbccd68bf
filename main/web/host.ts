/**
 * The browser host: serves the built renderer and the same services as the
 * Electron main process over HTTP, bound to 127.0.0.1 only. Every service
 * call, font, WASM and asset request carries the session token (header
 * `x-folio-token` or query `token`); the static renderer files carry no
 * secrets and need none.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import os from 'node:os';
import { createDispatcher, ServiceRejection } from '../../shared/services/dispatcher';
import type { EditionBackend } from '../services/backend';
import { EditJournal } from '../journal/edit-journal';
import { describeFailure } from '../services/user-errors';
import { DocumentRegistry } from '../services/documents';
import { createServiceHandlers, type ServiceContext } from '../services/handlers';
import type { NewsroomWork } from '../services/newsroom-handlers';
import type { PreferencesStore } from '../services/preferences';
import { bundledFontFolders, ResourceResolver } from '../services/resources';
import { allowedHost, cspConnecting, SECURITY_HEADERS, sameToken } from './security';

export interface WebHostOptions {
  /** Folder of the built renderer (index.html, renderer.js, renderer.css). */
  rendererDir: string;
  backend: EditionBackend;
  preferences: PreferencesStore;
  /** The edition to open: a .folio path, or null for the sample edition. */
  editionPath: string | null;
  /** The recovery folder for the edit journal (a data folder, never beside the user's file). */
  journalDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); random by default. */
  token?: string;
  version?: string;
  /** Work on a shared edition of a newsroom server (signed in already). */
  newsroom?: NewsroomSession | null;
}

export type NewsroomSession = NewsroomWork;

export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Settles when the initial edition is open (rejects with why it could not be). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Service calls that do not need the initial edition, so the renderer can start meanwhile. */
const INDEPENDENT_OF_EDITION = new Set([
  'folio:app.info',
  'folio:preferences.get',
  'folio:fonts.list',
  'folio:recent.list',
]);

/** Request bodies larger than this are refused (an edition with its text is far smaller). */
const MAX_BODY = 64 * 1024 * 1024;

const { 'Content-Security-Policy': _csp, ...HEADERS_BUT_CSP } = SECURITY_HEADERS;

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
) {
  // A newsroom session's host set its own CSP (one more connect-src) on the response.
  response.writeHead(status, {
    ...(response.hasHeader('content-security-policy') ? HEADERS_BUT_CSP : SECURITY_HEADERS),
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The static files of the built renderer, read once (names only; no path from the request is used). */
function loadStatic(rendererDir: string): Map<string, { bytes: Buffer; type: string }> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `the renderer is not built: ${join(rendererDir, 'index.html')} is missing (run npm run build)`,
    );
  }
  const files = new Map<string, { bytes: Buffer; type: string }>();
  for (const name of readdirSync(rendererDir)) {
    const extension = name.slice(name.lastIndexOf('.'));
    const type = STATIC_TYPES[extension];
    if (type) files.set(`/${name}`, { bytes: readFileSync(join(rendererDir, name)), type });
  }
  files.set('/', files.get('/index.html')!);
  return files;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const staticFiles = loadStatic(options.rendererDir);
  const documents = new DocumentRegistry();
  const resources = new ResourceResolver(bundledFontFolders(), documents);
  const session: ServiceContext = { documentId: null, newsroom: options.newsroom ?? null };
  let port = 0;
  // The newsroom servers the page may talk to: the one it was started on and any it signed in to since.
  const servers = new Set<string>();
  const allowServer = (serverUrl: string) => {
    servers.add(serverUrl.replace(/^http/, 'ws').replace(/\/+$/, ''));
    servers.add(serverUrl.replace(/^ws/, 'http').replace(/\/+$/, ''));
  };
  if (session.newsroom) allowServer(session.newsroom.serverUrl);
  const ownCsp = () => (servers.size ? cspConnecting([...servers]) : null);

  const handlers = createServiceHandlers({
    backend: options.backend,
    documents,
    preferences: options.preferences,
    resources,
    journal: new EditJournal({ dir: options.journalDir }),
    allowNewsroomServer: allowServer,
    hooks: {
      info: (context) => ({
        host: 'web',
        platform: process.platform,
        version: options.version ?? '0.0.0',
        nativeDialogs: false,
        systemLanguage: Intl.DateTimeFormat().resolvedOptions().locale || process.env.LANG || 'en',
        fontBaseUrl: '/fonts/',
        wasmUrl: '/wasm/harfbuzz.wasm',
        assetBaseUrl: '/assets/',
        resourceQuery: `?token=${token}`,
        newsroom: context.newsroom ?? null,
      }),
      dialogs: null,
      // One session shows one document: opening another replaces it.
      present: () => true,
      setMenuState: () => undefined,
      close: async () => true,
    },
  });
  const dispatch = createDispatcher(handlers);

  // Open the initial edition while the server starts and the browser loads the renderer, fonts and
  // shaper; service calls wait for it. A file that cannot be read fails every call with its message.
  const ready = (async () => {
    const initial = options.editionPath
      ? await options.backend.read(options.editionPath)
      : await options.backend.fromTemplate('sample');
    session.documentId = documents.add(initial.edition, initial.assets, options.editionPath).id;
  })();
  ready.catch(() => undefined);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const csp = ownCsp();
    if (csp) response.setHeader('Content-Security-Policy', csp);
    if (!allowedHost(request.headers.host, port)) return send(response, 403, 'text/plain', 'forbidden host');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = request.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(response, 403, 'text/plain', 'forbidden origin');
    }

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'method not allowed');
      if (!sameToken(request.headers['x-folio-token'] as string | undefined, token)) {
        return sendJson(response, 401, { error: 'missing or wrong session token' });
      }
      if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
        return sendJson(response, 415, { error: 'service calls are JSON' });
      }
      let payload: unknown;
      try {
        payload = JSON.parse(await readBody(request));
      } catch (error) {
        return sendJson(response, 400, { error: `bad request body: ${(error as Error).message}` });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      try {
        if (!INDEPENDENT_OF_EDITION.has(channel)) await ready;
        const result = await dispatch(channel, payload, session);
        return sendJson(response, 200, { result });
      } catch (error) {
        const status = error instanceof ServiceRejection ? (error.kind === 'channel' ? 404 : 400) : 500;
        const failure = describeFailure(error);
        return sendJson(response, status, { error: failure.message, text: failure.text });
      }
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'method not allowed');

    if (/^\/(fonts|wasm|assets)\//.test(url.pathname)) {
      if (!sameToken(url.searchParams.get('token') ?? (request.headers['x-folio-token'] as string), token)) {
        return send(response, 401, 'text/plain', 'missing or wrong session token');
      }
      const file = await resources.resolve(url.pathname.slice(1), url.searchParams);
      if (!file) return send(response, 404, 'text/plain', 'not found');
      return send(response, 200, file.contentType, file.bytes, { 'Cache-Control': 'private, max-age=3600' });
    }

    const file = staticFiles.get(url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'not found');
    return send(response, 200, file.type, file.bytes);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: (error as Error).message });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    ready,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The names this machine answers to on the network, for the test that the host is not on them. */
export function externalAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && entry.family === 'IPv4')
    .map((entry) => entry!.address);
}
