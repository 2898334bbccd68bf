/**
 * Page objects for the app, as VS Code's and Joplin's suites use them: tests
 * say what a user does ("zoom in", "select the frame", "export a PDF") and
 * these classes know which elements that means.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The menus of the menu bar (shared/services/commands.ts APP_MENU). */
export type MenuId = 'file' | 'edit' | 'view' | 'layout' | 'review' | 'help';

export class MenuBar {
  constructor(private readonly page: Page) {}

  /** Opens a menu and chooses a command by its id (e.g. 'file.exportPdf'). */
  async choose(menu: MenuId, command: string): Promise<void> {
    await this.page.getByTestId(`menu-${menu}`).click();
    await this.page.getByTestId(`command-${command}`).click();
  }

  async label(menu: MenuId): Promise<string> {
    return (await this.page.getByTestId(`menu-${menu}`).textContent()) ?? '';
  }

  /** The item of a command, with the menu opened (close it with Escape or a click elsewhere). */
  async item(menu: MenuId, command: string): Promise<Locator> {
    await this.page.getByTestId(`menu-${menu}`).click();
    return this.page.getByTestId(`command-${command}`);
  }
}

export class PageCanvas {
  constructor(private readonly page: Page) {}

  get element(): Locator {
    return this.page.getByTestId('page-canvas');
  }

  pageView(n: number): Locator {
    return this.page.getByTestId(`page-${n}`);
  }

  frame(id: string): Locator {
    return this.page.getByTestId(`frame-${id}`);
  }

  /** CSS pixels per point. */
  async scale(): Promise<number> {
    return Number(await this.element.getAttribute('data-scale'));
  }

  async zoomLabel(): Promise<string> {
    return (await this.page.getByTestId('zoom-level').textContent()) ?? '';
  }

  async zoomIn(): Promise<void> {
    await this.page.getByTestId('zoom-in').click();
  }

  async actualSize(): Promise<void> {
    await this.page.getByTestId('zoom-actual').click();
  }

  /** Clicks the middle of a frame as painted. */
  async selectFrame(id: string): Promise<void> {
    const box = await this.frame(id).boundingBox();
    if (!box) throw new Error(`frame ${id} is not on screen`);
    await this.frame(id).scrollIntoViewIfNeeded();
    // Pages come into layout as they scroll into view (content-visibility), which can move the
    // frame once more: click where it has settled.
    let visible = (await this.frame(id).boundingBox())!;
    for (let tries = 0; tries < 20; tries++) {
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      await this.frame(id).scrollIntoViewIfNeeded();
      const now = (await this.frame(id).boundingBox())!;
      if (Math.abs(now.x - visible.x) < 0.5 && Math.abs(now.y - visible.y) < 0.5) break;
      visible = now;
    }
    await this.page.mouse.click(visible.x + visible.width / 2, visible.y + Math.min(visible.height / 2, 20));
  }

  /** Ids of the frames painted on page n. */
  async frameIds(n: number): Promise<string[]> {
    return this.pageView(n)
      .locator('[data-frame-id]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-frame-id')!));
  }
}

export class AppPage {
  readonly menu: MenuBar;
  readonly canvas: PageCanvas;

  constructor(readonly page: Page) {
    this.menu = new MenuBar(page);
    this.canvas = new PageCanvas(page);
  }

  /** Opens the app and waits until the first page is painted with its fonts. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(() => document.body.dataset.painted !== undefined, null, {
      timeout: 60_000,
    });
    expect(await this.page.evaluate(() => document.body.dataset.painted)).toBe('true');
    await this.canvas.pageView(1).waitFor();
  }

  async propertiesTitle(): Promise<string> {
    return (await this.page.getByTestId('properties-panel').locator('h2').textContent()) ?? '';
  }

  async switchLanguage(language: 'system' | 'zh-Hans' | 'en'): Promise<void> {
    await this.page.getByTestId('language-select').selectOption(language);
  }

  /** Answers the in-app path dialog (the browser host has no native dialogs). */
  async answerPathDialog(path: string): Promise<void> {
    await this.page.getByTestId('path-input').fill(path);
    await this.page.getByTestId('path-ok').click();
  }

  async notices(): Promise<string[]> {
    return this.page.getByTestId('notice').allTextContents();
  }
}
