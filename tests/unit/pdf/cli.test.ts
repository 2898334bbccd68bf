/**
 * `folio export` and `folio preflight` as a user runs them: real .folio
 * files written by main/storage, real PDFs, exit codes, one-line errors,
 * progress on stderr, and no partial PDF after a failure.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { writeFolio } from '../../../main/storage';
import type { AssetBytes, Edition } from '../../../shared/model/types';
import { composedFixture } from './fixtures/composed-edition';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function folio(cwd: string, ...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out, err };
}

let dir: string;
let edition: Edition;
let assets: AssetBytes;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-cli-'));
  ({ edition, assets } = await composedFixture(3));
  await writeFolio(join(dir, 'good.folio'), edition, assets);
});

describe('folio export', () => {
  it('exports a three-page edition with the Press preset, printing progress per page on stderr', async () => {
    const run = await folio(dir, 'export', 'good.folio', '-o', 'good.pdf');
    expect(run.code).toBe(0);
    expect(run.err.filter((l) => /^page \d/.test(l))).toEqual([
      'page 1 (1/3)',
      'page 2 (2/3)',
      'page 3 (3/3)',
    ]);
    expect(run.out.join('\n')).toMatch(/^wrote good\.pdf \(\d+ KB, press\)$/);
    expect(readFileSync(join(dir, 'good.pdf')).subarray(0, 8).toString()).toBe('%PDF-1.3');
  });

  it('exports a page range as a proof', async () => {
    const run = await folio(
      dir,
      'export',
      'good.folio',
      '-o',
      'two.pdf',
      '--preset',
      'proof',
      '--pages',
      '2-3',
    );
    expect(run.code).toBe(0);
    const pdf = readFileSync(join(dir, 'two.pdf')).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('--image-ppi and --jpeg-quality change the photos; a bad value is one line, exit 2', async () => {
    const small = await folio(
      dir,
      'export',
      'good.folio',
      '-o',
      'q40.pdf',
      '--jpeg-quality',
      '40',
      '--image-ppi',
      '150',
    );
    const full = await folio(dir, 'export', 'good.folio', '-o', 'full.pdf', '--image-ppi', 'full');
    expect(small.code).toBe(0);
    expect(full.code).toBe(0);
    expect(readFileSync(join(dir, 'q40.pdf')).length).toBeLessThan(
      readFileSync(join(dir, 'full.pdf')).length,
    );
    const bad = await folio(dir, 'export', 'good.folio', '-o', 'bad-q.pdf', '--jpeg-quality', 'best');
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(["folio export: --jpeg-quality 'best': give a whole number from 1 to 100"]);
    expect(existsSync(join(dir, 'bad-q.pdf'))).toBe(false);
  });

  it('a bad page range is one line, exit 2, and nothing is written', async () => {
    const run = await folio(dir, 'export', 'good.folio', '-o', 'bad-range.pdf', '--pages', '2-9');
    expect(run.code).toBe(2);
    expect(run.err).toEqual(["folio export: bad page range '2-9': the edition has 3 pages"]);
    expect(existsSync(join(dir, 'bad-range.pdf'))).toBe(false);
  });

  it('an unwritable path is one line, exit 2', async () => {
    const run = await folio(dir, 'export', 'good.folio', '-o', 'no/such/folder/out.pdf');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(
      /^folio export: cannot write .*no\/such\/folder\/out\.pdf: the folder does not exist$/,
    );
  });

  it('a damaged .folio is one line naming the file, exit 2', async () => {
    writeFileSync(join(dir, 'damaged.folio'), 'PK\u0003\u0004 this is not a zip');
    const run = await folio(dir, 'export', 'damaged.folio', '-o', 'damaged.pdf');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^folio export: .*damaged\.folio/);
    expect(existsSync(join(dir, 'damaged.pdf'))).toBe(false);
  });

  it('a damaged photo is one line naming page, frame and image, exit 2, and no partial PDF', async () => {
    const photo = assets.get('photo') as Uint8Array;
    const cut = photo.subarray(0, Math.floor(photo.length / 3));
    const damaged = structuredClone(edition);
    damaged.assets.photo.byteLength = cut.length;
    await writeFolio(join(dir, 'broken-photo.folio'), damaged, new Map([['photo', cut]]));
    const before = readdirSync(dir).length;
    const run = await folio(dir, 'export', 'broken-photo.folio', '-o', 'broken.pdf');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(
      /^folio export: page 1, frame 'Photo 1' \(img-0\): image 'photo\.jpg' cannot be read/,
    );
    expect(readdirSync(dir).length).toBe(before);
  });

  it('a Press export with preflight errors is refused with the findings listed; --force exports anyway', async () => {
    const overset = structuredClone(edition);
    const story = overset.stories['en-0'];
    story.blocks = Array.from({ length: 30 }, () => structuredClone(story.blocks[0]));
    await writeFolio(join(dir, 'overset.folio'), overset, assets);
    const refused = await folio(dir, 'export', 'overset.folio', '-o', 'overset.pdf');
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(
      /preflight found 1 error; fix them or export with --force:\nerror: \[overset-text\] page 1, frame 'English 1' \(en-0\): story 'English 1' is overset/,
    );
    expect(existsSync(join(dir, 'overset.pdf'))).toBe(false);
    const forced = await folio(dir, 'export', 'overset.folio', '-o', 'overset.pdf', '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'overset.pdf'))).toBe(true);
  });

  it('a page range is preflighted on its own pages: an overset story elsewhere does not block it', async () => {
    const overset = structuredClone(edition);
    const story = overset.stories['en-2'];
    story.blocks = Array.from({ length: 30 }, () => structuredClone(story.blocks[0]));
    await writeFolio(join(dir, 'overset-p3.folio'), overset, assets);
    const run = await folio(dir, 'export', 'overset-p3.folio', '-o', 'p1-2.pdf', '--pages', '1-2');
    expect(run.code).toBe(0);
    expect(run.err.filter((l) => l.startsWith('warning:')).every((l) => / page [12], /.test(l))).toBe(true);
  });

  it('asks for -o when it is missing', async () => {
    const run = await folio(dir, 'export', 'good.folio');
    expect(run).toMatchObject({
      code: 2,
      err: ['folio export: where to? Give the PDF to write with -o <out.pdf>'],
    });
  });
});

describe('folio preflight', () => {
  it('prints one line per finding and exits 0 when there are only warnings', async () => {
    const run = await folio(dir, 'preflight', 'good.folio', '--no-copy-checks');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "warning: [rgb-image] page 1, frame 'Photo 1' (img-0): image 'photo.jpg' is RGB; the Press export converts it to CMYK",
    );
    expect(run.out[run.out.length - 1]).toBe('0 errors, 6 warnings');
  });

  it('runs the copy checks by default: the fixture’s raw copy has half-width punctuation in Chinese text', async () => {
    const run = await folio(dir, 'preflight', 'good.folio');
    expect(run.code).toBe(0);
    const copy = run.out.filter((line) => line.startsWith('warning: [copy-halfwidth-punctuation] page 1, '));
    expect(copy.length).toBeGreaterThan(10);
    expect(copy[0]).toBe(
      `warning: [copy-halfwidth-punctuation] page 1, frame 'Lead story 1' (body-0): story 'Lead 1' ¶1: half-width "(" in Chinese text: …本报讯[(]记者 姬慧洋)… (fix: "（")`,
    );
    expect(copy.some((line) => /half-width "," in Chinese text: ….+\[,\].+… \(fix: "，"\)$/.test(line))).toBe(
      true,
    );
  });

  it('--json gives the findings as data and exits 1 on errors', async () => {
    const grey = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const tiny = structuredClone(edition);
    tiny.assets.photo = { ...tiny.assets.photo, widthPx: 40, heightPx: 30, byteLength: grey.length };
    tiny.stories['en-1'].blocks = Array.from({ length: 30 }, () =>
      structuredClone(tiny.stories['en-1'].blocks[0]),
    );
    await writeFolio(join(dir, 'tiny.folio'), tiny, new Map([['photo', grey]]));
    const run = await folio(dir, 'preflight', 'tiny.folio', '--json');
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.out.join('\n')) as {
      findings: { code: string; pageNumber: number; severity: string }[];
    };
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'overset-text', pageNumber: 2 });
    expect(findings.filter((f) => f.code === 'low-resolution')).toHaveLength(3);
  });
});
