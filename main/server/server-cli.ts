/**
 * `npm run server -- [options]` / `folio server [options]`: starts the
 * newsroom server; `folio server user add NAME --role ROLE` and
 * `folio server user list` manage accounts in the same store.
 */
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashPassword } from './auth/passwords';
import { ROLES, type Role } from './store/store';
import { openStore } from './store/open-store';
import { startNewsroomServer } from './newsroom-server';

export const serverUsage = `Usage: folio server [options]            start the newsroom server
       folio server user add <name> --role <role> [--password <pw>]
       folio server user list

Options:
  --port <n>            port to listen on (default 4400; 0 for any free port)
  --host <address>      address to listen on (default 127.0.0.1; put a TLS proxy in front for wss)
  --data-dir <dir>      the embedded SQLite store's folder (default $FOLIO_DATA_DIR/server or ~/.folio/server)
  --database <url>      use PostgreSQL instead: postgres://user:pw@host/db
  --open                let anyone connect without signing in (a local trial only)
  --compact-delay <s>   compact an edition this long after changes settle (default 30)
  --lock-lapse <s>      a check-out lapses when its holder has been gone this long (default 600)
  --token-ttl <s>       how long a sign-in token lasts (default 43200, 12 h)
  --max-message <bytes> largest message accepted (default 33554432)

Roles: designer, editor, proofreader, admin. The password comes from --password,
else $FOLIO_PASSWORD, else the first line of standard input.`;

export class ServerCliError extends Error {}

function storeOptions(values: { 'data-dir'?: string; database?: string }, cwd: string) {
  const dataDir = values['data-dir']
    ? resolve(cwd, values['data-dir'])
    : join(process.env.FOLIO_DATA_DIR ?? join(homedir(), '.folio'), 'server');
  return { dataDir, database: values.database ?? process.env.FOLIO_DATABASE_URL ?? null };
}

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY)
    throw new ServerCliError('give the password with --password, $FOLIO_PASSWORD or on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** Runs the server command; resolves with an exit code (for `user`) or never while serving. */
export async function runServerCli(
  args: string[],
  io: { out(t: string): void; err(t: string): void; cwd: string },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      open: { type: 'boolean' },
      'compact-delay': { type: 'string' },
      'lock-lapse': { type: 'string' },
      'token-ttl': { type: 'string' },
      'max-message': { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(serverUsage);
    return 0;
  }
  if (positionals[0] === 'user') {
    const store = await openStore(storeOptions(values, io.cwd));
    try {
      if (positionals[1] === 'list') {
        for (const a of await store.listAccounts()) io.out(`${a.name}\t${a.role}\t${a.createdAt}`);
        return 0;
      }
      if (positionals[1] !== 'add' || !positionals[2])
        throw new ServerCliError(`expected 'user add <name> --role <role>' or 'user list'`);
      const name = positionals[2];
      if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(name))
        throw new ServerCliError(`user name "${name}": letters, digits and . _ @ - only, at most 64`);
      const role = values.role as Role;
      if (!ROLES.includes(role)) throw new ServerCliError(`--role must be one of ${ROLES.join(', ')}`);
      const password = values.password ?? process.env.FOLIO_PASSWORD ?? (await readStdinLine());
      if (!password || password.length < 8)
        throw new ServerCliError('the password must have at least 8 characters');
      const existing = await store.getAccount(name);
      await store.putAccount({
        name,
        role,
        passwordHash: await hashPassword(password),
        createdAt: existing?.createdAt ?? new Date().toISOString(),
      });
      io.out(`${existing ? 'Updated' : 'Added'} ${name} (${role})`);
      return 0;
    } finally {
      await store.close();
    }
  }
  if (positionals.length > 0)
    throw new ServerCliError(`unexpected argument '${positionals[0]}' (see 'folio server --help')`);
  const seconds = (v: string | undefined, fallback: number, flag: string) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new ServerCliError(`--${flag} must be a number of seconds`);
    return n;
  };
  const port = values.port === undefined ? 4400 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerCliError('--port must be 0–65535');
  const server = await startNewsroomServer({
    ...storeOptions(values, io.cwd),
    host: values.host ?? '127.0.0.1',
    port,
    open: values.open ?? false,
    compactDelayMs: seconds(values['compact-delay'], 30, 'compact-delay') * 1000,
    compactMaxDelayMs: Math.max(seconds(values['compact-delay'], 30, 'compact-delay') * 4, 10) * 1000,
    lockLapseMs: seconds(values['lock-lapse'], 600, 'lock-lapse') * 1000,
    tokenTtlSeconds: seconds(values['token-ttl'], 43200, 'token-ttl'),
    maxMessageBytes: values['max-message'] ? Number(values['max-message']) : undefined,
  });
  const stop = (signal: string) => {
    process.stderr.write(`folio server: ${signal}, storing and stopping\n`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return new Promise<number>(() => undefined);
}
