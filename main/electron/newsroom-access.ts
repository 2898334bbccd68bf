/**
 * The newsroom servers an Electron window may reach. Nothing remote is
 * allowed by default (security.ts cancels every http(s) and ws(s)
 * request); signing in to a server through File ▸ Connect to Newsroom…
 * (main signs in, never the page) adds that server's origin, so the
 * window's WebSocket to it passes the request filter and, after the reload
 * into newsroom mode, the page's Content-Security-Policy (connect-src).
 */
const origins = new Set<string>();

/** ws(s)://host:port and http(s)://host:port of one server. */
export function allowNewsroomServer(serverUrl: string): void {
  const url = new URL(serverUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  origins.add(`${secure ? 'wss' : 'ws'}://${url.host}`);
  origins.add(`${secure ? 'https' : 'http'}://${url.host}`);
}

/** True for a request to a server the user signed in to. */
export function newsroomAllows(requestUrl: string): boolean {
  try {
    const url = new URL(requestUrl);
    return origins.has(`${url.protocol}//${url.host}`);
  } catch {
    return false;
  }
}

/** The origins for the CSP's connect-src. */
export function newsroomOrigins(): string[] {
  return [...origins];
}
