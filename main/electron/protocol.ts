/**
 * The `folio://` protocol: `folio://app/<file>` serves the built renderer,
 * `folio://fonts/<file>`, `folio://wasm/harfbuzz.wasm` and
 * `folio://assets/<documentId>/<assetId>` go through the ResourceResolver,
 * which only knows names from its index — never a path from the request.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceResolver } from '../services/resources';
import { electronCsp } from './csp';
import { newsroomOrigins } from './newsroom-access';

const APP_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'renderer.js': 'text/javascript; charset=utf-8',
  'renderer.css': 'text/css; charset=utf-8',
};

/** Must run before the app is ready: folio: behaves like https (origin, fetch, CSP 'self'). */
export function registerFolioScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'folio', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

export function handleFolioProtocol(rendererDir: string, resources: ResourceResolver): void {
  protocol.handle('folio', async (request) => {
    const url = new URL(request.url);
    const headers = {
      'Content-Security-Policy': electronCsp(newsroomOrigins()),
      'X-Content-Type-Options': 'nosniff',
    };
    if (url.host === 'app') {
      const name = url.pathname.replace(/^\//, '') || 'index.html';
      const type = APP_FILES[name];
      if (!type) return notFound();
      return new Response(await readFile(join(rendererDir, name)), {
        headers: { ...headers, 'content-type': type },
      });
    }
    if (!['fonts', 'wasm', 'assets'].includes(url.host)) return notFound();
    const file = await resources.resolve(`${url.host}${url.pathname}`, url.searchParams);
    if (!file) return notFound();
    return new Response(file.bytes as unknown as BodyInit, {
      headers: { ...headers, 'content-type': file.contentType },
    });
  });
}
