import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/folio';
import { writeFolio } from '../../../../main/storage';
import { addFrame, addStory, block, body, columnsFrame, testEdition } from './test-edition';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['layout', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function writeSample(dir: string): Promise<string> {
  const edition = testEdition(1);
  addFrame(edition, 0, columnsFrame('front', 50, 50, 3, { width: 300 }));
  addStory(
    edition,
    'lead',
    [
      block('headline', '示范区真抓实干'),
      block('lead-in', '本报讯'),
      body('智慧岛核心区已建成签约入驻企业359家𠮷市政项目完成投资21.8亿元'.repeat(3)),
    ],
    ['front'],
  );
  const path = join(dir, 'front.folio');
  await writeFolio(path, edition, new Map());
  return path;
}

describe('folio layout', () => {
  it('prints every line with page, frame, column, position, width and text, and the reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-layout-'));
    await writeSample(dir);
    const { code, out } = await run(['front.folio', '--json'], dir);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.lines[0]).toMatchObject({
      page: 1,
      frame: 'front',
      column: 0,
      x: 50,
      width: 300,
      text: '示范区真抓实干',
    });
    // The lead-in and its paragraph print as one line.
    expect(summary.lines[1].text.startsWith('本报讯智慧岛')).toBe(true);
    expect(summary.lines.every((l: { y: number }) => l.y > 50 && l.y < 100)).toBe(true);
    expect(summary.stories[0]).toMatchObject({ storyId: 'lead', name: 'lead' });
    expect(summary.overset.map((s: { storyId: string }) => s.storyId)).toEqual(['lead']);
    expect(summary.overset[0].oversetLines).toBeGreaterThan(0);
    expect(summary.copyfit[0].copyfitLines).toBe(-summary.overset[0].oversetLines);
    expect(summary.missingGlyphs[0]).toMatchObject({
      storyId: 'lead',
      block: 2,
      codePoint: 'U+20BB7',
      character: '𠮷',
      page: 1,
    });
  });

  it('prints a table without --json and the whole display list with --full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-layout-'));
    await writeSample(dir);
    const table = await run(['front.folio'], dir);
    expect(table.code).toBe(0);
    expect(table.out).toContain('示范区真抓实干');
    expect(table.out).toMatch(/missing glyph 𠮷 U\+20BB7/);
    const full = await run(['front.folio', '--full'], dir);
    const list = JSON.parse(full.out);
    expect(list.pages[0].items[0].lines[0].runs[0].glyphs.length).toBeGreaterThan(0);
  });

  it('fails with exit code 2 and one clear line for a missing or damaged file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-layout-'));
    writeFileSync(join(dir, 'junk.folio'), 'not a zip');
    writeFileSync(join(dir, 'empty.folio'), zipSync({ 'other.txt': strToU8('x') }));
    writeFileSync(
      join(dir, 'bad.folio'),
      zipSync({ 'edition.json': strToU8('{"schemaVersion": 1, "pages": 3}') }),
    );
    for (const [file, message] of [
      ['nowhere.folio', /nowhere\.folio: .*not found/],
      ['junk.folio', /junk\.folio: not a Folio file/],
      ['empty.folio', /empty\.folio: .*no edition\.json/],
      ['bad.folio', /bad\.folio: edition\.json is not a valid edition/],
    ] as const) {
      const result = await run([file, '--json'], dir);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(1);
    }
  });
});
