/**
 * Security headers for the browser host. The CSP allows only the host's own
 * scripts (no inline script, no eval; WebAssembly compilation for the
 * shaper), no remote content of any kind, and no framing.
 */
export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' blob: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The CSP with more `connect-src` sources (the newsroom server a session works with). */
export function cspConnecting(sources: readonly string[]): string {
  return sources.length === 0
    ? WEB_CSP
    : WEB_CSP.replace("connect-src 'self'", `connect-src 'self' ${sources.join(' ')}`);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Compares two tokens in constant time. */
export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}

/**
 * Only requests addressed to this host by its loopback name pass: a web page
 * elsewhere that rebinds its DNS name to 127.0.0.1 sends its own Host header
 * and is refused.
 */
export function allowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
