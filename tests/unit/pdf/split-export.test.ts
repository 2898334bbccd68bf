/**
 * Edition export for the printer (`folio export --split`): one PDF per page
 * named by the pattern, one of the whole edition and a manifest whose
 * checksums match the files on disk; a folder that cannot be written or a
 * pattern that cannot name the pages is one line, and nothing is left behind.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { writeFolio } from '../../../main/storage';
import { composeForExport, exportSplit, type SplitManifest } from '../../../main/pdf';
import type { Edition } from '../../../shared/model/types';
import { newPlan } from '../../../shared/model/plan';
import { printerLabels, splitExportFiles } from '../../../shared/planning/export-names';
import { composedFixture } from './fixtures/composed-edition';

async function folio(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out, err };
}

/** Four pages: two in 要闻 (prefix A), two in 本地 (prefix B), the last one black only. */
function planned(edition: Edition): Edition {
  const plan = newPlan();
  plan.sections = [
    { id: 'sec-news', name: '要闻', prefix: 'A' },
    { id: 'sec-local', name: '本地', prefix: 'B' },
  ];
  edition.pages.forEach((page, i) => {
    plan.pages[page.id] = {
      sectionId: i < 2 ? 'sec-news' : 'sec-local',
      color: i === 3 ? 'mono' : 'color',
      status: 'in-layout',
    };
  });
  return { ...edition, plan };
}

let dir: string;
let edition: Edition;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-split-'));
  const fixture = await composedFixture(4);
  edition = planned(fixture.edition);
  edition.meta = { ...edition.meta, date: '2026-12-04' };
  await writeFolio(join(dir, 'edition.folio'), edition, fixture.assets);
}, 60_000);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('folio export --split', () => {
  it('writes one PDF per page named for the printer, the whole edition and a manifest that matches the files', async () => {
    const run = await folio(dir, 'export', 'edition.folio', '--pages', 'all', '--split', '-o', 'out');
    expect(run.code, run.err.join('\n')).toBe(0);
    const out = join(dir, 'out');
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      '20261204_A01.pdf',
      '20261204_A02.pdf',
      '20261204_B01.pdf',
      '20261204_B02.pdf',
      '20261204_all.pdf',
      'manifest.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as SplitManifest;
    expect(manifest.pages.map((p) => [p.page, p.section, p.color])).toEqual([
      ['A01', '要闻', 'color'],
      ['A02', '要闻', 'color'],
      ['B01', '本地', 'color'],
      ['B02', '本地', 'mono'],
    ]);
    for (const entry of [...manifest.pages, manifest.whole]) {
      const path = join(out, entry.file);
      expect(sha256(path)).toBe(entry.sha256);
      expect(readFileSync(path).length).toBe(entry.bytes);
    }
    expect(manifest.pages[0].size.widthMm).toBeGreaterThan(100);
    for (const page of manifest.pages) {
      const path = join(out, page.file);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+1$/m);
      // Press keeps its PDF/X-1a keys and output intent in every file.
      expect(info).toMatch(/PDF subtype:\s+PDF\/X-1:2001/);
      expect(info).toMatch(/PDF version:\s+1\.3/);
      const raw = readFileSync(path).toString('latin1');
      expect(raw).toMatch(/\/GTS_PDFXConformance/);
      expect(raw).toMatch(/\/S \/GTS_PDFX/);
    }
    expect(execFileSync('pdfinfo', [join(out, manifest.whole.file)], { encoding: 'utf8' })).toMatch(
      /^Pages:\s+4$/m,
    );
    // Each page's file holds that page's text.
    const text = execFileSync('pdftotext', [join(out, '20261204_B02.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Folio sets every glyph itself');
    expect(run.out.join('\n')).toMatch(/^wrote 4 page PDFs, 20261204_all\.pdf and manifest\.json to out/);
  }, 240_000);

  it('takes a pattern with the section, the place in the edition and a date format', async () => {
    const run = await folio(
      dir,
      'export',
      'edition.folio',
      '--split',
      '--pages',
      '3-4',
      '--preset',
      'proof',
      '--pattern',
      '{date:yyMMdd}-{n}-{section}',
      '-o',
      'patterned',
    );
    expect(run.code, run.err.join('\n')).toBe(0);
    expect(readdirSync(join(dir, 'patterned')).sort()).toEqual([
      '261204-03-本地.pdf',
      '261204-04-本地.pdf',
      '261204-all-all.pdf',
      'manifest.json',
    ]);
  }, 120_000);

  it('refuses a pattern without a per-page field, a folder that is a file, and a missing parent, in one line each, writing nothing', async () => {
    const noPage = await folio(
      dir,
      'export',
      'edition.folio',
      '--split',
      '--pattern',
      '{date}.pdf',
      '-o',
      'x',
    );
    expect(noPage.code).toBe(2);
    expect(noPage.err).toEqual([
      expect.stringMatching(/needs \{page\} or \{n\}, so that every page gets its own file$/),
    ]);
    expect(existsSync(join(dir, 'x'))).toBe(false);

    const unknown = await folio(
      dir,
      'export',
      'edition.folio',
      '--split',
      '--pattern',
      '{day}_{page}',
      '-o',
      'x',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/unknown field \{day\}/);

    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const file = await folio(dir, 'export', 'edition.folio', '--split', '-o', 'a-file');
    expect(file.code).toBe(2);
    expect(file.err).toEqual([expect.stringMatching(/a-file: it is a file, not a folder$/)]);

    const parent = await folio(dir, 'export', 'edition.folio', '--split', '-o', 'no/such/folder');
    expect(parent.code).toBe(2);
    expect(parent.err[0]).toMatch(/does not exist$/);
  }, 60_000);

  it('a failure half-way (the photo’s bytes gone after the first page) leaves the folder as it was: no page, no manifest, no temporary file', async () => {
    const { edition: plain, assets } = await composedFixture(3);
    const out = join(dir, 'half-way');
    mkdirSync(out);
    writeFileSync(join(out, 'earlier.txt'), 'kept');
    const displayList = await composeForExport(plain);
    await expect(
      exportSplit({
        edition: plain,
        assets,
        displayList,
        outputDir: out,
        options: { preset: 'proof' },
        onProgress: () => assets.clear(),
      }),
    ).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['earlier.txt']);
  }, 120_000);

  it('a read-only folder is one line and stays empty', async (context) => {
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, who can write to a read-only folder');
      context.skip();
    }
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const run = await folio(dir, 'export', 'edition.folio', '--split', '-o', 'locked');
    chmodSync(locked, 0o755);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/locked: permission denied$/);
    expect(readdirSync(locked)).toEqual([]);
  }, 60_000);
});

