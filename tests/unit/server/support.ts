/**
 * Newsroom servers for tests: started in this process on a random loopback
 * port, against a fresh SQLite folder or a fresh PostgreSQL schema (from
 * FOLIO_TEST_PG_URL, which .ci/run provides), with accounts for each role.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { NodeWebSocket as WebSocket } from '../../../main/server/node-websocket';
import type * as Y from 'yjs';
import {
  startNewsroomServer,
  type NewsroomServer,
  type NewsroomServerOptions,
} from '../../../main/server/newsroom-server';
import { hashPassword } from '../../../main/server/auth/passwords';
import { openStore } from '../../../main/server/store/open-store';
import { silentLogger } from '../../../main/server/log';
import type { Role } from '../../../main/server/store/store';
import { connectEdition, signIn, type EditionConnection } from '../../../shared/collab/newsroom-client';

export type Backend = 'sqlite' | 'postgres';

export const PG_URL = process.env.FOLIO_TEST_PG_URL ?? null;

/** The backends to run against; PostgreSQL only where a test database is provided. */
export function backends(): Backend[] {
  if (!PG_URL) {
    console.log(
      'skipped: PostgreSQL server tests — FOLIO_TEST_PG_URL is not set (.ci/run sets it after starting the cluster)',
    );
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export const PASSWORD = 'correct horse battery';
export const USERS: Record<string, Role> = {
  dana: 'designer',
  eli: 'editor',
  pat: 'proofreader',
  ada: 'admin',
};

/** A fresh schema in the test database, as a connection URL. */
export async function freshPostgres(): Promise<string> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(PG_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface TestServer {
  server: NewsroomServer;
  ws: string;
  dataDir: string;
  database: string | null;
  token(user: string): Promise<string>;
  connect(edition: string, user: string | null, doc?: Y.Doc): Promise<EditionConnection>;
  restart(extra?: Partial<NewsroomServerOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(
  backend: Backend,
  extra: Partial<NewsroomServerOptions> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'folio-server-'));
  const database = backend === 'postgres' ? await freshPostgres() : null;
  const store = await openStore({ dataDir, database });
  const hash = await hashPassword(PASSWORD);
  for (const [name, role] of Object.entries(USERS))
    await store.putAccount({ name, role, passwordHash: hash, createdAt: new Date().toISOString() });
  await store.close();
  const base: NewsroomServerOptions = {
    dataDir,
    database,
    port: 0,
    log: silentLogger,
    secret: 'test-secret',
    ...extra,
  };
  let server = await startNewsroomServer(base);
  const connections: EditionConnection[] = [];
  const t: TestServer = {
    get server() {
      return server;
    },
    get ws() {
      return server.url.replace('http://', 'ws://');
    },
    dataDir,
    database,
    token: async (user) => (await signIn(server.url, user, PASSWORD)).token,
    async connect(edition, user, doc) {
      const token = user ? await t.token(user) : null;
      const c = connectEdition({
        serverUrl: server.url,
        edition,
        token,
        doc,
        WebSocket,
        delay: 50,
        maxDelay: 200,
      });
      connections.push(c);
      await c.synced;
      return c;
    },
    async restart(more = {}) {
      await server.close();
      server = await startNewsroomServer({ ...base, ...more, port: server.port });
    },
    async stop() {
      for (const c of connections) c.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } as TestServer;
  return t;
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
