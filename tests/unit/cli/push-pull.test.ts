/**
 * The newsroom commands as a script uses them: `folio server user add`
 * (password from the environment), `folio push` of the sample edition to a
 * server on a random loopback port, `folio pull` back to a .folio that
 * holds the same edition and photos, and one clear line for each mistake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio } from '../../../main/storage';
import { startNewsroomServer, type NewsroomServer } from '../../../main/server/newsroom-server';
import { silentLogger } from '../../../main/server/log';

const dir = mkdtempSync(join(tmpdir(), 'folio-push-'));
const dataDir = join(dir, 'data');
let server: NewsroomServer;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  expect((await run('sample', '-o', 'sample.folio')).code).toBe(0);
  process.env.FOLIO_PASSWORD = 'page one, column two';
  const added = await run('server', 'user', 'add', 'dana', '--role', 'designer', '--data-dir', dataDir);
  delete process.env.FOLIO_PASSWORD;
  expect(added).toMatchObject({ code: 0, out: 'Added dana (designer)' });
  server = await startNewsroomServer({ dataDir, port: 0, log: silentLogger });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('folio push and pull', () => {
  it('publishes the sample edition and saves it back with the same pages, stories and photos', async () => {
    const creds = ['--user', 'dana', '--password', 'page one, column two'];
    const pushed = await run(
      'push',
      'sample.folio',
      '--server',
      server.url,
      '--edition',
      'zk-sample',
      ...creds,
    );
    expect(pushed.err).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.out).toMatch(/^Published zk-sample on /);
    const pulled = await run(
      'pull',
      '--server',
      server.url,
      '--edition',
      'zk-sample',
      '-o',
      'back.folio',
      ...creds,
    );
    expect(pulled.err).toBe('');
    expect(pulled.code).toBe(0);
    const original = await readFolio(join(dir, 'sample.folio'));
    const back = await readFolio(join(dir, 'back.folio'));
    expect(back.edition).toEqual(original.edition);
    expect([...back.assets.keys()].sort()).toEqual([...original.assets.keys()].sort());
    for (const [id, bytes] of original.assets)
      expect(Buffer.from(back.assets.get(id)!).equals(Buffer.from(bytes))).toBe(true);
    // Pushing again changes nothing and says it updated.
    const again = await run(
      'push',
      'sample.folio',
      '--server',
      server.url,
      '--edition',
      'zk-sample',
      ...creds,
    );
    expect(again.out).toMatch(/^Updated zk-sample/);
  });

  it('says what is wrong in one line: wrong password, unknown edition, bad role', async () => {
    const wrong = await run(
      'pull',
      '--server',
      server.url,
      '--edition',
      'zk-sample',
      '-o',
      'x.folio',
      '--user',
      'dana',
      '--password',
      'nope-nope',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe('folio pull: unknown user or wrong password');
    const creds = ['--user', 'dana', '--password', 'page one, column two'];
    const missing = await run(
      'pull',
      '--server',
      server.url,
      '--edition',
      'zk-none',
      '-o',
      'x.folio',
      ...creds,
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`folio pull: ${server.url} has no edition "zk-none"`);
    const role = await run(
      'server',
      'user',
      'add',
      'x',
      '--role',
      'boss',
      '--password',
      '12345678',
      '--data-dir',
      dataDir,
    );
    expect(role.code).toBe(2);
    expect(role.err).toBe('folio server: --role must be one of designer, editor, proofreader, admin');
  });
});
