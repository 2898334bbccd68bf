/**
 * Jump lines (转版) as the designer meets them in the browser host: a story
 * too long for its frame on page 1 is sent on to page 5 from the tools
 * panel ("Continue on page 5"); the canvas shows 下转第5版 at the foot of
 * the frame on page 1 and 上接第1版 at the head of the new frame on page 5.
 * Moving page 5 up to position 3 turns the line into 下转第3版, undo
 * brings 第5版 back, and switching jump lines off takes both lines away.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionBackend } from '../../main/services/edition-backend';
import type { WebHost } from '../../main/web/host';
import { createEmptyEdition } from '../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../shared/model/factories';
import type { Edition } from '../../shared/model/types';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { startTestHost } from './support/web-host';

/** Five pages; page 1 holds one two-column story with far more copy than its frame takes. */
function longStoryEdition(): Edition {
  let n = 0;
  const edition = createEmptyEdition({
    pageCount: 5,
    ids: (prefix) => `${prefix}-${++n}`,
    meta: { paperName: '测试晚报' },
  });
  edition.pages[0].frames.push(
    createTextFrame('lead', { x: 60, y: 80, width: 360, height: 200 }, { columns: 2, name: '头条' }),
  );
  edition.stories.lead = createStory(
    'lead',
    '头条',
    [
      createBlock('headline', '示范区：真抓实干求突破'),
      createBlock('body', '智慧岛核心区已建成，签约入驻企业359家，市政项目完成投资21.8亿元。'.repeat(30)),
    ],
    ['lead'],
  );
  return edition;
}

let host: WebHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: AppPage;

beforeAll(async () => {
  const backend = {
    ...editionBackend,
    fromTemplate: async () => ({ edition: longStoryEdition(), assets: new Map() }),
  };
  [host, browser] = await Promise.all([startTestHost({ backend }), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  app = new AppPage(page);
  await app.open(host.url);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.close();
});

/** The text of the jump lines painted on page n of the canvas (kind: jump-to or jump-from). */
async function jumpLines(n: number, kind: 'jump-to' | 'jump-from'): Promise<string[]> {
  return app.canvas
    .pageView(n)
    .locator(`g.line[data-generated="${kind}"]`)
    .evaluateAll((lines) => lines.map((line) => line.textContent ?? ''));
}

describe('jump lines in the app', () => {
  it('sends a story on to page 5 and follows the page when it moves', async () => {
    expect(await jumpLines(1, 'jump-to')).toEqual([]);
    await app.canvas.selectFrame('lead');
    await page.getByTestId('jump-line-controls').waitFor();
    await page.getByTestId('continue-page').selectOption({ label: '5版' });
    await page.getByTestId('continue-on-page').click();

    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转第5版']);
    await expect.poll(() => jumpLines(5, 'jump-from')).toEqual(['上接第1版']);
    // The story's own text goes on below 上接第1版 on page 5.
    const onFive = page.getByTestId('page-5').locator('g.line:not([data-generated])');
    expect(await onFive.count()).toBeGreaterThan(3);
    // The jump line sits at the foot of the right-hand column, level with the last line of the left one.
    const foot = await app.canvas
      .pageView(1)
      .locator('[data-frame-id="lead"] g.line')
      .evaluateAll((lines) => {
        const y = (l: Element) => Number(l.getAttribute('data-line-y'));
        const jump = lines.find((l) => l.getAttribute('data-generated') === 'jump-to')!;
        const body = lines.filter((l) => !l.hasAttribute('data-generated'));
        return {
          column: jump.getAttribute('data-column'),
          lowest: body.every((l) => y(l) <= y(jump) + 0.01),
          belowRight: body.filter((l) => l.getAttribute('data-column') === '1').every((l) => y(l) < y(jump)),
        };
      });
    expect(foot).toEqual({ column: '1', lowest: true, belowRight: true });

    // Page 5 moved up twice: it is page 3 now, and the line says so.
    await page.getByTestId('thumb-5').click();
    await page.getByTestId('page-up').click();
    await expect.poll(() => jumpLines(4, 'jump-from')).toEqual(['上接第1版']);
    await page.getByTestId('page-up').click();
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转第3版']);
    expect(await jumpLines(3, 'jump-from')).toEqual(['上接第1版']);

    await app.menu.choose('edit', 'edit.undo');
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转第4版']);
    await app.menu.choose('edit', 'edit.redo');
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转第3版']);

    // Switched off in the plan: both lines go, the body takes their room back.
    await app.canvas.selectFrame('lead');
    const toggle = page.getByTestId('jump-lines-enabled');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual([]);
    expect(await jumpLines(3, 'jump-from')).toEqual([]);
  }, 120_000);
});
