/**
 * Jump lines (转版) in the exported PDF: a story threaded from page 1 onto
 * page 5 prints 下转第5版 at the foot of its frame on page 1 (flush right)
 * and 上接第1版 at the head of its frame on page 5, read back with poppler's
 * pdftotext and pdf.js; moved pages and an English edition print their own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions } from '../../../main/pdf/options';
import { composeEdition } from '../../../shared/layout';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../shared/model/factories';
import { sequentialIds } from '../../../shared/model/ids';
import { newPlan } from '../../../shared/model/plan';
import type { Edition } from '../../../shared/model/types';
import { popplerText, readGlyphs } from './helpers/read-pdf';

const ZH =
  '本报讯 市区新建的三座公园本周向市民开放，园内步道、健身场地和儿童游乐设施一应俱全，周边居民步行十分钟即可到达。';
const EN =
  'The three new parks opened this week with paths, playgrounds and sports grounds, each within a short walk of the homes around them. ';

const FRAME = { x: 100, y: 120, width: 220, height: 160 };

/** Six pages; one story in a frame on page 1 continued in a frame on page 5. */
function jumpEdition(language: 'zh-Hans' | 'en'): Edition {
  const edition = createEmptyEdition({ language, pageCount: 6, ids: sequentialIds() });
  edition.pages = edition.pages.map((page, i) =>
    i === 0 || i === 4
      ? { ...page, frames: [...page.frames, createTextFrame(i === 0 ? 'f1' : 'f5', FRAME)] }
      : page,
  );
  const text = (language === 'en' ? EN : ZH).repeat(language === 'en' ? 6 : 8);
  const story = createStory('s', 'Parks', [createBlock('body', text)], ['f1', 'f5']);
  edition.stories = { ...edition.stories, s: story };
  edition.plan = newPlan();
  return edition;
}

let composer: ParagraphComposer;
beforeAll(async () => {
  composer = await createNodeComposer();
});

async function exportAndRead(edition: Edition) {
  const list = composeEdition(edition, composer);
  const bytes = await renderPdf({
    edition,
    displayList: list,
    assets: new Map(),
    options: resolveOptions({ preset: 'proof', exportedAt: new Date('2026-12-07T10:00:00Z') }),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-jump-')), 'edition.pdf');
  writeFileSync(path, bytes);
  const page = (n: number) => popplerText(path, ['-f', String(n), '-l', String(n)]).replace(/\s+/g, '');
  return { list, bytes, page };
}

describe('jump lines in the PDF', () => {
  it('prints 下转第5版 at the foot of page 1 and 上接第1版 at the head of page 5', async () => {
    const { bytes, page, list } = await exportAndRead(jumpEdition('zh-Hans'));
    expect(list.stories.s.oversetLines).toBe(0);
    const one = page(1);
    const five = page(5);
    expect(one).toContain('下转第5版');
    expect(one).not.toContain('上接');
    expect(five).toContain('上接第1版');
    expect(five).not.toContain('下转');
    // The story's own text is on both pages, after 上接 on page 5 and before 下转 on page 1.
    expect(one.indexOf('本报讯')).toBeLessThan(one.indexOf('下转第5版'));
    expect(five.indexOf('上接第1版')).toBeLessThan(five.indexOf('公园'));

    // Where the glyphs are: 版 of 下转第5版 is the lowest glyph of the frame and ends at its right edge.
    const glyphs = await readGlyphs(bytes);
    const { height, glyphs: onPage1 } = glyphs[0];
    const inFrame = onPage1
      .map((g) => ({ ...g, y: height - g.y }))
      .filter((g) => g.x >= FRAME.x - 1 && g.x <= FRAME.x + FRAME.width && g.y <= FRAME.y + FRAME.height);
    const lowest = Math.max(...inFrame.map((g) => g.y));
    const footLine = inFrame.filter((g) => Math.abs(g.y - lowest) < 0.01).sort((a, b) => a.x - b.x);
    expect(footLine.map((g) => g.unicode).join('')).toBe('下转第5版');
    const last = footLine[footLine.length - 1];
    expect(last.x + last.size).toBeCloseTo(FRAME.x + FRAME.width, 0);
    expect(lowest).toBeLessThanOrEqual(FRAME.y + FRAME.height);
  }, 60_000);

  it('prints the new number after page 5 moved to position 3', async () => {
    const edition = jumpEdition('zh-Hans');
    const pages = [...edition.pages];
    const [moved] = pages.splice(4, 1);
    pages.splice(2, 0, moved);
    const { page } = await exportAndRead({ ...edition, pages });
    expect(page(1)).toContain('下转第3版');
    expect(page(3)).toContain('上接第1版');
    expect(page(5)).not.toContain('上接');
  }, 60_000);

  it('words them in English for an English edition', async () => {
    const { page } = await exportAndRead(jumpEdition('en'));
    expect(page(1)).toContain('Continuedonpage5');
    expect(page(5)).toContain('Continuedfrompage1');
  }, 60_000);
});
