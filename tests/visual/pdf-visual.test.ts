/**
 * Visual tests in the spirit of pdfkit's own (tests/visual): export a page,
 * render it with poppler (pdftoppm -r 50) and compare with a stored PNG at a
 * small threshold. The pages are hand-set (real glyphs, but no composer), so
 * a baseline changes only when the painter's output does.
 *
 * Baselines live in tests/visual/baselines; a missing one fails the test
 * unless UPDATE_BASELINES=1, which writes it (review and commit it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DisplayItem, DisplayStroke } from '../../shared/layout/display-list';
import type { Asset } from '../../shared/model/types';
import { renderPdf } from '../../main/pdf/render-pdf';
import { resolveOptions, type PdfExportOptions } from '../../main/pdf/options';
import {
  BLACK,
  SPOT_RED,
  displayList,
  displayPage,
  editionFor,
  run,
  textFrame,
} from '../unit/pdf/fixtures/display-list-builder';
import { multiPageFixture } from '../unit/pdf/fixtures/multi-page';

const here = dirname(fileURLToPath(import.meta.url));
const BASELINES = join(here, 'baselines');
/** A pixel differs when a channel is off by more than this … */
const CHANNEL_TOLERANCE = 40;
/** … and a page may have this share of differing pixels (antialiasing noise). */
const PIXEL_SHARE = 0.003;

async function gradientPng(): Promise<Uint8Array> {
  const width = 96;
  const height = 64;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((x / width) * 255);
      raw[i + 1] = Math.round((y / height) * 255);
      raw[i + 2] = 160;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** One page with every kind of thing the painter draws. */
async function featurePage() {
  const stroke = (style: DisplayStroke['style'], width = 2): DisplayStroke => ({
    color: BLACK,
    width,
    style,
  });
  const italic = { ...run('Faux italic and 加粗', 40, 250), fauxItalic: true };
  const bold = { ...run('Faux bold 加粗', 220, 250), fauxBold: true };
  const items: DisplayItem[] = [
    {
      kind: 'box',
      frameId: 'band',
      fromMaster: false,
      x: -9,
      y: -9,
      width: 438,
      height: 50,
      fill: SPOT_RED,
      stroke: null,
    },
    textFrame('head', 'head', { x: 40, y: 60, width: 340, height: 40 }, [
      run('新时代 新征程', 40, 90, { font: 'NotoSansSC-700', size: 26 }),
    ]),
    {
      kind: 'rule',
      frameId: 'solid',
      fromMaster: false,
      x: 40,
      y: 110,
      width: 340,
      height: 0,
      stroke: stroke('solid'),
    },
    {
      kind: 'rule',
      frameId: 'dashed',
      fromMaster: false,
      x: 40,
      y: 125,
      width: 340,
      height: 0,
      stroke: stroke('dashed'),
    },
    {
      kind: 'rule',
      frameId: 'dotted',
      fromMaster: false,
      x: 40,
      y: 140,
      width: 340,
      height: 0,
      stroke: stroke('dotted'),
    },
    {
      kind: 'rule',
      frameId: 'double',
      fromMaster: false,
      x: 40,
      y: 155,
      width: 340,
      height: 0,
      stroke: stroke('double', 3),
    },
    {
      kind: 'box',
      frameId: 'tint',
      fromMaster: false,
      x: 40,
      y: 170,
      width: 160,
      height: 50,
      fill: { ...BLACK, tint: 20 },
      stroke: stroke('solid', 1),
    },
    {
      kind: 'box',
      frameId: 'double-box',
      fromMaster: false,
      x: 220,
      y: 170,
      width: 160,
      height: 50,
      fill: null,
      stroke: stroke('double', 3),
    },
    textFrame('faux', 'faux', { x: 40, y: 235, width: 340, height: 30 }, [italic, bold]),
    {
      kind: 'image',
      frameId: 'photo',
      fromMaster: false,
      x: 40,
      y: 290,
      width: 200,
      height: 110,
      assetId: 'grad',
      imageX: 20,
      imageY: 280,
      imageWidth: 240,
      imageHeight: 160,
      stroke: stroke('solid', 1),
    },
    textFrame('body', 'body', { x: 260, y: 290, width: 120, height: 110 }, [
      run('智慧岛核心区', 260, 302, { spread: 1.5 }),
      run('已建成,签约', 260, 318, { spread: 1.5 }),
      run('Screen = print', 260, 334, { size: 10 }),
    ]),
  ];
  const list = displayList([displayPage(0, items)]);
  const png = await gradientPng();
  const asset: Asset = {
    id: 'grad',
    name: 'gradient.png',
    path: 'assets/gradient.png',
    mime: 'image/png',
    widthPx: 96,
    heightPx: 64,
    colorSpace: 'rgb',
    byteLength: png.length,
  };
  return { list, edition: editionFor(list, { assets: { grad: asset } }), assets: new Map([['grad', png]]) };
}

/** Renders page `page` of a PDF at 50 dpi to raw RGB. */
function rasterize(pdf: Uint8Array, page: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'folio-visual-'));
  writeFileSync(join(dir, 'page.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-r',
    '50',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    join(dir, 'page.pdf'),
    join(dir, 'page'),
  ]);
  return readFileSync(join(dir, 'page.png'));
}

