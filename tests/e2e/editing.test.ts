/**
 * Editing pages in the browser host, as a page designer and a copy editor
 * do it: type English and Chinese (through an input method's composition
 * events) into a story and watch the page reflow; undo and redo each step;
 * thread two frames and see the text flow on; place a photo and crop it;
 * change a paragraph style and see every story follow; save, reopen and
 * find the same pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { startTestHost } from './support/web-host';

/** The story editor and the frame tools, as the user sees them. */
class EditingPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('story-editor-text');
  }

  frame(id: string): Locator {
    return this.page.getByTestId(`frame-${id}`);
  }

  async frameText(id: string): Promise<string> {
    return (await this.frame(id).textContent()) ?? '';
  }

  /** Text painted on page n (every glyph run). */
  async pageText(n: number): Promise<string> {
    return (await this.page.getByTestId(`page-${n}`).locator('text.glyph-run').allTextContents()).join('');
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('story-status').textContent()) ?? '';
  }

  /** Double-clicks a point of a frame (fractions of its box): opens its story with the caret there. */
  async openStoryAt(frameId: string, fx = 0.2, fy = 0.5): Promise<void> {
    await this.frame(frameId).scrollIntoViewIfNeeded();
    const box = (await this.frame(frameId).boundingBox())!;
    await this.page.mouse.dblclick(box.x + box.width * fx, box.y + box.height * fy);
    await this.editor.waitFor();
  }

  /** Types through an input method: composition updates, then the committed text. */
  async typeWithIme(steps: string[], commit: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    for (const step of steps) {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    }
    await cdp.send('Input.insertText', { text: commit });
    await cdp.detach();
  }

  async tool(id: 'select' | 'direct' | 'text' | 'frame' | 'rule'): Promise<void> {
    await this.page.getByTestId(`tool-${id}`).click();
  }

  /** Drags on page n between two points given as fractions of the page. */
  async dragOnPage(n: number, from: [number, number], to: [number, number]): Promise<void> {
    const surface = this.page.getByTestId(`tools-surface-${n}`);
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
    await this.page.mouse.down();
    await this.page.mouse.move(
      box.x + box.width * ((from[0] + to[0]) / 2),
      box.y + box.height * ((from[1] + to[1]) / 2),
      { steps: 3 },
    );
    await this.page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 3 });
    await this.page.mouse.up();
  }

  /** Ctrl+Z (the story editor and the canvas take it; a text field keeps it for itself). */
  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }

  /** Edit ▸ Undo from the menu bar. */
  async undoFromMenu(app: AppPage): Promise<void> {
    await app.menu.choose('edit', 'edit.undo');
  }

  async redoFromMenu(app: AppPage): Promise<void> {
    await app.menu.choose('edit', 'edit.redo');
  }

  /** The frame on page n whose painted text contains a phrase. */
  async frameShowing(n: number, phrase: string): Promise<string> {
    for (const id of await this.frameIds(n)) if ((await this.frameText(id)).includes(phrase)) return id;
    throw new Error(`no frame on page ${n} shows "${phrase}"`);
  }

  /** A selected frame's left and top in page points, read from its handles (an empty frame paints nothing). */
  async selectedFrameOrigin(id: string): Promise<{ x: number; y: number }> {
    const nw = this.page.getByTestId(`handles-${id}`).locator('rect').first();
    const x = Number(await nw.getAttribute('x'));
    const y = Number(await nw.getAttribute('y'));
    const size = Number(await nw.getAttribute('width'));
    return { x: x + size / 2, y: y + size / 2 };
  }

  /** Frame ids on page n, in paint order (master frames excluded). */
  async frameIds(n: number): Promise<string[]> {
    return this.page
      .getByTestId(`page-${n}`)
      .locator('[data-frame-id]:not([data-master])')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-frame-id')!));
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** Waits for what the user would see; the page repaints within a few hundred ms on this machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

describe('editing pages in the browser host', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let page: Page;
  let app: AppPage;
  let editing: EditingPage;
  const errors: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'folio-editing-'));

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    app = new AppPage(page);
    editing = new EditingPage(page);
    await app.open(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('types English and Chinese (through composition) into a story, and the page reflows', async () => {
    const leadFrame = await editing.frameShowing(1, '智慧岛');
    const before = await editing.frameText(leadFrame);
    await editing.openStoryAt(leadFrame, 0.05, 0.5);
    const statusBefore = await editing.status();
    await poll(() => page.getByTestId('canvas-caret').count()).toBe(1);
    await page.keyboard.type('Folio ');
    await editing.typeWithIme(['x', 'xin', 'xinwen', '新闻'], '新闻');
    await poll(() => editing.frameText(leadFrame)).toContain('Folio');
    const after = await editing.frameText(leadFrame);
    // Nothing doubled or lost: exactly one more 新闻, and no pinyin left over.
    expect(count(after, '新闻') - count(before, '新闻')).toBe(1);
    expect(after).not.toContain('xin');
    expect(count(await editing.editor.textContent().then((t) => t ?? ''), 'Folio 新闻')).toBe(1);
    // The character count follows the typing (6 + 2 characters).
    const n = (s: string) => Number(/(\d+)/.exec(s)?.[1] ?? NaN);
    await poll(async () => n(await editing.status())).toBe(n(statusBefore) + 8);
    expect(errors).toEqual([]);
  });

  it('undoes and redoes the typing word by word', async () => {
    const lead = await editing.frameShowing(1, '智慧岛');
    const typed = await editing.frameText(lead);
    await editing.undo(); // the IME commit
    await poll(() => editing.frameText(lead)).not.toContain('Folio 新闻');
    expect(await editing.frameText(lead)).toContain('Folio');
    await editing.undo(); // "Folio "
    await poll(() => editing.frameText(lead)).not.toContain('Folio');
    await editing.redo();
    await editing.redo();
    await poll(() => editing.frameText(lead)).toBe(typed);
  });

  it('sets a paragraph role from the menu and with Ctrl+Alt+digit, bold with Ctrl+B', async () => {
    const lead = await editing.frameShowing(1, '智慧岛');
    await editing.openStoryAt(lead, 0.3, 0.6);
    // The paragraph holding the caret, by its index in the galley.
    const index = await page.evaluate(() => {
      const element = window.getSelection()?.anchorNode?.parentElement?.closest('[data-role]');
      return [...document.querySelectorAll('[data-testid="story-editor-text"] [data-role]')].indexOf(
        element!,
      );
    });
    expect(index).toBeGreaterThanOrEqual(0);
    const paragraph = () => editing.editor.locator('[data-role]').nth(index).getAttribute('data-role');
    const before = await paragraph();
    await page.keyboard.press('Control+Alt+4');
    await poll(paragraph).toBe('section-head');
    await poll(() => page.getByTestId('role-menu').inputValue()).toBe('section-head');
    await page.getByTestId('role-menu').selectOption('body');
    await poll(paragraph).toBe('body');
    await editing.editor.locator('[data-role]').nth(index).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+b');
    await poll(() => editing.editor.locator('strong').count()).toBeGreaterThan(0);
    // Three steps back: bold, the menu, the shortcut.
    for (let i = 0; i < 3; i++) await editing.undoFromMenu(app);
    await poll(paragraph).toBe(before);
    expect(await editing.editor.locator('strong').count()).toBe(0);
  });

  it('threads two new frames on a new page and the text flows on', async () => {
    await editing.tool('select');
    await page.getByTestId('page-add').click();
    await page.getByTestId('page-2').waitFor();
    await editing.tool('text');
    await editing.dragOnPage(2, [0.1, 0.15], [0.35, 0.22]);
    await poll(() => editing.frameIds(2).then((ids) => ids.length)).toBe(1);
    const [first] = await editing.frameIds(2);
    await editing.editor.waitFor();
    const copy =
      'The council met on Tuesday to decide the budget for the new library and the bridge. '.repeat(20);
    await page.keyboard.insertText(copy);
    await poll(() => page.getByTestId('story-status').getAttribute('data-overset')).toBe('true');
    await editing.dragOnPage(2, [0.55, 0.15], [0.9, 0.35]);
    await poll(() => editing.frameIds(2).then((ids) => ids.length)).toBe(2);
    const second = (await editing.frameIds(2)).find((id) => id !== first)!;
    expect(await editing.frameText(second)).toBe('');

    await editing.tool('select');
    await editing.frame(first).scrollIntoViewIfNeeded();
    const box = (await editing.frame(first).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const port = (await page.getByTestId(`out-port-${first}`).boundingBox())!;
    // An empty frame paints nothing: aim at the middle of where it was drawn.
    const surface = (await page.getByTestId('tools-surface-2').boundingBox())!;
    await page.mouse.move(port.x + port.width / 2, port.y + port.height / 2);
    await page.mouse.down();
    await page.mouse.move(surface.x + surface.width * 0.72, surface.y + surface.height * 0.25, { steps: 5 });
    await page.mouse.up();
    await poll(() => editing.frameText(second)).toContain('council');
    // The text continues: what the second frame shows is not what the first shows.
    const firstText = await editing.frameText(first);
    expect(firstText.startsWith('The council')).toBe(true);
    expect((await editing.frameText(second)).startsWith('The council')).toBe(false);

    await editing.undoFromMenu(app);
    await poll(() => editing.frameText(second)).toBe('');
    await editing.redoFromMenu(app);
    await poll(() => editing.frameText(second)).toContain('council');
  });

  it('nudges and drags a frame, snapping to another frame, and undoes each step', async () => {
    await editing.tool('select');
    const [first, second] = await editing.frameIds(2);
    const surface = page.getByTestId('tools-surface-2');
    const surfaceBox = (await surface.boundingBox())!;
    const scale = surfaceBox.width / Number(await surface.getAttribute('width'));
    // Where the second frame's left edge is (select it to see its handles).
    const secondBox = (await editing.frame(second).boundingBox())!;
    await page.mouse.click(secondBox.x + secondBox.width / 2, secondBox.y + secondBox.height / 2);
    const target = await editing.selectedFrameOrigin(second);

    const box = (await editing.frame(first).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const start = await editing.selectedFrameOrigin(first);
    // Shift+arrow nudges 10 pt; three nudges in a row are one step.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await poll(async () => (await editing.selectedFrameOrigin(first)).x).toBeCloseTo(start.x + 30, 3);

    // Drag it until its left edge is 1.5 pt short of the second frame's: it snaps onto it.
    const moved = (await editing.frame(first).boundingBox())!;
    const grab = { x: moved.x + moved.width / 2, y: moved.y + moved.height / 2 };
    const dx = (target.x - (start.x + 30) - 1.5) * scale;
    const dy = (target.y - start.y + 40) * scale;
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + dx / 2, grab.y + dy / 2, { steps: 3 });
    await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 3 });
    await poll(() => page.getByTestId('smart-guide').count()).toBeGreaterThan(0);
    await page.mouse.up();
    await poll(async () => (await editing.selectedFrameOrigin(first)).x).toBeCloseTo(target.x, 3);
    const dropped = await editing.selectedFrameOrigin(first);

    await editing.undo(); // the drag
    await poll(async () => (await editing.selectedFrameOrigin(first)).x).toBeCloseTo(start.x + 30, 3);
    await editing.undo(); // the three nudges
    await poll(async () => (await editing.selectedFrameOrigin(first)).x).toBeCloseTo(start.x, 3);
    await editing.redo();
    await editing.redo();
    await poll(async () => (await editing.selectedFrameOrigin(first)).y).toBeCloseTo(dropped.y, 3);
    expect((await editing.selectedFrameOrigin(first)).x).toBeCloseTo(target.x, 3);
  });

  it('places a photo and crops it by dragging its content', async () => {
    const photo = join(work, 'photo.jpg');
    const noise = Buffer.alloc(900 * 600 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    writeFileSync(
      photo,
      await sharp(noise, { raw: { width: 900, height: 600, channels: 3 } })
        .jpeg()
        .toBuffer(),
    );
    await editing.tool('select');
    await page.getByTestId('page-2').scrollIntoViewIfNeeded();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('place-image').click(),
    ]);
    await chooser.setFiles(photo);
    await poll(() => page.getByTestId('page-2').locator('image').count()).toBe(1);
    // 600 px over a frame sized for 300 ppi: the panel shows the resolution.
    await poll(() => page.getByTestId('image-ppi').textContent()).toMatch(/\d+ ppi/);
    const image = page.getByTestId('page-2').locator('image');
    const frameId = (await image.evaluate((el) =>
      el.closest('[data-frame-id]')!.getAttribute('data-frame-id'),
    ))!;
    // Shrink the frame so the photo overflows it, then drag the photo inside the frame.
    await page.getByTestId('fit-fill').click();
    const xBefore = Number(await image.getAttribute('x'));
    await editing.tool('select');
    const box = (await editing.frame(frameId).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const se = { x: box.x + box.width, y: box.y + box.height };
    await page.mouse.move(se.x, se.y);
    await page.mouse.down();
    await page.mouse.move(se.x - box.width / 2, se.y, { steps: 4 });
    await page.mouse.up();
    await editing.tool('direct');
    const small = (await editing.frame(frameId).boundingBox())!;
    await page.mouse.move(small.x + small.width / 2, small.y + small.height / 2);
    await page.mouse.down();
    await page.mouse.move(small.x + small.width / 2 - 20, small.y + small.height / 2, { steps: 4 });
    await page.mouse.up();
    await poll(async () => Number(await image.getAttribute('x'))).toBeLessThan(xBefore);
    await editing.undo();
    await poll(async () => Number(await image.getAttribute('x'))).toBeCloseTo(xBefore, 3);
    await editing.redo();
    await editing.tool('select');
  });

  it('places a photo dropped on the page where it was dropped', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const before = await page.getByTestId('page-2').locator('image').count();
    const surface = page.getByTestId('tools-surface-2');
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await surface.evaluate(
      (element, { bytes, x, y }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
        for (const type of ['dragover', 'drop']) {
          element.dispatchEvent(
            new DragEvent(type, {
              bubbles: true,
              cancelable: true,
              clientX: x,
              clientY: y,
              dataTransfer: transfer,
            }),
          );
        }
      },
      { bytes: [...png], x: box.x + box.width * 0.2, y: box.y + box.height * 0.7 },
    );
    await poll(() => page.getByTestId('page-2').locator('image').count()).toBe(before + 1);
    await poll(() => page.getByTestId('image-ppi').textContent()).toContain('400×300');
  });

  it('changes the body style and every story follows', async () => {
    const sizesOf = (frameId: string) =>
      editing
        .frame(frameId)
        .locator('text.glyph-run')
        .evaluateAll((runs) => runs.map((r) => r.getAttribute('font-size')));
    const frames = (await editing.frameIds(1)).filter((id) => id !== undefined);
    const textFrames: string[] = [];
    for (const id of frames)
      if ((await editing.frame(id).getAttribute('data-kind')) === 'text') textFrames.push(id);
    await page.getByTestId('styles-panel-toggle').click();
    await page.getByTestId('style-item-ps-body').click();
    const field = page.getByTestId('style-size');
    await field.fill('小四');
    await field.press('Enter');
    // 小四 = 12 pt: body text in story after story is set at 12 pt now.
    await poll(async () => {
      let following = 0;
      for (const id of textFrames) if ((await sizesOf(id)).includes('12')) following++;
      return following;
    }).toBeGreaterThanOrEqual(4);
    await editing.undoFromMenu(app);
    await poll(async () => {
      let following = 0;
      for (const id of textFrames) if ((await sizesOf(id)).includes('12')) following++;
      return following;
    }).toBeLessThan(4);
    await editing.redoFromMenu(app);
  });

  it('saves, reopens and shows the same pages', async () => {
    const page1 = await editing.pageText(1);
    const page2 = await editing.pageText(2);
    const photos = await page.getByTestId('page-2').locator('image').count();
    const path = join(work, 'edited.folio');
    await app.menu.choose('file', 'file.saveAs');
    await app.answerPathDialog(path);
    await poll(() => page.getByText('Unsaved changes').count()).toBe(0);

    const reopened = await startTestHost({ editionPath: path });
    const second = await browser.newPage();
    const secondErrors: string[] = [];
    second.on('pageerror', (error) => secondErrors.push(error.message));
    second.on('console', (message) => message.type() === 'error' && secondErrors.push(message.text()));
    try {
      const again = new AppPage(second);
      await again.open(reopened.url).catch((error: Error) => {
        throw new Error(`${error.message}\n${secondErrors.join('\n')}`);
      });
      const view = new EditingPage(second);
      await second.getByTestId('page-2').waitFor();
      await poll(() => view.pageText(1)).toBe(page1);
      expect(await view.pageText(2)).toBe(page2);
      expect(await second.getByTestId('page-2').locator('image').count()).toBe(photos);
    } finally {
      await second.close();
      await reopened.close();
    }
    expect(errors).toEqual([]);
  });
});
