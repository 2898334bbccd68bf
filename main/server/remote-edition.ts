/**
 * Opening a shared edition from Node (the CLI's push and pull, tests, the
 * bench): credentials from flags or FOLIO_USER / FOLIO_PASSWORD, sign-in,
 * a Hocuspocus connection through the `ws` package (Node 20 has no
 * WebSocket of its own).
 */
import { NodeWebSocket as WebSocket } from './node-websocket';
import { connectEdition, signIn, type EditionConnection } from '../../shared/collab/newsroom-client';

export interface Credentials {
  user?: string | null;
  password?: string | null;
}

/** A token for the server, or null when no user is given (a server started with --open). */
export async function tokenFor(serverUrl: string, credentials: Credentials): Promise<string | null> {
  const user = credentials.user ?? process.env.FOLIO_USER ?? null;
  const password = credentials.password ?? process.env.FOLIO_PASSWORD ?? null;
  if (!user) return null;
  if (!password) throw new Error(`no password for ${user}: give --password or set FOLIO_PASSWORD`);
  return (await signIn(serverUrl, user, password)).token;
}

export async function openRemoteEdition(
  serverUrl: string,
  edition: string,
  token: string | null,
  timeoutMs = 30_000,
): Promise<EditionConnection> {
  const connection = connectEdition({ serverUrl, edition, token, WebSocket, delay: 200, maxDelay: 2000 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      connection.synced,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer from ${serverUrl} within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    connection.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return connection;
}
