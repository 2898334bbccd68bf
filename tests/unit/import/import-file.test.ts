/**
 * Importing copy files from disk: text, Markdown and a Word document the test
 * builds with the `docx` package; encodings; and the files Folio refuses,
 * each with one message naming the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { importFile, ImportFileError } from '../../../main/import';
import { importText, runsText } from '../../../shared/import';
import { SAMPLE_PAGE_TEXT } from '../../../shared/sample/seed-text';

const dir = mkdtempSync(join(tmpdir(), 'folio-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The sample page as a reporter's Word file: `##` lines as Heading 2, the rest as paragraphs. */
async function samplePageDocx(): Promise<Uint8Array> {
  const children = SAMPLE_PAGE_TEXT.split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line.startsWith('## ')
        ? new Paragraph({ text: line.slice(3), heading: HeadingLevel.HEADING_2 })
        : new Paragraph({ children: [new TextRun(line)] }),
    );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function expectImportError(path: string, pattern: RegExp) {
  const error = await importFile(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as Error).message.startsWith(path + ': ')).toBe(true);
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).not.toContain('\n');
}

describe('importing a Word .docx', () => {
  it('gives the sample page the same stories and roles as its text', async () => {
    const path = write('sample-page.docx', await samplePageDocx());
    const fromWord = await importFile(path);
    const fromText = importText(SAMPLE_PAGE_TEXT);
    expect(fromWord.report.format).toBe('docx');
    expect(fromWord.stories.map((s) => s.name)).toEqual(fromText.stories.map((s) => s.name));
    expect(fromWord.stories.map((s) => s.blocks.map((b) => b.type))).toEqual(
      fromText.stories.map((s) => s.blocks.map((b) => b.type)),
    );
    expect(fromWord.stories.flatMap((s) => s.captions).length).toBe(2);
    expect(fromWord.report.banner).toBe('新时代 新征程 新伟业');
  });

  it('keeps headings, bold and italic', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Council approves new bridge', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('By Jane Doe')] }),
            new Paragraph({
              children: [
                new TextRun('SPRINGFIELD — The council voted '),
                new TextRun({ text: 'unanimously', bold: true }),
                new TextRun(' for the '),
                new TextRun({ text: 'River Street', italics: true }),
                new TextRun(' bridge.'),
              ],
            }),
          ],
        },
      ],
    });
    const path = write('bridge.docx', new Uint8Array(await Packer.toBuffer(doc)));
    const result = await importFile(path);
    const [story] = result.stories;
    expect(story.blocks.map((b) => b.type)).toEqual(['headline', 'byline', 'lead-in', 'body']);
    const body = story.blocks[3].children;
    expect(runsText(body)).toBe('The council voted unanimously for the River Street bridge.');
    expect(body.find((r) => r.text === 'unanimously')?.bold).toBe(true);
    expect(body.find((r) => r.text === 'River Street')?.italic).toBe(true);
  });

  it("reads a paragraph in Word's Caption style as a photo caption", async () => {
    const doc = new Document({
      // Declared as Word writes its built-in style (id Caption, name "caption"), not left to the docx library's defaults.
      styles: { paragraphStyles: [{ id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal' }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '万达广场进入收尾阶段', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [new TextRun('本报讯(记者 姬慧洋)运输车辆来回穿梭，施工机械紧张作业。')],
            }),
            new Paragraph({ text: '工人正在安装外立面幕墙，预计本月底完工。', style: 'Caption' }),
            new Paragraph({ children: [new TextRun('项目预计本月底正式开业。')] }),
          ],
        },
      ],
    });
    const result = await importFile(write('caption.docx', new Uint8Array(await Packer.toBuffer(doc))));
    const [story] = result.stories;
    expect(story.blocks.map((b) => b.type)).toEqual(['headline', 'lead-in', 'body', 'body']);
    expect(story.captions.map((c) => runsText(c.blocks[0].children))).toEqual([
      '工人正在安装外立面幕墙，预计本月底完工。',
    ]);
  });

  it('refuses an old .doc and a damaged .docx with a clear message', async () => {
    await expectImportError(
      write('old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])),
      /old Word \.doc/,
    );
    const docx = await samplePageDocx();
    await expectImportError(write('cut.docx', docx.subarray(0, docx.length / 2)), /damaged Word document/);
  });
});

describe('importing text files', () => {
  it('reads UTF-8 with a byte order mark and Markdown by extension', async () => {
    const bom = write('bom.txt', '\uFEFF## 标题\n\n本报讯(记者 张三)正文。\n');
    const result = await importFile(bom);
    expect(result.stories[0].name).toBe('标题');
    expect(result.encoding).toBe('utf-8');
    const md = write('story.md', '# Title\n\nSome **bold** text.\n');
    expect((await importFile(md)).report.format).toBe('markdown');
  });

  it('reads GB18030 copy from older newsroom systems and says so', async () => {
    // "## 标题\n\n正文。" in GB18030.
    const gb = new Uint8Array([
      0x23, 0x23, 0x20, 0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3, 0x0a,
    ]);
    const result = await importFile(write('gbk.txt', gb));
    expect(result.stories[0].name).toBe('标题');
    expect(result.report.notes).toContain('Read as GB18030.');
  });

  it('refuses binary files, unknown extensions, missing and oversized files', async () => {
    await expectImportError(
      write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
      /binary/,
    );
    await expectImportError(write('page.pdf', '%PDF-1.7'), /unsupported file type '\.pdf'/);
    await expectImportError(join(dir, 'missing.txt'), /no such file/);
    const big = write('big.txt', 'x'.repeat(2048));
    const error = await importFile(big, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/import limit/);
    await expectImportError(write('empty.md', '\n\n   \n'), /no text/);
  });
});
