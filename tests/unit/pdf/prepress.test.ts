/**
 * Prepress: every page carries MediaBox, TrimBox and BleedBox with the
 * right values for its bleed (and the marks margin when marks are on);
 * spreads, page ranges, marks, the slug line, metadata and the PDF/X keys.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportPdf, ProfileError } from '../../../main/pdf';
import type { PdfExportOptions } from '../../../main/pdf/options';
import { MARKS_MARGIN } from '../../../main/pdf/sheet-layout';
import { multiPageFixture } from './fixtures/multi-page';
import { exportMultiPage } from './helpers/export-fixture';
import { popplerText, readBoxes, readObjects } from './helpers/read-pdf';

const exportedAt = new Date(2026, 10, 27, 9, 5);

const exportFixture = (options: PdfExportOptions) => exportMultiPage({ exportedAt, ...options });

// The fixture's pages: 420 × 595 pt with 9 pt bleed on every side.
const W = 420;
const H = 595;
const B = 9;

describe('page boxes', () => {
  it('Press without marks: MediaBox = BleedBox = trim + 9 pt bleed, TrimBox inset by the bleed, on every page', async () => {
    const { path } = await exportFixture({ preset: 'press', marks: false });
    const boxes = readBoxes(path);
    expect(boxes).toHaveLength(3);
    for (const page of boxes) {
      expect(page.MediaBox).toEqual([0, 0, W + 2 * B, H + 2 * B]);
      expect(page.BleedBox).toEqual([0, 0, W + 2 * B, H + 2 * B]);
      expect(page.TrimBox).toEqual([B, B, B + W, B + H]);
    }
  });

  it('Press with marks: the MediaBox grows by the marks margin on each side; bleed and trim move in by it', async () => {
    const { path } = await exportFixture({ preset: 'press' });
    const m = MARKS_MARGIN;
    for (const page of readBoxes(path)) {
      expect(page.MediaBox).toEqual([0, 0, W + 2 * B + 2 * m, H + 2 * B + 2 * m]);
      expect(page.BleedBox).toEqual([m, m, m + W + 2 * B, m + H + 2 * B]);
      expect(page.TrimBox).toEqual([m + B, m + B, m + B + W, m + B + H]);
    }
  });

  it('Proof: the sheet is the trimmed page', async () => {
    const { path } = await exportFixture({ preset: 'proof' });
    for (const page of readBoxes(path)) {
      expect(page.MediaBox).toEqual([0, 0, W, H]);
      expect(page.TrimBox).toEqual([0, 0, W, H]);
      expect(page.BleedBox).toEqual([0, 0, W, H]);
    }
  });

  it('spreads: page 1 alone, pages 2–3 side by side with bleed only on the outer edges', async () => {
    const { path } = await exportFixture({ preset: 'press', marks: false, spreads: true });
    const boxes = readBoxes(path);
    expect(boxes).toHaveLength(2);
    expect(boxes[1].MediaBox).toEqual([0, 0, 2 * W + 2 * B, H + 2 * B]);
    expect(boxes[1].TrimBox).toEqual([B, B, B + 2 * W, B + H]);
  });

  it('page ranges export only the pages asked for', async () => {
    const { path } = await exportFixture({ preset: 'press', pages: '1,3' });
    expect(readBoxes(path)).toHaveLength(2);
    expect(popplerText(path, ['-f', '2', '-l', '2'])).toContain('第 3 版');
  });
});

describe('marks and slug', () => {
  it('crop and registration marks are stroked in the registration colour (Separation /All)', async () => {
    const { bytes } = await exportFixture({ preset: 'press' });
    const objects = readObjects(bytes);
    const all = objects.find((o) => /\[\/Separation \/All \/DeviceCMYK/.test(o.dict));
    expect(all).toBeDefined();
    const content = objects.find((o) => o.stream?.toString('latin1').includes(' SCN 0.25 w'));
    expect(content).toBeDefined();
  });

  it('the slug line names paper, edition, date, page and export time, outside the bleed', async () => {
    const { path } = await exportFixture({ preset: 'press' });
    const boxes = readBoxes(path);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', path, '-'], { encoding: 'utf8' });
    expect(popplerText(path, ['-f', '2', '-l', '2'])).toContain(
      '周口晚报 · 示范区新闻 · 2022-12-21 · 第 2 版 · 导出 2026-11-27 09:05',
    );
    // Poppler's y is from the top of the MediaBox; the slug sits below the bleed box.
    const [, bleedBottom] = boxes[1].BleedBox;
    const mediaHeight = boxes[1].MediaBox[3];
    const slugWord = [
      ...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">导出<\/word>/g),
    ][0];
    expect(Number(slugWord[1])).toBeGreaterThan(mediaHeight - bleedBottom);
  });

  it('Proof has no marks', async () => {
    const { path } = await exportFixture({ preset: 'proof' });
    expect(popplerText(path)).not.toContain('导出');
  });
});

describe('metadata and PDF/X', () => {
  it('Title, Author (paper), Subject with the edition date, Creator Folio', async () => {
    const { path } = await exportFixture({ preset: 'proof' });
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+周口晚报 2022-12-21 示范区新闻/);
    expect(info).toMatch(/Author:\s+周口晚报/);
    expect(info).toMatch(/Subject:\s+示范区新闻 · 2022-12-21/);
    expect(info).toMatch(/Creator:\s+Folio/);
  });

  it('Press declares PDF/X-1a:2001: version keys, Trapped /False, a GTS_PDFX output intent for FOGRA39, PDF 1.3', async () => {
    const { bytes, path } = await exportFixture({ preset: 'press' });
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/PDF subtype:\s+PDF\/X-1:2001/);
    expect(info).toMatch(/PDF version:\s+1\.3/);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toMatch(/\/Trapped \d+ 0 R/);
    const objects = readObjects(bytes);
    expect(objects.some((o) => o.dict.trim() === '/False')).toBe(true);
    const intent = objects.find((o) => /\/Type \/OutputIntent/.test(o.dict));
    expect(intent?.dict).toMatch(/\/S \/GTS_PDFX/);
    expect(intent?.dict).toMatch(/\/OutputConditionIdentifier \(FOGRA39\)/);
    expect(text).toMatch(/\/GTS_PDFXConformance/);
    // No transparency anywhere.
    expect(text).not.toMatch(/\/SMask|\/CA |\/ca |\/BM /);
  });
});

describe('a CMYK profile from the user (--cmyk-profile)', () => {
  async function profileFile(): Promise<string> {
    // libvips's built-in CMYK output profile, as any printer's profile would be given.
    const jpeg = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#f00' } })
      .withIccProfile('cmyk')
      .jpeg()
      .toBuffer();
    const icc = (await sharp(jpeg).metadata()).icc as Buffer;
    const path = join(mkdtempSync(join(tmpdir(), 'folio-icc-')), 'printer.icc');
    writeFileSync(path, icc);
    return path;
  }

  it('is embedded as the output intent’s DestOutputProfile, named by its description', async () => {
    const { list, edition } = multiPageFixture();
    const outputPath = join(mkdtempSync(join(tmpdir(), 'folio-icc-out-')), 'out.pdf');
    await exportPdf({
      edition,
      assets: new Map(),
      displayList: list,
      outputPath,
      options: { preset: 'press', cmykProfile: await profileFile() },
    });
    const objects = readObjects(readFileSync(outputPath));
    const intent = objects.find((o) => /\/Type \/OutputIntent/.test(o.dict));
    expect(intent?.dict).toMatch(/\/OutputConditionIdentifier \(Custom\)/);
    expect(intent?.dict).toMatch(/\/Info \(Chemical proof\)/);
    const ref = /\/DestOutputProfile (\d+) 0 R/.exec(intent?.dict ?? '');
    const profile = objects.find((o) => o.id === Number(ref?.[1]));
    expect(profile?.dict).toMatch(/\/N 4/);
    expect(profile?.stream?.subarray(36, 40).toString('latin1')).toBe('acsp');
  });

  it('a profile that is not a CMYK output profile is refused with the reason', async () => {
    const { list, edition } = multiPageFixture();
    const scanner = createRequire(import.meta.url).resolve('pdfjs-dist/iccs/CGATS001Compat-v2-micro.icc');
    const outputPath = join(mkdtempSync(join(tmpdir(), 'folio-icc-out-')), 'out.pdf');
    const error = await exportPdf({
      edition,
      assets: new Map(),
      displayList: list,
      outputPath,
      options: { preset: 'press', cmykProfile: scanner },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ProfileError);
    expect(error.message).toMatch(
      /cannot use the CMYK profile .*: it is not an output \(printer\) profile \(class 'scnr'\)/,
    );
  });
});
