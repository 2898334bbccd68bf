/**
 * The night desk plans an edition in the flatplan (版面计划): a 24-page
 * edition gets four sections with their page-number prefixes, three ads are
 * booked, a page is moved and a story dragged to another page. Page numbers
 * follow in the flatplan and in the folio line on the page itself; each
 * gesture is one undo step.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { writeFolio } from '../../main/storage';
import { plannedEdition } from '../support/planned-edition';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { startTestHost } from './support/web-host';

let host: WebHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: AppPage;

const SECTIONS = [
  { name: '要闻', pages: 8 },
  { name: '本地', pages: 6 },
  { name: '经济', pages: 6 },
  { name: '体育', pages: 4 },
];

/** Page 1's lead frame, whose story runs long enough to be continued on another page. */
let leadFrame = '';

/** An ad as agencies deliver it: a one-page PDF at its printed size (here 4 × 2.5 in) with type and a shape. */
async function writeAdPdf(path: string): Promise<void> {
  const doc = new PDFDocument({ size: [4 * 72, 2.5 * 72], margin: 0 });
  const done = new Promise<void>((resolve) =>
    doc.pipe(createWriteStream(path)).on('finish', () => resolve()),
  );
  doc.rect(0, 0, 288, 180).fill('#ffcc00');
  doc.fillColor('#003366').fontSize(28).text('City Bank', 20, 40);
  doc.circle(230, 120, 30).fill('#cc0000');
  doc.end();
  await done;
}

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'folio-flatplan-')), 'edition.folio');
  const edition = plannedEdition(24);
  leadFrame = edition.pages[0].frames[0].id;
  const lead = Object.values(edition.stories).find((s) => s.thread[0] === leadFrame)!;
  const body = lead.blocks[1].children[0];
  body.text = body.text.repeat(12);
  await writeFolio(path, edition, new Map());
  [host, browser] = await Promise.all([startTestHost({ editionPath: path }), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
  page = await context.newPage();
  app = new AppPage(page);
  await app.open(host.url);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.close();
});

const labels = () => page.locator('[data-testid^="fp-label-"]').allTextContents();
const card = (n: number) => page.getByTestId(`fp-page-${n}`);
const undo = () => page.keyboard.press('Control+Z');

/** The text of the jump lines painted on page n of the canvas (kind: jump-to or jump-from). */
async function jumpLines(n: number, kind: 'jump-to' | 'jump-from'): Promise<string[]> {
  return app.canvas
    .pageView(n)
    .locator(`g.line[data-generated="${kind}"]`)
    .evaluateAll((lines) => lines.map((line) => line.textContent ?? ''));
}

/** The folio line (报眉) of page n as painted on the canvas: its right-hand text. */
async function folioLine(n: number): Promise<string> {
  return (await app.canvas.pageView(n).textContent()) ?? '';
}

