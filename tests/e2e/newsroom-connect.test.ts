/**
 * File ▸ Connect to Newsroom… as a desk meets it: a newsroom server on
 * 127.0.0.1 started by the test, two browser hosts opened on the sample
 * edition as usual (no --server). The designer gets one clear line for a
 * wrong password and for a server that is not there, signs in, sees the
 * server's (empty) edition list with her role, publishes the open sample,
 * and a .folio file, opens the first — the window switches into newsroom mode; the editor signs in
 * in his own browser, sees the edition in the list and opens it; each sees
 * the other's caret inside the story editor, with the name on hover; the
 * editor's frame move is refused with why; File ▸ New leaves the shared
 * edition (nothing typed after reaches the server); Disconnect brings the
 * designer's own edition back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebHost, type WebHost } from '../../main/web/host';
import { MemoryPreferences } from '../../main/services/preferences';
import { startNewsroomServer, type NewsroomServer } from '../../main/server/newsroom-server';
import { hashPassword } from '../../main/server/auth/passwords';
import { silentLogger } from '../../main/server/log';
import { openRemoteEdition } from '../../main/server/remote-edition';
import { EditionBinding } from '../../shared/collab/edition-binding';
import { signIn as signInByHttp } from '../../shared/collab/newsroom-client';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { RENDERER_DIR, assertRendererBuilt, testBackend } from './support/web-host';

const PASSWORD = 'night desk 2026';
const EDITION = 'zk-1221';
const poll = (fn: () => Promise<unknown>) => vi.waitFor(fn, { timeout: 30_000, interval: 200 });

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('Connect to Newsroom in the browser host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-connect-e2e-'));
  let server: NewsroomServer;
  let wsUrl = '';
  const hosts: WebHost[] = [];
  let browser: Browser;
  let designer: Page;
  let editor: Page;
  const errors: string[] = [];

  async function openApp(user: string): Promise<Page> {
    const host = await startWebHost({
      rendererDir: RENDERER_DIR,
      backend: testBackend(),
      preferences: new MemoryPreferences(),
      editionPath: null,
      journalDir: mkdtempSync(join(dir, 'journal-')),
    });
    hosts.push(host);
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
    await new AppPage(page).open(host.url);
    return page;
  }

  async function openDialog(page: Page) {
    await page.getByTestId('menu-file').click();
    await page.getByTestId('command-file.connectNewsroom').click();
    await page.getByTestId('connect-dialog').waitFor();
  }

  async function signIn(page: Page, url: string, user: string, password: string) {
    await page.getByTestId('connect-server').fill(url);
    await page.getByTestId('connect-user').fill(user);
    await page.getByTestId('connect-password').fill(password);
    await page.getByTestId('connect-signin').click();
  }

  const errorLine = async (page: Page) => {
    await page.getByTestId('connect-error').waitFor();
    return (await page.getByTestId('connect-error').textContent()) ?? '';
  };

  async function openEdition(page: Page, name: string) {
    const row = page.locator(`[data-testid="connect-edition"][data-name="${name}"]`);
    await row.waitFor();
    await row.getByTestId('connect-open').click();
    // The window reloads into newsroom mode.
    await poll(async () =>
      expect(await page.getByTestId('newsroom-status').getAttribute('data-state')).toBe('online'),
    );
    await page.waitForFunction(() => document.body.dataset.painted === 'true');
  }

  async function openLeadStory(page: Page) {
    const ids = await page
      .getByTestId('page-1')
      .locator('[data-frame-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-frame-id')!));
    for (const id of ids) {
      const text = (await page.getByTestId(`frame-${id}`).textContent()) ?? '';
      if (!text.includes('智慧岛')) continue;
      const frame = page.getByTestId(`frame-${id}`);
      await frame.scrollIntoViewIfNeeded();
      const box = (await frame.boundingBox())!;
      await page.mouse.dblclick(box.x + box.width * 0.05, box.y + box.height * 0.5);
      await page.getByTestId('story-editor-text').waitFor();
      return id;
    }
    throw new Error('no frame on page 1 shows the lead story');
  }

  beforeAll(async () => {
    assertRendererBuilt();
    server = await startNewsroomServer({
      dataDir: join(dir, 'server'),
      port: 0,
      log: silentLogger,
      secret: 'e2e',
    });
    wsUrl = server.url.replace('http', 'ws');
    const hash = await hashPassword(PASSWORD);
    for (const [name, role] of [
      ['dana', 'designer'],
      ['eli', 'editor'],
    ] as const)
      await server.store.putAccount({ name, role, passwordHash: hash, createdAt: new Date().toISOString() });
    browser = await launchChromium();
    designer = await openApp('dana');
    editor = await openApp('eli');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await host.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line when the password is wrong or the server is not there, and keeps what was typed', async () => {
    await openDialog(designer);
    await signIn(designer, wsUrl, 'dana', 'not the password');
    expect(await errorLine(designer)).toBe('Wrong user name or password.');
    expect(await designer.getByTestId('connect-user').inputValue()).toBe('dana');

    const nowhere = `ws://127.0.0.1:${await closedPort()}`;
    await signIn(designer, nowhere, 'dana', PASSWORD);
    await poll(async () =>
      expect(await errorLine(designer)).toContain(`Cannot reach the newsroom server at ${nowhere}`),
    );
    expect(await designer.getByTestId('connect-signed-in').count()).toBe(0);
  });

  it('signs in, shows the empty edition list with the role, publishes the open sample and lists it', async () => {
    await signIn(designer, wsUrl, 'dana', PASSWORD);
    const signedIn = designer.getByTestId('connect-signed-in');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toBe(`Signed in to ${wsUrl} as dana, designer`);
    expect(await designer.getByTestId('connect-dialog').textContent()).toContain(
      'The server has no editions yet',
    );

    await designer.getByTestId('publish-name').fill(EDITION);
    await designer.getByTestId('publish-document').click();
    await poll(async () =>
      expect(await designer.getByTestId('connect-notice').textContent()).toMatch(
        new RegExp(`^Published ${EDITION} — pages: \\d+, stories: \\d+, photos: \\d+\\.$`),
      ),
    );
    await designer.locator(`[data-testid="connect-edition"][data-name="${EDITION}"]`).waitFor();
    // The server has it now, as a stored edition.
    const listed = (await server.store.list()).map((e) => e.name);
    expect(listed).toContain(EDITION);

    // A .folio on disk, published under a name of its own.
    const file = join(dir, 'front.folio');
    const sample = await testBackend().fromTemplate('sample');
    await testBackend().write(file, sample.edition, sample.assets);
    await designer.getByTestId('publish-name').fill(`${EDITION}-file`);
    await designer.getByTestId('publish-file').click();
    await designer.getByTestId('path-input').fill(file);
    await designer.getByTestId('path-ok').click();
    await poll(async () =>
      expect(await designer.getByTestId('connect-notice').textContent()).toContain(
        `Published ${EDITION}-file`,
      ),
    );
    await designer.locator(`[data-testid="connect-edition"][data-name="${EDITION}-file"]`).waitFor();
    if (process.env.FOLIO_SHOT) await designer.screenshot({ path: process.env.FOLIO_SHOT });

    // Publishing the same name again is refused with why; the list is unchanged.
    await designer.getByTestId('publish-name').fill(EDITION);
    await designer.getByTestId('publish-document').click();
    expect(await errorLine(designer)).toBe(
      `The server already has an edition “${EDITION}”: choose another name.`,
    );
  });

  it('opens the shared edition in the window; the editor signs in and opens it too', async () => {
    await openEdition(designer, EDITION);
    expect(await designer.getByTestId('newsroom-connection').textContent()).toContain(EDITION);
    expect(await designer.getByTestId('newsroom-you').textContent()).toBe('dana, designer');

    await openDialog(editor);
    await signIn(editor, wsUrl, 'eli', PASSWORD);
    await editor.getByTestId('connect-signed-in').waitFor();
    expect(await editor.getByTestId('connect-signed-in').getAttribute('data-role')).toBe('editor');
    expect(await editor.getByTestId('connect-signed-in').textContent()).toContain('eli, editor');
    await openEdition(editor, EDITION);
    await poll(async () =>
      expect(await designer.getByTestId('newsroom-collaborators').textContent()).toContain('eli'),
    );
  });

  it('shows the other’s caret inside the story editor, named on hover', async () => {
    await openLeadStory(designer);
    await openLeadStory(editor);
    await designer.keyboard.press('End');
    await designer.keyboard.type('Alpha', { delay: 40 });
    const theirCaret = editor.locator('.story-editor [data-decoration$=":caret"][title="dana"]');
    await poll(async () => expect(await theirCaret.count()).toBe(1));
    // At the end of what she typed, in her colour.
    expect(await theirCaret.textContent()).toBe('a');
    expect(await theirCaret.getAttribute('class')).toContain('remote-caret');
    await theirCaret.hover();
    if (process.env.FOLIO_SHOT)
      await editor.screenshot({ path: process.env.FOLIO_SHOT.replace('.png', '-caret.png') });
    // Her edits are on the server: the host holds nothing unsaved for the window (Electron asks nothing on close).
    const origin = new URL(hosts[0].url).origin;
    const current = await fetch(`${origin}/api/${encodeURIComponent('folio:edition.current')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-folio-token': hosts[0].token },
      body: '{}',
    });
    expect(((await current.json()) as { result: { dirty: boolean } }).result.dirty).toBe(false);
    // The status bar says which story she is in, on hover.
    expect(
      await editor.locator('[data-testid="newsroom-collaborators"] [data-user="dana"]').getAttribute('title'),
    ).toMatch(/^dana is in the story “.+”$/);
    // And the other way round.
    await editor.keyboard.press('Home');
    await poll(async () =>
      expect(await designer.locator('.story-editor [data-decoration$=":caret"][title="eli"]').count()).toBe(
        1,
      ),
    );
    expect(errors).toEqual([]);
  });

  it('refuses the editor’s frame move with why', async () => {
    await editor.keyboard.press('Escape');
    const [frameId] = await editor
      .getByTestId('page-1')
      .locator('[data-frame-id][data-kind="image"]:not([data-master])')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-frame-id')!));
    const frame = editor.getByTestId(`frame-${frameId}`);
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    await editor.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await editor.getByTestId('frame-tools').waitFor();
    // The canvas keeps the focus where it was (the story editor, which would take the arrow key).
    await editor.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await editor.keyboard.press('ArrowRight');
    await poll(async () =>
      expect(await editor.getByTestId('editing-notice').textContent()).toContain(
        'Your role (editor) may not change the layout',
      ),
    );
  });

  it('File ▸ New in a window on the shared edition leaves it: nothing typed there reaches the server', async () => {
    await editor.getByTestId('menu-file').click();
    await editor.getByTestId('command-file.new').click();
    await poll(async () => expect(await editor.getByTestId('newsroom-status').count()).toBe(0));
    await openLeadStory(editor);
    await editor.keyboard.type('Zulu', { delay: 20 });
    await poll(async () =>
      expect(await editor.getByTestId('story-editor-text').textContent()).toContain('Zulu'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const token = (await signInByHttp(server.url, 'dana', PASSWORD)).token;
    const connection = await openRemoteEdition(server.url, EDITION, token);
    try {
      const shared = new EditionBinding(connection.doc).current();
      const text = JSON.stringify(shared.stories);
      expect(text).toContain('Alpha');
      expect(text).not.toContain('Zulu');
    } finally {
      connection.close();
    }
  });

  it('Disconnect brings the window’s own edition back', async () => {
    await designer.getByTestId('newsroom-disconnect').click();
    await poll(async () => expect(await designer.getByTestId('newsroom-status').count()).toBe(0));
    await designer.waitForFunction(() => document.body.dataset.painted === 'true');
    // The sample as it was before the window worked on the shared edition: without the shared typing.
    await openLeadStory(designer);
    expect(await designer.getByTestId('story-editor-text').textContent()).not.toContain('Alpha');
  });
});
