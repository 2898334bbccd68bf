/**
 * Starting the browser host for tests: in-process (the same startWebHost as
 * `npm run web`, with temp folders and in-memory preferences), or as the real
 * `npm run web` process, reading the URL from its first line of output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { EditionBackend } from '../../../main/services/backend';
import { editionBackend } from '../../../main/services/edition-backend';
import { MemoryPreferences } from '../../../main/services/preferences';
import { startWebHost, type WebHost } from '../../../main/web/host';
import { fixtureEdition } from './fixture-edition';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

export function assertRendererBuilt(): void {
  if (process.env.FOLIO_RENDERER_BUILD_ERROR)
    throw new Error(`the renderer did not build: ${process.env.FOLIO_RENDERER_BUILD_ERROR}`);
  if (!existsSync(join(RENDERER_DIR, 'renderer.js')))
    throw new Error('dist/renderer is missing: the global setup did not build it');
}

/** Whether the sample edition module (main/sample) is part of this checkout. */
export function sampleAvailable(): boolean {
  return existsSync(join(ROOT, 'main', 'sample', 'index.ts'));
}

/** The real backend, with the fixture edition standing in for the sample where main/sample is missing. */
export function testBackend(): EditionBackend {
  if (sampleAvailable()) return editionBackend;
  console.log(
    'note: main/sample is not in this checkout; the tests open the fixture edition instead of the sample',
  );
  return { ...editionBackend, fromTemplate: async () => ({ edition: fixtureEdition(), assets: new Map() }) };
}

export async function startTestHost(
  options: { backend?: EditionBackend; editionPath?: string | null } = {},
): Promise<WebHost> {
  assertRendererBuilt();
  return startWebHost({
    rendererDir: RENDERER_DIR,
    backend: options.backend ?? testBackend(),
    preferences: new MemoryPreferences(),
    editionPath: options.editionPath ?? null,
    journalDir: mkdtempSync(join(tmpdir(), 'folio-journal-')),
  });
}

export interface HostProcess {
  url: string;
  child: ChildProcess;
  /** Lines printed after the URL. */
  output: string[];
  stop(): Promise<void>;
}

/** Runs `npm run web -- --no-open --no-build …` (via tsx directly, as npm would) and waits for its first line. */
export async function startHostProcess(args: string[] = []): Promise<HostProcess> {
  assertRendererBuilt();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main', 'web', 'serve.ts'), '--no-open', '--no-build', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, FOLIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'folio-data-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let first = true;
    lines.on('line', (line) => {
      if (first) {
        first = false;
        resolvePromise(line);
      } else output.push(line);
    });
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${errors.trim()}`)));
    setTimeout(
      () => reject(new Error(`npm run web printed nothing in 60 s: ${errors.trim()}`)),
      60_000,
    ).unref();
  });
  return {
    url,
    child,
    output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls one of the host's services over its HTTP API, as the renderer does; its result. */
export async function callHost(host: WebHost, method: string, args: unknown): Promise<unknown> {
  const origin = new URL(host.url).origin;
  const response = await fetch(`${origin}/api/${encodeURIComponent(`folio:${method}`)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-folio-token': host.token },
    body: JSON.stringify(args),
  });
  return ((await response.json()) as { result: unknown }).result;
}
