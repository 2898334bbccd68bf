/** Whatever copy comes in, the template gives a valid edition with every story on a page. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import';
import { placeStories } from '../../../shared/sample';
import { validateEdition } from '../../../shared/model/validate';
import { sequentialIds } from '../../../shared/model/ids';

const pieces = [
  '## 新时代 新征程 新伟业',
  '## 头条标题',
  '## 文昌办事处',
  '记者 张三 通讯员 李四',
  '本报讯(记者 张三)正文开始,',
  '接着写完的一句话。',
  '志愿者向居民发放宣传单',
  '# English headline',
  'By Jane Doe',
  'WASHINGTON — The Senate voted on the long bill today after a night of debate.',
  '很长的一段正文。'.repeat(40),
];

describe('placing random copy', () => {
  it('always gives a valid edition whose stories all flow through frames inside the pages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('zh-Hans' as const, 'en' as const),
        (lines, language) => {
          const copy = importText(lines.join('\n\n'));
          const { edition } = placeStories(copy, { language, ids: sequentialIds() });
          const result = validateEdition(edition);
          expect(result.ok ? [] : result.issues).toEqual([]);
          for (const story of Object.values(edition.stories)) expect(story.thread.length).toBeGreaterThan(0);
          for (const page of edition.pages) {
            for (const frame of page.frames) {
              expect(frame.x).toBeGreaterThanOrEqual(0);
              expect(frame.y).toBeGreaterThanOrEqual(0);
              expect(frame.x + frame.width).toBeLessThanOrEqual(page.size.width + 0.01);
              expect(frame.y + frame.height).toBeLessThanOrEqual(page.size.height + 0.01);
              expect(frame.height).toBeGreaterThanOrEqual(0);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
