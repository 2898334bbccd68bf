/**
 * The server's HTTP side: GET /health, POST /api/signin (name + password →
 * signed, expiring token), GET /api/editions (the edition list), and the
 * photo bytes of an edition (PUT/GET /api/editions/<name>/assets/<id>).
 * Everything but /health and sign-in needs `Authorization: Bearer <token>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NewsroomStore } from './store/store';
import type { TokenClaims, TokenService } from './auth/tokens';
import { verifyPassword } from './auth/passwords';
import type { Logger } from './log';

export const EDITION_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u;
const ASSET_ID = /^[A-Za-z0-9._-]{1,100}$/;

export interface ApiContext {
  store: NewsroomStore;
  tokens: TokenService;
  open: boolean;
  log: Logger;
  maxAssetBytes: number;
  health(): Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function claimsOf(req: IncomingMessage, ctx: ApiContext): Promise<TokenClaims | { refused: string }> {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer (.+)$/.exec(header)?.[1];
  if (!token) return ctx.open ? { user: 'guest', role: 'designer' } : { refused: 'no-token' };
  const claims = await ctx.tokens.verify(token);
  if ('refused' in claims && ctx.open) return { user: 'guest', role: 'designer' };
  return claims;
}

export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://server');
  const path = url.pathname;
  try {
    if (req.method === 'GET' && path === '/health') return send(res, 200, ctx.health());
    if (req.method === 'POST' && path === '/api/signin') {
      let body: { user?: unknown; password?: unknown };
      try {
        body = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8')) as typeof body;
      } catch {
        return send(res, 400, { error: 'bad-request', message: 'send JSON {"user": …, "password": …}' });
      }
      const user = typeof body.user === 'string' ? body.user : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const account = user ? await ctx.store.getAccount(user) : null;
      if (!account || !(await verifyPassword(password, account.passwordHash))) {
        ctx.log('warn', 'signin-refused', { user });
        return send(res, 401, { error: 'bad-credentials', message: 'unknown user or wrong password' });
      }
      const issued = await ctx.tokens.issue({ user: account.name, role: account.role });
      ctx.log('info', 'signin', { user: account.name, role: account.role });
      return send(res, 200, { ...issued, user: account.name, role: account.role });
    }
    if (path === '/api/editions' || path.startsWith('/api/editions/')) {
      const claims = await claimsOf(req, ctx);
      if ('refused' in claims) return send(res, 401, { error: claims.refused, message: 'sign in first' });
      if (req.method === 'GET' && path === '/api/editions')
        return send(res, 200, { editions: await ctx.store.list() });
      const m = /^\/api\/editions\/([^/]+)\/assets\/([^/]+)$/.exec(path);
      if (m) {
        const edition = decodeURIComponent(m[1]);
        const id = decodeURIComponent(m[2]);
        if (!EDITION_NAME.test(edition) || !ASSET_ID.test(id)) return send(res, 400, { error: 'bad-name' });
        if (req.method === 'GET') {
          const bytes = await ctx.store.getAsset(edition, id);
          if (!bytes) return send(res, 404, { error: 'not-found' });
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': bytes.byteLength,
          });
          res.end(Buffer.from(bytes));
          return;
        }
        if (req.method === 'PUT') {
          if (claims.role !== 'designer' && claims.role !== 'admin')
            return send(res, 403, { error: 'role', message: `a ${claims.role} may not place photos` });
          let bytes: Buffer;
          try {
            bytes = await readBody(req, ctx.maxAssetBytes);
          } catch {
            return send(res, 413, { error: 'oversized' });
          }
          await ctx.store.putAsset(edition, id, bytes);
          return send(res, 200, { ok: true, bytes: bytes.length });
        }
      }
    }
    send(res, 404, { error: 'not-found' });
  } catch (error) {
    ctx.log('error', 'http-error', { path, message: (error as Error).message });
    if (!res.headersSent) send(res, 500, { error: 'server-error' });
  }
}
