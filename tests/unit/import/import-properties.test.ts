/**
 * Properties of the importer on random copy built from the pieces a desk
 * writes (headings, lead-ins, bylines, body fragments, captions, stray
 * Latin, numbers and punctuation): it never throws, never loses or invents a
 * character, and always gives blocks the model accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMarkdown, importText, runsText } from '../../../shared/import';
import type { ImportResult } from '../../../shared/import';
import { storyBlockSchema } from '../../../shared/model/schema';

const pieces = [
  '## 新时代 新征程 新伟业',
  '## 示范区:真抓实干求突破',
  '## 文昌办事处',
  '## ——记一次行动',
  '# Senate passes budget',
  '记者 姬慧洋 通讯员 王明杰',
  'By Jane Doe',
  '本报讯(记者 姬慧洋)开展警示教育5场次,',
  '本报讯 (记者 张三) 正文开始。',
  'WASHINGTON — The Senate voted.',
  '对未如期完成任务的成员单位和责任人按',
  '照《周口市城乡一体化示范区实施办法》进行处置。',
  '市政项目完成投资21.8亿元,共1,000人;12:30开会!',
  '志愿者向居民发放宣传单',
  '详见https://example.com/a?b=1,2 (链接)',
  'Hello, world (again)!',
  '“请自觉做好防护……”',
  '',
  '   ',
];

const copy = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    {
      maxLength: 30,
    },
  )
  .map((lines) => lines.join('\n'));

/** The characters a reader sees, in a canonical width, as a sorted list (captions move, so order is not kept). */
function visibleCharacters(text: string): string[] {
  const fullWidth: Record<string, string> = {
    ',': '，',
    ';': '；',
    ':': '：',
    '(': '（',
    ')': '）',
    '!': '！',
    '?': '？',
  };
  return [...text.replace(/\s+/g, '')].map((ch) => fullWidth[ch] ?? ch).sort();
}

function outputText(result: ImportResult): string {
  return [
    ...result.banner,
    ...result.stories.flatMap((s) => [...s.blocks, ...s.captions.flatMap((c) => c.blocks)]),
  ]
    .map((b) => runsText(b.children))
    .join('\n');
}

/** The text of plain-text copy as the importer reads it: heading marks are markup, not text. */
const inputText = (source: string) =>
  source
    .split('\n')
    .map((line) => line.replace(/^ {0,3}#{1,6}[ \t]+/, ''))
    .join('\n');

describe('importing random copy', () => {
  it('keeps every character, only changing the width of punctuation', () => {
    fc.assert(
      fc.property(copy, (source) => {
        const result = importText(source);
        expect(visibleCharacters(outputText(result))).toEqual(visibleCharacters(inputText(source)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives blocks that the edition schema accepts, and stories that have blocks', () => {
    fc.assert(
      fc.property(copy, fc.boolean(), (source, markdown) => {
        const result = markdown ? importMarkdown(source) : importText(source);
        for (const story of result.stories) {
          expect(story.blocks.length).toBeGreaterThan(0);
          for (const block of [...story.blocks, ...story.captions.flatMap((c) => c.blocks)]) {
            expect(storyBlockSchema.safeParse(block).success).toBe(true);
          }
          for (const caption of story.captions) {
            expect(caption.anchorBlock).toBeGreaterThanOrEqual(0);
            expect(caption.anchorBlock).toBeLessThan(story.blocks.length);
          }
        }
        expect(result.report.stories).toHaveLength(result.stories.length);
      }),
      { numRuns: 300 },
    );
  });
});
