/**
 * A reporter's Word file with pictures and a table, as the desk gets it: the
 * test builds the .docx with the `docx` package (pictures painted by sharp),
 * imports it, and checks what a designer would find in the edition — each
 * picture an asset of the right pixel size and type, shown in a photo frame
 * with the caption that followed it in Word, and the table's text in reading
 * order, one paragraph a row — both through importFile and `folio import`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { importFile, placeImportedFile } from '../../../main/import';
import { main as runFolio } from '../../../main/cli/folio';
import { readFolio } from '../../../main/storage';
import { runsText } from '../../../shared/import';
import type { Edition, ImageFrame } from '../../../shared/model/types';

const dir = mkdtempSync(join(tmpdir(), 'folio-docx-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A landscape photo (600 × 400 px JPEG) and a square chart (300 × 300 px PNG). */
let photoJpeg: Buffer;
let chartPng: Buffer;
let docxPath: string;

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
}

async function reporterFile(): Promise<Buffer> {
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal' }] },
    sections: [
      {
        children: [
          new Paragraph({ text: '示范区：真抓实干求突破', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('本报讯（记者 姬慧洋）智慧岛核心区已建成，签约入驻企业359家。')],
          }),
          new Paragraph({
            children: [
              new ImageRun({ type: 'jpg', data: photoJpeg, transformation: { width: 300, height: 200 } }),
            ],
          }),
          // Read as the photo's caption: it follows the picture and reads like one.
          new Paragraph({ children: [new TextRun('图为志愿者向居民发放宣传单。')] }),
          new Paragraph({
            children: [new TextRun('区经济发展提升百日行动领导小组闻令而动，市政项目完成投资21.8亿元。')],
          }),
          new Paragraph({ text: '表1 重点项目进度', style: 'Caption' }),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('投资（亿元）'), cell('进度')] }),
              new TableRow({ children: [cell('智慧岛'), cell('21.8'), cell('完工')] }),
              new TableRow({ children: [cell('万达广场'), cell('12'), cell('收尾')] }),
            ],
          }),
          new Paragraph({ children: [new TextRun('各项目将在年底前全部投入使用。')] }),
          new Paragraph({
            children: [
              new ImageRun({ type: 'png', data: chartPng, transformation: { width: 150, height: 150 } }),
            ],
          }),
          // A Word caption (Caption style) under the second picture.
          new Paragraph({ text: '投资完成情况', style: 'Caption' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  photoJpeg = await sharp({
    create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 40, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  chartPng = await sharp({
    create: { width: 300, height: 300, channels: 4, background: { r: 20, g: 90, b: 200, alpha: 1 } },
  })
    .png()
    .toBuffer();
  docxPath = join(dir, '示范区.docx');
  writeFileSync(docxPath, await reporterFile());
});

/** The photo frames of an edition with the asset and caption text each shows. */
function photos(edition: Edition) {
  return edition.pages.flatMap((page) =>
    page.frames
      .filter((f): f is ImageFrame => f.kind === 'image')
      .map((frame) => ({
        frame,
        asset: frame.assetId ? edition.assets[frame.assetId] : undefined,
        caption: frame.captionStoryId
          ? edition.stories[frame.captionStoryId].blocks.map((b) => runsText(b.children)).join(' ')
          : null,
      })),
  );
}

/** The text of a story's body paragraphs, in order. */
function bodyTexts(edition: Edition): string[] {
  const story = Object.values(edition.stories).find((s) => s.name === '示范区：真抓实干求突破')!;
  return story.blocks.filter((b) => b.type === 'body').map((b) => runsText(b.children));
}

function checkEdition(edition: Edition) {
  const shown = photos(edition);
  expect(shown.map((p) => p.caption)).toEqual(['图为志愿者向居民发放宣传单。', '投资完成情况']);
  expect(shown.map((p) => p.asset && [p.asset.mime, p.asset.widthPx, p.asset.heightPx])).toEqual([
    ['image/jpeg', 600, 400],
    ['image/png', 300, 300],
  ]);
  // Each picture fills its frame, centred, cropped no more than the frame's shape needs
  // (the template gives the frame the picture's shape up to its tallest photo height).
  for (const { frame, asset } of shown) {
    expect(frame.fit).toBe('fill-proportional');
    const shownWidth = asset!.widthPx * frame.content.scale;
    const shownHeight = asset!.heightPx * frame.content.scale;
    expect(shownWidth).toBeGreaterThanOrEqual(frame.width - 1e-6);
    expect(shownHeight).toBeGreaterThanOrEqual(frame.height - 1e-6);
    expect(Math.min(shownWidth - frame.width, shownHeight - frame.height)).toBeCloseTo(0, 6);
    expect(frame.content.x).toBeCloseTo((frame.width - shownWidth) / 2, 6);
  }
  // The table reads row by row, its cells apart; the title stays with it as text; nothing is joined to it.
  expect(bodyTexts(edition)).toEqual([
    '智慧岛核心区已建成，签约入驻企业359家。',
    '区经济发展提升百日行动领导小组闻令而动，市政项目完成投资21.8亿元。',
    '表1 重点项目进度',
    '项目\u3000投资（亿元）\u3000进度',
    '智慧岛\u300021.8\u3000完工',
    '万达广场\u300012\u3000收尾',
    '各项目将在年底前全部投入使用。',
  ]);
}

describe('a Word file with pictures and a table', () => {
  it('imports each picture with the caption after it, and the table as rows of text', async () => {
    const imported = await importFile(docxPath);
    expect(imported.images.map((i) => [i.index, i.mime, i.widthPx, i.heightPx])).toEqual([
      [0, 'image/jpeg', 600, 400],
      [1, 'image/png', 300, 300],
    ]);
    // The original bytes are kept as they were.
    expect(Buffer.from(imported.images[0].bytes).equals(photoJpeg)).toBe(true);
    expect(imported.report.images).toEqual([
      { image: 0, story: '示范区：真抓实干求突破', caption: '图为志愿者向居民发放宣传单。' },
      { image: 1, story: '示范区：真抓实干求突破', caption: '投资完成情况' },
    ]);
    expect(imported.report.tableRows).toBe(3);
    const { edition, assets } = placeImportedFile(imported);
    checkEdition(edition);
    for (const [id, asset] of Object.entries(edition.assets))
      expect(assets.get(id)?.byteLength).toBe(asset.byteLength);
  });

  it('places a picture without a caption in a photo frame of its own', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Council approves new bridge', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('By Jane Doe')] }),
            new Paragraph({
              children: [
                new ImageRun({ type: 'png', data: chartPng, transformation: { width: 100, height: 100 } }),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun(
                  'SPRINGFIELD — The council voted on Tuesday to build a new bridge over the river, ending a debate that had lasted for more than a decade and divided the town.',
                ),
              ],
            }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Ward'), cell('Votes')] }),
                new TableRow({ children: [cell('North'), cell('5')] }),
              ],
            }),
          ],
        },
      ],
    });
    const path = join(dir, 'bridge.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const imported = await importFile(path);
    const [story] = imported.stories;
    // The long paragraph after the picture is text, not its caption.
    expect(story.blocks.map((b) => runsText(b.children))).toEqual([
      'Council approves new bridge',
      'By Jane Doe',
      'SPRINGFIELD — ',
      'The council voted on Tuesday to build a new bridge over the river, ending a debate that had lasted for more than a decade and divided the town.',
      'Ward | Votes',
      'North | 5',
    ]);
    const { edition } = placeImportedFile(imported);
    const [photo] = photos(edition);
    expect(photo.caption).toBeNull();
    expect(photo.asset && [photo.asset.mime, photo.asset.widthPx]).toEqual(['image/png', 300]);
  });

  it('folio import writes the same edition with the pictures in the package', async () => {
    const output = join(dir, 'imported.folio');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runFolio(['import', docxPath, '-o', output], {
      cwd: dir,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('2 pictures, 3 table rows read as text');
    expect(out.join('\n')).toContain('2 photos from the file');
    const { edition, assets } = await readFolio(output);
    checkEdition(edition);
    const jpeg = Object.values(edition.assets).find((a) => a.mime === 'image/jpeg')!;
    expect(Buffer.from(assets.get(jpeg.id)!).equals(photoJpeg)).toBe(true);
  });
});
