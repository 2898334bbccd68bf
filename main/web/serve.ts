/**
 * `npm run web [edition.folio] [--no-open] [--port N] [--no-build]`: builds the
 * renderer, starts the browser host on 127.0.0.1 and prints its URL (with the
 * session token) as the FIRST line of output — tests and scripts read it.
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
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (args.editionPath)
      throw new Error(`one edition at a time (got "${args.editionPath}" and "${arg}")`);
    else args.editionPath = resolve(arg);
  }
  return args;
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
    { buildRenderer, RENDERER_OUT },
    { editionBackend },
    { JsonFilePreferences, MemoryPreferences },
    { startWebHost },
  ] = await Promise.all([
    import('../../scripts/build'),
    import('../services/edition-backend'),
    import('../services/preferences'),
    import('./host'),
  ]);
  if (args.build) await buildRenderer({ quiet: true });
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
