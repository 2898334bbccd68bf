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
import { applyOperations } from '../../shared/model/operations';
import type { Operation } from '../../shared/model/ops/types';
import { planOf } from '../../shared/model/plan';
import {
  addSection,
  assignStory,
  bookAd,
  nextPrefix,
  setPagePlan,
  setStoryPlan,
} from '../../shared/planning/plan-edits';

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

/**
 * The same edition as the desk has planned it: four sections (要闻 A, 本地 B,
 * 经济 C, 体育 D) over the pages in four runs, the last page mono, three
 * ads booked (the first placed when `placedAsset` is given) and every
 * page's first story assigned as its lead with a budget of 600 characters.
 */
export function planTheEdition(edition: Edition): Edition {
  const ids = sequentialIds('plan');
  const run = (ops: Operation[]) => {
    edition = applyOperations(edition, ops).edition;
  };
  const names = ['要闻', '本地', '经济', '体育'];
  for (const name of names) run(addSection(edition, name, nextPrefix(edition), ids));
  const sections = planOf(edition).sections;
  const per = Math.ceil(edition.pages.length / sections.length);
  edition.pages.forEach((page, i) => {
    run(
      setPagePlan(edition, page.id, {
        sectionId: sections[Math.min(sections.length - 1, Math.floor(i / per))].id,
      }),
    );
  });
  const last = edition.pages[edition.pages.length - 1];
  run(setPagePlan(edition, last.id, { color: 'mono' }));
  const adPages = [2, per + 1, edition.pages.length - 1].map((i) => edition.pages[i].id);
  const bookings = [
    { advertiser: '城市银行', columns: 4, heightCm: 10 },
    { advertiser: '海岛地产', columns: 8, heightCm: 17.5 },
    { advertiser: '体育用品', columns: 3, heightCm: 8 },
  ];
  bookings.forEach((b, i) =>
    run(bookAd(edition, { ...b, pageId: adPages[i], anchor: 'bottom-right' }, ids).ops),
  );
  for (const page of edition.pages) {
    const frame = page.frames[0];
    const story = Object.values(edition.stories).find((s) => s.thread[0] === frame?.id);
    if (!story) continue;
    run(assignStory(edition, story.id, page.id));
    run(setStoryPlan(edition, story.id, { weight: 'lead', budget: { unit: 'characters', value: 600 } }));
  }
  return edition;
}