async function compareWithBaseline(name: string, png: Buffer): Promise<void> {
  const path = join(BASELINES, `${name}.png`);
  if (!existsSync(path)) {
    if (process.env.UPDATE_BASELINES !== '1') {
      throw new Error(
        `no baseline ${path}: run with UPDATE_BASELINES=1 to write it, then review and commit it`,
      );
    }
    writeFileSync(path, png);
    console.log(`wrote baseline ${path}`);
    return;
  }
  const [actual, expected] = await Promise.all([
    sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
    sharp(readFileSync(path)).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
  ]);
  expect([actual.info.width, actual.info.height]).toEqual([expected.info.width, expected.info.height]);
  let differing = 0;
  for (let i = 0; i < actual.data.length; i += 3) {
    const d = Math.max(
      Math.abs(actual.data[i] - expected.data[i]),
      Math.abs(actual.data[i + 1] - expected.data[i + 1]),
      Math.abs(actual.data[i + 2] - expected.data[i + 2]),
    );
    if (d > CHANNEL_TOLERANCE) differing++;
  }
  const share = differing / (actual.data.length / 3);
  if (share > PIXEL_SHARE) writeFileSync(join(tmpdir(), `${name}.actual.png`), png);
  expect(
    share,
    `${name}: ${(share * 100).toFixed(2)} % of pixels differ (actual written to ${tmpdir()})`,
  ).toBeLessThanOrEqual(PIXEL_SHARE);
}

const at = new Date(2026, 0, 2, 3, 4);

describe('PDF pages look like their baselines (pdftoppm -r 50)', () => {
  it.each([
    ['features-press', { preset: 'press' }],
    ['features-proof', { preset: 'proof' }],
  ] as [string, PdfExportOptions][])(
    '%s: text, rules, boxes, spot colour, tints, faux styles, a clipped image',
    async (name, options) => {
      const { list, edition, assets } = await featurePage();
      const pdf = await renderPdf({
        edition,
        displayList: list,
        assets,
        options: resolveOptions({ ...options, exportedAt: at }),
      });
      await compareWithBaseline(name, rasterize(pdf, 1));
    },
  );

  it('spread with marks: two pages on one sheet, crop and registration marks, slug line', async () => {
    const { list, edition } = multiPageFixture();
    const pdf = await renderPdf({
      edition,
      displayList: list,
      assets: new Map(),
      options: resolveOptions({ preset: 'press', spreads: true, exportedAt: at }),
    });
    await compareWithBaseline('spread-2-3-press', rasterize(pdf, 2));
  });
});
