/**
 * The browser host's security, tried as an attacker would: from another
 * machine, without the token, with a forged Host or Origin, with path
 * tricks on fonts and assets, with bad service messages. (That the CSP stops
 * injected script in the page is tried in app.test.ts.)
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalAddresses } from '../../main/web/host';
import { RENDERER_DIR, startHostProcess, type HostProcess } from './support/web-host';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can forge headers fetch() would not let them set. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser host is reachable only by its own page', () => {
  let host: HostProcess;
  let port: number;
  let token: string;

  beforeAll(async () => {
    host = await startHostProcess();
    const url = new URL(host.url);
    port = Number(url.port);
    token = url.searchParams.get('token') ?? '';
  });
  afterAll(async () => {
    await host?.stop();
  });

  const call = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
    send(port, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-folio-token': token, ...headers },
      body: JSON.stringify(payload),
    });

  it('prints its URL, on 127.0.0.1 with a long random token, as the first line of output', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('does not answer on the machine’s other addresses', async () => {
    for (const address of externalAddresses()) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(true));
        socket.setTimeout(2000, () => {
          socket.destroy();
          resolve(true);
        });
      });
      expect(refused, address).toBe(true);
    }
  });

  it('sends a strict Content-Security-Policy and serves no inline script', async () => {
    const page = await send(port, '/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Every script of the page is a file from the host.
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag))).toBe(true);
  });

  it('requires the session token on every service call, font and asset', async () => {
    expect((await call('folio:app.info', {}, { 'x-folio-token': '' })).status).toBe(401);
    expect((await call('folio:app.info', {}, { 'x-folio-token': 'f'.repeat(48) })).status).toBe(401);
    expect((await call('folio:app.info', {})).status).toBe(200);
    expect((await send(port, '/fonts/NotoSerifSC_400Regular.ttf')).status).toBe(401);
    expect((await send(port, `/fonts/NotoSerifSC_400Regular.ttf?token=${token}`)).status).toBe(200);
    expect((await send(port, '/wasm/harfbuzz.wasm')).status).toBe(401);
  });

  it('refuses requests addressed to another host name or from another origin', async () => {
    expect((await send(port, '/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await call('folio:app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses path tricks on fonts and assets', async () => {
    for (const path of [
      '/fonts/..%2F..%2Fpackage.json',
      '/fonts/%2e%2e%2fpackage.json',
      '/fonts/../../package.json',
      '/fonts/..%5c..%5cpackage.json',
      '/assets/..%2F..%2Fpackage.json/x',
      '/assets/x/..%2F..%2F..%2Fetc%2Fpasswd',
      '/wasm/..%2Fharfbuzz-subset.wasm',
      '/../package.json',
      '/renderer.js/../../package.json',
    ]) {
      const reply = await send(port, `${path}${path.includes('?') ? '&' : '?'}token=${token}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('"name": "folio"');
    }
  });

  it('rejects unknown channels and invalid messages with a clear error', async () => {
    const unknown = await call('folio:shell.openExternal', { url: 'https://example.com' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toMatch(/unknown channel/);
    const unprefixed = await call('app.info', {});
    expect(unprefixed.status).toBe(404);
    const bad = await call('folio:edition.setDirty', { documentId: '../../x', dirty: true });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/documentId/);
    const notJson = await send(port, '/api/folio:app.info', {
      method: 'POST',
      headers: { 'x-folio-token': token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
  });
});
