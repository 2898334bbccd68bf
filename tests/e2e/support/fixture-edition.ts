/**
 * A small edition built from the model's factories, for tests that need an
 * edition but not the sample: one page with a headline and body story in a
 * two-column text frame, a rule and a box.
 */
import { createEmptyEdition } from '../../../shared/model/defaults';
import {
  createBlock,
  createBoxFrame,
  createRuleFrame,
  createStory,
  createTextFrame,
} from '../../../shared/model/factories';
import type { Edition } from '../../../shared/model/types';

export function fixtureEdition(pageCount = 1): Edition {
  let counter = 0;
  const edition = createEmptyEdition({
    pageCount,
    ids: (prefix) => `${prefix}-${++counter}`,
    meta: { paperName: '测试晚报' },
  });
  edition.pages.forEach((page, index) => {
    const frameId = `text-${index + 1}`;
    page.frames.push(
      createTextFrame(
        frameId,
        { x: 60, y: 80, width: 360, height: 300 },
        { columns: 2, name: `正文 ${index + 1}` },
      ),
      createRuleFrame(`rule-${index + 1}`, { x: 60, y: 70, width: 360, height: 0 }),
      createBoxFrame(`box-${index + 1}`, { x: 440, y: 80, width: 120, height: 120 }),
    );
    const storyId = `story-${index + 1}`;
    edition.stories[storyId] = createStory(
      storyId,
      `稿件 ${index + 1}`,
      [
        createBlock('headline', '示范区：真抓实干求突破'),
        createBlock('body', '智慧岛核心区已建成，签约入驻企业359家，市政项目完成投资21.8亿元。'.repeat(6)),
      ],
      [frameId],
    );
  });
  return edition;
}
