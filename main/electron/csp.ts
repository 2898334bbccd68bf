/**
 * The Electron renderer's Content-Security-Policy. The app is served from
 * `folio://app/`; fonts, the shaper's WASM and assets come from other
 * `folio://` hosts. Nothing remote, no inline script, no eval (only
 * WebAssembly compilation for the shaper).
 */
export const ELECTRON_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  'img-src folio: blob: data:',
  'font-src folio: blob: data:',
  'connect-src folio:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The CSP with the newsroom servers the user signed in to (newsroom-access.ts) as connect-src too. */
export function electronCsp(servers: readonly string[]): string {
  return servers.length === 0
    ? ELECTRON_CSP
    : ELECTRON_CSP.replace('connect-src folio:', `connect-src folio: ${servers.join(' ')}`);
}

/** The origin the renderer is served from; IPC from any other frame is refused. */
export const APP_ORIGIN = 'folio://app';
export const APP_URL = `${APP_ORIGIN}/index.html`;