describe('printer file names', () => {
  it('use the plan’s page numbers, or a section letter and the page within its section', async () => {
    const { edition: plain } = await composedFixture(3);
    // No plan: the pages’ section label is not Latin, so the first section letter A.
    expect(printerLabels(plain)).toEqual(['A01', 'A02', 'A03']);
    const english = { ...plain, pages: plain.pages.map((p) => ({ ...p, section: 'Sports' })) };
    expect(printerLabels(english)).toEqual(['S01', 'S02', 'S03']);
    expect(splitExportFiles(planned(edition), [1, 4]).map((f) => f.file)).toEqual([
      '20261204_A01.pdf',
      '20261204_B02.pdf',
    ]);
  });

  it('a pattern that gives two pages one name says which pages', () => {
    // Two sections given the same prefix both number their first page A01.
    const clash = planned(edition);
    clash.plan = { ...clash.plan!, sections: clash.plan!.sections.map((s) => ({ ...s, prefix: 'A' })) };
    expect(() => splitExportFiles(clash, [1, 2, 3, 4])).toThrow(
      /pages 1 and 3 would both be written as 20261204_A01\.pdf/,
    );
    expect(splitExportFiles(clash, [1, 2, 3, 4], '{date}_{n}_{page}').map((f) => f.file)).toContain(
      '20261204_03_A01.pdf',
    );
    expect(() => splitExportFiles(edition, [1, 2], '{date}_{n}/x')).toThrow(/names a folder/);
  });
});
