/**
 * The folio line (报眉) on the master page: paper name, date and edition
 * name on the left, section and page number on the right, over a thin rule
 * at the head of the type area. Its text is made of field leaves, so every
 * page that uses the master shows its own page number and section.
 */
import type { Edition, Id, MasterPage, ParagraphStyle, Story, StoryText } from '../model/types';
import { createRuleFrame, createTextFrame } from '../model/factories';
import { roleStyleId } from '../model/defaults';
import type { IdGenerator } from '../model/ids';
import type { TypeArea } from './page-grid';

/** The right-aligned folio paragraph style the template adds to the edition. */
export const FOLIO_RIGHT_STYLE_ID: Id = 'ps-folio-right';

const field = (name: StoryText['field'], text: string): StoryText => ({ text, field: name });

export function addFolioLine(edition: Edition, master: MasterPage, area: TypeArea, ids: IdGenerator): void {
  const zh = edition.meta.language === 'zh-Hans';
  const style: ParagraphStyle = {
    id: FOLIO_RIGHT_STYLE_ID,
    name: zh ? '报眉（右）' : 'Folio (right)',
    basedOn: roleStyleId('folio'),
    align: 'right',
    lastLineAlign: 'right',
  };
  edition.styles.paragraph[style.id] = style;

  const height = 14;
  const ruleY = area.top - 8;
  const y = ruleY - 4 - height;
  const half = area.width / 2;
  const left = createTextFrame(
    ids('frame'),
    { x: area.left, y, width: half, height },
    { name: zh ? '报眉左' : 'Folio left', alignToGrid: false },
  );
  const right = createTextFrame(
    ids('frame'),
    { x: area.left + half, y, width: half, height },
    { name: zh ? '报眉右' : 'Folio right', alignToGrid: false },
  );
  const rule = createRuleFrame(
    ids('frame'),
    { x: area.left, y: ruleY, width: area.width, height: 0 },
    {
      name: zh ? '报眉线' : 'Folio rule',
      stroke: { color: { swatchId: 'black', tint: 100 }, width: 0.75, style: 'solid' },
    },
  );
  master.frames.push(left, right, rule);

  const { meta } = edition;
  const gap = zh ? '\u3000' : '  ';
  const leftStory: Story = {
    id: ids('story'),
    name: zh ? '报眉（左）' : 'Folio (left)',
    thread: [left.id],
    blocks: [
      {
        type: 'folio',
        children: [
          field('paperName', meta.paperName),
          { text: gap },
          field('date', meta.date),
          { text: gap },
          field('editionName', meta.editionName),
        ],
      },
    ],
  };
  const rightStory: Story = {
    id: ids('story'),
    name: zh ? '报眉（右）' : 'Folio (right)',
    thread: [right.id],
    blocks: [
      {
        type: 'folio',
        styleId: FOLIO_RIGHT_STYLE_ID,
        children: zh
          ? [field('section', ''), { text: gap + '第' }, field('pageNumber', '1'), { text: '版' }]
          : [field('section', ''), { text: gap + 'Page ' }, field('pageNumber', '1')],
      },
    ],
  };
  edition.stories[leftStory.id] = leftStory;
  edition.stories[rightStory.id] = rightStory;
}
