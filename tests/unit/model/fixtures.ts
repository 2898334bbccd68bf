/**
 * A small but complete edition for tests: two pages on a master, a story
 * threaded through two text frames on different pages, a photo with a
 * caption story, a rule, an asset, a custom style and a character style.
 */
import { createEmptyEdition } from '../../../shared/model/defaults';
import {
  createBlock,
  createImageFrame,
  createRuleFrame,
  createStory,
  createTextFrame,
} from '../../../shared/model/factories';
import { sequentialIds } from '../../../shared/model/ids';
import type { Edition } from '../../../shared/model/types';

export function sampleEdition(): Edition {
  const edition = createEmptyEdition({
    ids: sequentialIds(),
    pageCount: 2,
    meta: { paperName: '周口晚报', date: '2022-12-21', issueNumber: 7001, editionName: '示范区新闻' },
  });
  const [p1, p2] = edition.pages;
  p1.frames.push(
    createTextFrame('fr-a', { x: 50, y: 80, width: 500, height: 600 }, { columns: 4 }),
    createImageFrame(
      'fr-photo',
      { x: 600, y: 80, width: 300, height: 200 },
      {
        assetId: 'as-1',
        captionStoryId: 'st-caption',
      },
    ),
    createTextFrame('fr-cap', { x: 600, y: 290, width: 300, height: 30 }),
    createRuleFrame('fr-rule', { x: 50, y: 700, width: 850, height: 0 }),
  );
  p2.frames.push(createTextFrame('fr-b', { x: 50, y: 80, width: 500, height: 600 }, { columns: 4 }));
  edition.masters[0].frames.push(createTextFrame('fr-folio', { x: 50, y: 30, width: 850, height: 20 }));
  edition.stories['st-lead'] = createStory(
    'st-lead',
    '示范区',
    [
      createBlock('headline', '示范区:真抓实干求突破 全力以赴谋发展'),
      createBlock('byline', '记者 姬慧洋 通讯员 王明杰'),
      {
        type: 'body',
        children: [
          { text: '智慧岛核心区已建成,' },
          { text: '签约入驻企业359家', bold: true },
          { text: ',市政项目完成投资21.8亿元。' },
        ],
      },
      createBlock('section-head', '提能力强组织 画好“同心圆”'),
      createBlock('body', '自三大百日行动开展以来,区经济发展提升百日行动领导小组闻令而动。', {
        styleId: 'ps-body-tight',
      }),
    ],
    ['fr-a', 'fr-b'],
  );
  edition.stories['st-caption'] = createStory(
    'st-caption',
    '图说',
    [createBlock('caption', '志愿者向居民发放宣传单')],
    ['fr-cap'],
  );
  edition.stories['st-folio'] = createStory(
    'st-folio',
    'Folio',
    [
      {
        type: 'folio',
        children: [{ text: '', field: 'paperName' }, { text: ' ' }, { text: '', field: 'date' }],
      },
    ],
    ['fr-folio'],
  );
  edition.styles.paragraph['ps-body-tight'] = {
    id: 'ps-body-tight',
    name: '紧排正文',
    basedOn: 'ps-body',
    leading: 12,
  };
  edition.styles.character['cs-note'] = { id: 'cs-note', name: 'Note', basedOn: 'cs-red', italic: true };
  edition.assets['as-1'] = {
    id: 'as-1',
    name: 'photo.jpg',
    path: 'assets/as-1.jpg',
    mime: 'image/jpeg',
    widthPx: 1200,
    heightPx: 800,
    colorSpace: 'rgb',
    byteLength: 4,
  };
  return edition;
}

/** A deep copy through JSON, as a saved-and-loaded edition would be. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
