/**
 * `folio import`, `folio info` and `folio sample` run as a user runs them:
 * in-process through main() with captured output, and once as a real
 * subprocess. User mistakes exit 2 with one line that says what and where.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import type { EditionInfo } from '../../../main/cli/commands/info';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const samplePage = join(root, 'tests/fixtures/import/sample-page.txt');
const dir = mkdtempSync(join(tmpdir(), 'folio-cli-'));
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return {
    code,
    out: out.join('\n'),
    err: err.join('\n'),
    errLines: err.join('\n').split('\n').filter(Boolean),
  };
}

async function info(file: string): Promise<EditionInfo> {
  const result = await run('info', file, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as EditionInfo;
}

describe('folio import', () => {
  it('imports the sample page into an edition with its seven stories placed', async () => {
    const result = await run('import', samplePage, '-o', 'page.folio');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('7 stories, a banner, 2 captions');
    expect(result.out).toContain('示范区：真抓实干求突破 全力以赴谋发展');

    const edition = await info('page.folio');
    const stories = edition.stories.filter((s) => s.roles.includes('headline'));
    expect(stories.map((s) => s.name)).toEqual([
      '示范区：真抓实干求突破 全力以赴谋发展',
      '做实以案促改工作 一体推进“三不腐”',
      '打通基层执纪监督“最后一公里”',
      '多渠道宣传 力促“新十条”落地见效',
      '改善“小环境” 创造“大幸福”',
      '文昌万达广场项目已进入收尾阶段',
      '坚持精细化管理 扎实推进“创文”工作',
    ]);
    expect(stories[0].roles.filter((r) => r === 'section-head')).toHaveLength(3);
    expect(edition.stories.filter((s) => s.roles.join() === 'caption')).toHaveLength(2);
    expect(edition.stories.filter((s) => s.roles.join() === 'banner')).toHaveLength(1);
    // Placed: every story flows through a frame on the page, photo frames wait for pictures.
    for (const story of edition.stories) expect(story.frames.length).toBeGreaterThan(0);
    const frames = edition.pages.flatMap((p) => p.frames);
    expect(frames.filter((f) => f.kind === 'image').map((f) => f.asset)).toEqual([null, null]);
    expect(edition.pages[0]).toMatchObject({ widthMm: 390, heightMm: 540, columns: 8 });
  });

  it('keeps half-width punctuation with --no-punctuation-fix', async () => {
    expect((await run('import', samplePage, '-o', 'raw.folio', '--no-punctuation-fix')).code).toBe(0);
    const names = (await info('raw.folio')).stories.map((s) => s.name);
    expect(names).toContain('示范区:真抓实干求突破 全力以赴谋发展');
  });

  it('sets English copy on a US broadsheet with --lang en, with the paper and date given', async () => {
    writeFileSync(
      join(dir, 'story.md'),
      '# Council approves bridge\n\nBy Jane Doe\n\nSPRINGFIELD — The council voted on Tuesday.\n',
    );
    const result = await run(
      'import',
      'story.md',
      '-o',
      'story.folio',
      '--lang',
      'en',
      '--paper',
      'The Springfield Times',
      '--date',
      '2024-05-01',
    );
    expect(result.code).toBe(0);
    const edition = await info('story.folio');
    expect(edition.meta).toMatchObject({
      language: 'en',
      paperName: 'The Springfield Times',
      date: '2024-05-01',
    });
    expect(edition.pages[0]).toMatchObject({ widthMm: 304.8, columns: 6 });
    expect(edition.stories.find((s) => s.name === 'Council approves bridge')?.roles).toEqual([
      'headline',
      'byline',
      'lead-in',
      'body',
    ]);
  });

  it('prints the report as JSON with --json', async () => {
    const result = await run('import', samplePage, '-o', 'json.folio', '--json');
    const report = JSON.parse(result.out) as { report: { stories: unknown[]; banner: string } };
    expect(report.report.stories).toHaveLength(7);
    expect(report.report.banner).toBe('新时代 新征程 新伟业');
  });
});

describe('folio sample', () => {
  it('writes the sample edition with its two photos', async () => {
    const result = await run('sample', '-o', 'sample.folio');
    expect(result.code).toBe(0);
    expect(result.out).toContain('sample.folio');
    const edition = await info('sample.folio');
    expect(edition.meta.paperName).toBe('周口晚报');
    expect(edition.assets).toHaveLength(2);
    expect(edition.assets.every((a) => a.mime === 'image/jpeg' && a.bytes > 10_000)).toBe(true);
    expect(edition.pages).toHaveLength(1);
  });
});

describe('help', () => {
  it('explains each command with --help', async () => {
    for (const name of ['import', 'info', 'sample']) {
      const result = await run(name, '--help');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`^Usage: folio ${name} `));
    }
    expect((await run('import', '--help')).out).toContain('--no-punctuation-fix');
  });
});

describe('user mistakes exit 2 with one line naming what and where', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['import', 'nope.txt', '-o', 'x.folio'], /nope\.txt: no such file/],
    [
      'an unsupported extension',
      ['import', 'page.pdf', '-o', 'x.folio'],
      /page\.pdf: unsupported file type '\.pdf'/,
    ],
    ['an unknown option', ['import', samplePage, '-o', 'x.folio', '--colour'], /unknown option '--colour'/],
    ['a missing -o', ['import', samplePage], /missing -o <file\.folio>/],
    ['-o without a value', ['sample', '-o'], /option '-o, --output' needs a value/],
    [
      'an output that is not .folio',
      ['sample', '-o', 'out.pdf'],
      /out\.pdf: the output must be a \.folio file/,
    ],
    [
      'an output folder that does not exist',
      ['sample', '-o', 'no/such/dir/x.folio'],
      /the folder .*no\/such\/dir does not exist/,
    ],
    ['a wrong --lang', ['import', samplePage, '-o', 'x.folio', '--lang', 'fr'], /--lang fr: use zh or en/],
    ['info on a missing file', ['info', 'missing.folio'], /missing\.folio/],
    ['info without a file', ['info'], /missing the \.folio file/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      writeFileSync(join(dir, 'page.pdf'), '%PDF-1.7');
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.errLines).toHaveLength(1);
      expect(result.err).toMatch(new RegExp(`^folio ${argv[0]}: `));
      expect(result.err).toMatch(message);
    });
  }

  it('an unwritable output folder', async (context) => {
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, which may write anywhere');
      context.skip();
    }
    const locked = join(dir, 'locked');
    rmSync(locked, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(locked, { mode: 0o555 }));
    const result = await run('sample', '-o', join(locked, 'x.folio'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/permission denied/);
  });

  it('a damaged .folio, which stays byte for byte as it was', async () => {
    expect((await run('import', samplePage, '-o', 'whole.folio')).code).toBe(0);
    const whole = readFileSync(join(dir, 'whole.folio'));
    const damaged = join(dir, 'damaged.folio');
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = readFileSync(damaged);
    const result = await run('info', damaged);
    expect(result.code).toBe(2);
    expect(result.errLines).toHaveLength(1);
    expect(result.err).toContain(damaged);
    expect(readFileSync(damaged).equals(before)).toBe(true);
  });
});

describe('the folio command as a process', () => {
  it('runs through npx tsx main/cli/folio.ts with its exit codes and output streams', async () => {
    const exec = promisify(execFile);
    const tsx = join(root, 'node_modules/.bin/tsx');
    const file = join(dir, 'process.folio');
    expect((await run('import', samplePage, '-o', file)).code).toBe(0);
    const absent = join(dir, 'absent.folio');
    const [ok, failed] = await Promise.all([
      exec(tsx, ['main/cli/folio.ts', 'info', file], { cwd: root }),
      exec(tsx, ['main/cli/folio.ts', 'info', absent], { cwd: root }).catch(
        (e: { code: number; stderr: string; stdout: string }) => e,
      ),
    ]);
    expect(ok.stdout).toContain('示范区：真抓实干求突破 全力以赴谋发展');
    expect(ok.stderr).toBe('');
    expect('code' in failed && failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^folio info: ${absent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});
