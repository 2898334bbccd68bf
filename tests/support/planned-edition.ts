/**
 * An edition of many pages for the flatplan's tests and bench: every page
 * on a master with the folio line (报眉: section and page number), a
 * two-module page of copy (lead and second story, each in its own frame),
 * and a few stories with no frame yet — copy waiting to be planned.
 */
import { createEmptyEdition } from '../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../shared/model/factories';
import { sequentialIds } from '../../shared/model/ids';
import type { Edition } from '../../shared/model/types';
import { addFolioLine } from '../../shared/sample/folio-line';
import { typeArea } from '../../shared/sample/page-grid';

const BODY =
  '本报讯（记者 王晓）智慧岛核心区已建成，签约入驻企业359家，市政项目完成投资21.8亿元，' +
  '一批重点项目加快推进，区域发展动能持续增强。';

export function plannedEdition(pageCount: number, freeStories = 3): Edition {
  const ids = sequentialIds();
  const edition = createEmptyEdition({
    pageCount,
    ids,
    meta: { paperName: '测试日报', date: '2026-12-04', editionName: '' },
  });
  const area = typeArea(edition.pages[0]);
  addFolioLine(edition, edition.masters[0], area, ids);
  const half = (area.height - 20) / 2;
  edition.pages.forEach((page, index) => {
    const n = index + 1;
    for (const [part, y, columns] of [
      ['甲', area.top + 10, 4],
      ['乙', area.top + 20 + half, 3],
    ] as const) {
      const frame = createTextFrame(
        ids('frame'),
        { x: area.left, y, width: area.width, height: half - 10 },
        { columns, name: `第${n}版${part}` },
      );
      page.frames.push(frame);
      const story = createStory(
        ids('story'),
        `第${n}版${part}稿`,
        [
          createBlock('headline', `第${n}版${part}稿标题`),
          createBlock('body', BODY.repeat(part === '甲' ? 8 : 5)),
        ],
        [frame.id],
      );
      edition.stories[story.id] = story;
    }
  });
  for (let i = 1; i <= freeStories; i++) {
    const story = createStory(ids('story'), `待排稿${i}`, [
      createBlock('headline', `待排稿${i}标题`),
      createBlock('body', BODY.repeat(3 + i)),
    ]);
    edition.stories[story.id] = story;
  }
  return edition;
}