describe('the flatplan', () => {
  it('opens from the View menu with every page as a thumbnail in spreads', async () => {
    await app.menu.choose('view', 'view.flatplan');
    await page.getByTestId('flatplan').waitFor();
    expect(await page.locator('[data-testid^="fp-page-"]').count()).toBe(24);
    // Page 1 alone, then pairs: 1 + 23 pages → 13 spreads.
    expect(await page.locator('.fp-spread').count()).toBe(13);
    expect(await labels()).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
    // The first card's thumbnail draws the canvas's painted page.
    await expect.poll(() => card(1).locator('use').getAttribute('href')).toBe('#page-content-0');
    const openMs = Number(await page.getByTestId('flatplan').getAttribute('data-open-ms'));
    expect(openMs).toBeGreaterThan(0);
  }, 60_000);

  it('adds four sections and numbers their pages A01 … D04', async () => {
    for (const section of SECTIONS) {
      await page.getByTestId('fp-new-section-name').fill(section.name);
      await page.getByTestId('fp-add-section').click();
    }
    expect(await page.locator('[data-testid^="fp-sec-name-"]').count()).toBe(4);
    expect(await page.getByTestId('fp-sec-prefix-4').inputValue()).toBe('D');
    let n = 1;
    for (const [i, section] of SECTIONS.entries()) {
      for (let k = 0; k < section.pages; k++, n++)
        await page.getByTestId(`fp-section-select-${n}`).selectOption({ label: section.name });
      expect(await page.getByTestId(`fp-sec-${i + 1}`).textContent()).toContain(String(section.pages));
    }
    const expected = SECTIONS.flatMap((s, i) =>
      Array.from({ length: s.pages }, (_, k) => `${'ABCD'[i]}${String(k + 1).padStart(2, '0')}`),
    );
    expect(await labels()).toEqual(expected);
    expect(await page.getByTestId('fp-section-9').textContent()).toBe('本地');
    // One section assignment is one undo step.
    await undo();
    await expect.poll(() => page.getByTestId('fp-label-24').textContent()).toBe('24');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.getByTestId('fp-label-24').textContent()).toBe('D04');
  }, 120_000);

  it('renames a section and marks a page mono', async () => {
    await page.getByTestId('fp-sec-name-4').fill('体育新闻');
    await page.getByTestId('fp-sec-name-4').press('Enter');
    await expect.poll(() => page.getByTestId('fp-section-21').textContent()).toBe('体育新闻');
    await page.getByTestId('fp-color-select-24').selectOption('mono');
    await expect.poll(() => page.getByTestId('fp-color-24').textContent()).toBe('黑白');
    await expect.poll(() => card(24).getAttribute('class')).toContain('fp-mono');
  });

  it('books three ads and draws them on their pages', async () => {
    const bookings = [
      { advertiser: '城市银行', page: 'A03', columns: '4', height: '10' },
      { advertiser: '海岛地产', page: 'B02', columns: '8', height: '17.5' },
      { advertiser: '体育用品', page: 'D04', columns: '3', height: '8' },
    ];
    for (const ad of bookings) {
      await page.getByTestId('fp-ad-advertiser').fill(ad.advertiser);
      await page.getByTestId('fp-ad-page').selectOption({ label: ad.page });
      await page.getByTestId('fp-ad-columns').fill(ad.columns);
      await page.getByTestId('fp-ad-height').fill(ad.height);
      await page.getByTestId('fp-book-ad').click();
    }
    expect(await page.locator('[data-testid^="fp-ad-row-"]').count()).toBe(3);
    expect(await card(3).locator('g.fp-ad-booked').count()).toBe(1);
    expect(await card(10).locator('.fp-ad-line').textContent()).toContain('海岛地产');
    // An ad wider than the page's columns is refused with the reason; nothing is booked.
    await page.getByTestId('fp-ad-advertiser').fill('太宽的广告');
    await page.getByTestId('fp-ad-columns').fill('12');
    await page.getByTestId('fp-book-ad').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('该版只有 8 栏');
    expect(await page.locator('[data-testid^="fp-ad-row-"]').count()).toBe(3);
    // The 4-column ad on A03 covers half the type area's width at the bottom right.
    const rect = card(3).locator('.fp-ad rect');
    const [x, width] = await Promise.all([rect.getAttribute('x'), rect.getAttribute('width')]);
    expect(Number(width)).toBeGreaterThan(0);
    expect(Number(x)).toBeGreaterThan(Number(width) * 0.9);
  });

  it('places the ads as locked frames of the booked size: one delivered as PDF, two as pictures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-ads-'));
    const files = [join(dir, 'city-bank.pdf'), join(dir, 'island-homes.png'), join(dir, 'sports.png')];
    await writeAdPdf(files[0]);
    await sharp({ create: { width: 2400, height: 1300, channels: 3, background: '#2266aa' } })
      .png()
      .toFile(files[1]);
    await sharp({ create: { width: 1100, height: 900, channels: 3, background: '#aa3322' } })
      .png()
      .toFile(files[2]);
    const rows = page.locator('[data-testid^="fp-ad-row-"]');
    for (const [i, file] of files.entries()) {
      const row = rows.nth(i);
      const id = (await row.getAttribute('data-testid'))!.replace('fp-ad-row-', '');
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId(`fp-ad-place-${id}`).click();
      await (await chooser).setFiles(file);
      await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('placed');
    }
    // Drawn solid on their pages in the flatplan, and as locked image frames on the pages themselves.
    expect(await card(3).locator('g.fp-ad-placed').count()).toBe(1);
    expect(await card(3).locator('g.fp-ad-booked').count()).toBe(0);
    await page.getByTestId('fp-close').click();
    const ad = app.canvas.pageView(3).locator('[data-kind="image"]:not([data-master])').last();
    await expect.poll(() => ad.locator('image').count()).toBe(1);
    // The PDF's page, rendered: its yellow ground shows in the frame at the booked bottom-right corner.
    const box = (await ad.boundingBox())!;
    const pageBox = (await app.canvas.pageView(3).boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(pageBox.x + pageBox.width * 0.85);
    await app.menu.choose('view', 'view.flatplan');
  }, 90_000);

  it('continues the lead of A01 on A04 with jump lines in the section numbers', async () => {
    await page.getByTestId('fp-close').click();
    await app.canvas.selectFrame(leadFrame);
    await page.getByTestId('jump-line-controls').waitFor();
    await page.getByTestId('continue-page').selectOption({ label: 'A04版' });
    await page.getByTestId('continue-on-page').click();
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转A04版']);
    await expect.poll(() => jumpLines(4, 'jump-from')).toEqual(['上接A01版']);
    await app.menu.choose('view', 'view.flatplan');
  }, 60_000);

  it('moves a page: numbers follow in the flatplan, in the folio line and in the jump lines', async () => {
    const moved = await card(2).getAttribute('data-page-id');
    await card(2).dragTo(card(5));
    await expect.poll(() => card(5).getAttribute('data-page-id')).toBe(moved);
    expect((await labels()).slice(0, 8)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08']);
    // The ad placed on A03 (then page 3) moved with its page to place 2.
    expect(await card(2).locator('g.fp-ad-placed').count()).toBe(1);
    await page.getByTestId('fp-close').click();
    await expect.poll(() => folioLine(5)).toContain('第A05版');
    expect(await folioLine(5)).toContain('要闻');
    expect(await folioLine(9)).toContain('第B01版');
    // The page A04 the lead goes on to moved up to A03: the jump lines on both pages say so.
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转A03版']);
    expect(await jumpLines(3, 'jump-from')).toEqual(['上接A01版']);
    await undo();
    await expect.poll(() => folioLine(2)).toContain('第A02版');
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转A04版']);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => folioLine(5)).toContain('第A05版');
    await expect.poll(() => jumpLines(1, 'jump-to')).toEqual(['下转A03版']);
  }, 60_000);

  it('plans a story on a page and drags it to another page', async () => {
    await app.menu.choose('view', 'view.flatplan');
    const free = page.locator('[data-testid^="fp-free-"]').filter({ hasText: '待排稿1' });
    const storyId = (await free.getAttribute('data-testid'))!.replace('fp-free-', '');
    await free.dragTo(card(1));
    const chip = page.getByTestId(`fp-story-${storyId}`);
    await expect.poll(() => card(1).locator(`[data-testid="fp-story-${storyId}"]`).count()).toBe(1);
    // A budget of 300 characters against the story's length as composed.
    await chip.click();
    await page.getByTestId('fp-story-budget').fill('300');
    await page.getByTestId('fp-story-budget').press('Enter');
    await expect.poll(() => page.getByTestId(`fp-length-${storyId}`).textContent()).toMatch(/\/ 300 字/);
    const length = (await page.getByTestId(`fp-length-${storyId}`).textContent())!;
    const actual = Number(/^(\d+)/.exec(length)![1]);
    expect(actual).toBeGreaterThan(100);
    expect(length).toContain(actual > 315 ? '超出' : actual < 285 ? '不足' : '合适');

    await chip.dragTo(card(4));
    await expect.poll(() => card(4).locator(`[data-testid="fp-story-${storyId}"]`).count()).toBe(1);
    expect(await card(1).locator(`[data-testid="fp-story-${storyId}"]`).count()).toBe(0);
    await undo();
    await expect.poll(() => card(1).locator(`[data-testid="fp-story-${storyId}"]`).count()).toBe(1);
  }, 60_000);

  it('exports the flatplan as a one-page PDF from the File menu', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-flatplan-pdf-')), 'plan.pdf');
    await app.menu.choose('file', 'file.exportFlatplan');
    await page.getByTestId('path-input').fill(out);
    await page.getByTestId('path-ok').click();
    await expect
      .poll(() => page.getByTestId('notice').allTextContents(), { timeout: 40_000 })
      .toContain(`版面计划已写入 ${out}`);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' });
    // The plan as the desk left it: sections, the renamed one, the moved page's number, the ads.
    for (const word of [
      'A05',
      'B01',
      'D04',
      '要闻',
      '体育新闻',
      '城市银行 4 栏 × 10 厘米 已上版',
      '体育用品',
    ])
      expect(text).toContain(word);
  }, 60_000);

  it('exports every page for the printer: named files, the whole edition and a manifest whose checksums match', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-split-')), 'pages');
    await app.menu.choose('file', 'file.exportEdition');
    await page.getByTestId('export-edition-folder').fill(dir);
    // A pattern without a page field is refused as typed, and Export waits.
    await page.getByTestId('export-edition-pattern').fill('{date}.pdf');
    await page.getByTestId('export-edition-bad').waitFor();
    expect(await page.getByTestId('export-edition-ok').isDisabled()).toBe(true);
    await page.getByTestId('export-edition-pattern').fill('{date}_{page}.pdf');
    await expect
      .poll(() => page.getByTestId('export-edition-preview').textContent())
      .toContain('20261204_A01.pdf, 20261204_A02.pdf');
    // Copy planned but not laid out yet (待排稿1–3) is a preflight error: press files are refused, saying so.
    await page.getByTestId('export-edition-ok').click();
    await expect
      .poll(() => page.getByTestId('notice').allTextContents(), { timeout: 100_000, interval: 500 })
      .toContain('未导出：印前检查发现 3 个错误（“文件 ▸ 印前检查”可列出）');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    // The night desk sends them anyway, for the printer's test run.
    await page.getByTestId('export-edition-force').check();
    await page.getByTestId('export-edition-ok').click();
    // Every notice shown meanwhile (they fade), so a refusal would be seen in words.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          for (const text of await page.getByTestId('notice').allTextContents()) seen.add(text);
          return [...seen];
        },
        { timeout: 100_000, interval: 500 },
      )
      .toContain(`24 个分版 PDF、20261204_all.pdf 和 manifest.json 已写入 ${dir}`);
    const expected = ['A', 'B', 'C', 'D'].flatMap((letter, i) =>
      Array.from(
        { length: SECTIONS[i].pages },
        (_, k) => `20261204_${letter}${String(k + 1).padStart(2, '0')}.pdf`,
      ),
    );
    const written = readdirSync(dir).sort();
    expect(written).toEqual([...expected, '20261204_all.pdf', 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      pages: { file: string; page: string; section: string; color: string; bytes: number; sha256: string }[];
      whole: { file: string; bytes: number; sha256: string; pages: number };
    };
    expect(manifest.pages.map((p) => p.file)).toEqual(expected);
    for (const entry of [...manifest.pages, manifest.whole]) {
      const bytes = readFileSync(join(dir, entry.file));
      expect(bytes.length).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }
    expect(manifest.pages[4]).toMatchObject({ page: 'A05', section: '要闻' });
    expect(manifest.pages[23]).toMatchObject({ page: 'D04', section: '体育新闻', color: 'mono' });
    expect(execFileSync('pdfinfo', [join(dir, '20261204_all.pdf')], { encoding: 'utf8' })).toMatch(
      /^Pages:\s+24$/m,
    );
    // Each page's PDF is that page: its folio line carries its own number.
    expect(execFileSync('pdftotext', [join(dir, '20261204_A05.pdf'), '-'], { encoding: 'utf8' })).toContain(
      'A05',
    );
  }, 300_000);
});
