/**
 * `npm run web [edition.folio] [--no-open] [--port N] [--no-build]`: builds the
 * renderer (unless dist/renderer is built from the sources as they are),
 * starts the browser host on 127.0.0.1 and prints its URL (with the session
 * token) as the FIRST line of output — tests and scripts read it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ServeArgs {
  editionPath: string | null;
  open: boolean;
  port: number;
  build: boolean;
  preferencesFile: string | null;
  dataDir: string;
  /** A newsroom server and edition to work on, with the account to sign in with. */
  server: string | null;
  edition: string | null;
  user: string | null;
  password: string | null;
}

/** Where the browser host keeps recovery journals: $FOLIO_DATA_DIR, else ~/.folio. */
function defaultDataDir(): string {
  return process.env.FOLIO_DATA_DIR ? resolve(process.env.FOLIO_DATA_DIR) : join(homedir(), '.folio');
}

export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = {
    editionPath: null,
    open: true,
    port: 0,
    build: true,
    preferencesFile: null,
    dataDir: defaultDataDir(),
    server: null,
    edition: null,
    user: process.env.FOLIO_USER ?? null,
    password: process.env.FOLIO_PASSWORD ?? null,
  };
  const value = (flag: string, i: number) => {
    if (!argv[i + 1] || argv[i + 1].startsWith('--')) throw new Error(`${flag}: a value is required`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') args.open = false;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port: "${argv[i]}" is not a port number`);
      args.port = port;
    } else if (arg === '--preferences') {
      if (!argv[i + 1]) throw new Error('--preferences: a file path is required');
      args.preferencesFile = resolve(argv[++i]);
    } else if (arg === '--data-dir') {
      if (!argv[i + 1]) throw new Error('--data-dir: a folder is required');
      args.dataDir = resolve(argv[++i]);
    } else if (arg === '--server' || arg === '--edition' || arg === '--user' || arg === '--password') {
      const v = value(arg, i++);
      if (arg === '--server') args.server = v;
      else if (arg === '--edition') args.edition = v;
      else if (arg === '--user') args.user = v;
      else args.password = v;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (args.editionPath)
      throw new Error(`one edition at a time (got "${args.editionPath}" and "${arg}")`);
    else args.editionPath = resolve(arg);
  }
  if (args.server && !/^(ws|http)s?:\/\//.test(args.server))
    throw new Error(`--server: "${args.server}" is not a ws:// or wss:// URL`);
  if ((args.server === null) !== (args.edition === null))
    throw new Error('--server and --edition go together');
  if (args.server && args.editionPath) throw new Error('either an edition file or --server, not both');
  return args;
}

/** Signs in to the newsroom server (when a user is given) so the page gets a token, never the password. */
async function signInForSession(args: ServeArgs) {
  const { signIn } = await import('../../shared/collab/newsroom-client');
  if (!args.user)
    return {
      serverUrl: args.server!,
      edition: args.edition!,
      token: null,
      user: 'guest',
      role: 'designer' as const,
    };
  if (!args.password) throw new Error(`no password for ${args.user}: give --password or set FOLIO_PASSWORD`);
  const signed = await signIn(args.server!, args.user, args.password);
  return {
    serverUrl: args.server!,
    edition: args.edition!,
    token: signed.token,
    user: signed.user,
    role: signed.role,
  };
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.error(`could not open a browser; open ${url} yourself`));
  child.unref();
}

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  if (args.editionPath && !existsSync(args.editionPath)) throw new Error(`${args.editionPath}: no such file`);
  // Loaded after the arguments are checked, so a mistake is reported at once.
  const [
    { buildRenderer, rendererUpToDate, RENDERER_OUT },
    { editionBackend },
    { JsonFilePreferences, MemoryPreferences },
    { startWebHost },
  ] = await Promise.all([
    import('../../scripts/build'),
    import('../services/edition-backend'),
    import('../services/preferences'),
    import('./host'),
  ]);
  const newsroom = args.server && args.edition ? await signInForSession(args) : null;
  // A renderer built from the sources as they are is served as it is (the start then waits for no bundling).
  if (args.build && !rendererUpToDate()) await buildRenderer({ quiet: true });
  const version = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  const host = await startWebHost({
    rendererDir: RENDERER_OUT,
    backend: editionBackend,
    preferences: args.preferencesFile
      ? new JsonFilePreferences(args.preferencesFile)
      : new MemoryPreferences(),
    editionPath: args.editionPath,
    journalDir: join(args.dataDir, 'recovery'),
    port: args.port,
    version,
    newsroom,
  });
  // The first line of output is the URL: keep anything else off stdout before it.
  process.stdout.on('error', () => undefined);
  process.stdout.write(`${host.url}\n`);
  console.error('Folio is served on 127.0.0.1 only; press Ctrl+C to stop.');
  if (args.open) openBrowser(host.url);
  host.ready.catch((error: unknown) => {
    console.error(`folio web: ${(error as Error).message}`);
    void host.close().then(() => process.exit(1));
  });
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`folio web: ${(error as Error).message}`);
    process.exit(1);
  });
}
