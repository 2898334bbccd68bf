/**
 * A desk on one shared edition, as two people see it in two browsers: a
 * designer and an editor each open the newsroom edition through the
 * browser host (`npm run web -- --server … --edition …` in-process), see
 * each other in the status bar, type into the same paragraph at once and
 * end with both texts, the same on both screens; the server goes away, the
 * designer keeps typing under the offline banner, and the edits arrive at
 * the editor once the server is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
import { loadSampleEdition } from '../../main/sample';
import { EditionReplica } from '../../shared/collab/edition-binding';
import { signIn } from '../../shared/collab/newsroom-client';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { RENDERER_DIR, assertRendererBuilt, testBackend } from './support/web-host';

const PASSWORD = 'night desk 2026';
const EDITION = 'zk-1221';
const poll = (fn: () => Promise<unknown>) => vi.waitFor(fn, { timeout: 30_000, interval: 200 });

describe('a newsroom edition in two browsers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-newsroom-e2e-'));
  let server: NewsroomServer;
  let port = 0;
  const hosts: WebHost[] = [];
  let browser: Browser;
  let designer: Page;
  let editor: Page;
  const errors: string[] = [];

  async function startServer() {
    server = await startNewsroomServer({
      dataDir: join(dir, 'server'),
      port,
      log: silentLogger,
      secret: 'e2e',
    });
    port = server.port;
  }

  async function openAs(user: string): Promise<Page> {
    const signed = await signIn(server.url, user, PASSWORD);
    const host = await startWebHost({
      rendererDir: RENDERER_DIR,
      backend: testBackend(),
      preferences: new MemoryPreferences(),
      editionPath: null,
      journalDir: mkdtempSync(join(dir, 'journal-')),
      newsroom: {
        serverUrl: server.url.replace('http', 'ws'),
        edition: EDITION,
        token: signed.token,
        user,
        role: signed.role,
      },
    });
    hosts.push(host);
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
    await new AppPage(page).open(host.url);
    await poll(async () =>
      expect(await page.getByTestId('newsroom-status').getAttribute('data-state')).toBe('online'),
    );
    return page;
  }

  const storyText = async (page: Page) => (await page.getByTestId('story-editor-text').textContent()) ?? '';

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
      return;
    }
    throw new Error('no frame on page 1 shows the lead story');
  }

  beforeAll(async () => {
    assertRendererBuilt();
    await startServer();
    const hash = await hashPassword(PASSWORD);
    for (const [name, role] of [
      ['dana', 'designer'],
      ['eli', 'editor'],
    ] as const)
      await server.store.putAccount({ name, role, passwordHash: hash, createdAt: new Date().toISOString() });
    // The designer publishes the sample edition (what the hosts would open without a server).
    const token = (await signIn(server.url, 'dana', PASSWORD)).token;
    const connection = await openRemoteEdition(server.url, EDITION, token);
    new EditionReplica(connection.doc, (await loadSampleEdition()).edition);
    await connection.settled();
    connection.close();
    browser = await launchChromium();
    designer = await openAs('dana');
    editor = await openAs('eli');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await host.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows each person to the other in the status bar', async () => {
    await poll(async () =>
      expect(await designer.getByTestId('newsroom-collaborators').textContent()).toContain('eli'),
    );
    await poll(async () =>
      expect(await editor.getByTestId('newsroom-collaborators').textContent()).toContain('dana'),
    );
  });

  it('two people typing into the same paragraph at once end with both texts, the same on both', async () => {
    await openLeadStory(designer);
    await openLeadStory(editor);
    const before = await storyText(designer);
    await Promise.all([
      designer.keyboard.type('Alpha', { delay: 60 }),
      editor.keyboard.type('Bravo', { delay: 60 }),
    ]);
    await poll(async () => {
      const a = await storyText(designer);
      const b = await storyText(editor);
      expect(a).toBe(b);
      expect(a.length).toBe(before.length + 10);
    });
    const text = await storyText(designer);
    expect(text).toContain('Alpha');
    expect(text).toContain('Bravo');
    // The other's caret is painted on the page, in their colour.
    await poll(async () =>
      expect(await designer.locator('[data-testid="remote-caret"][data-user="eli"]').count()).toBeGreaterThan(
        0,
      ),
    );
    expect(errors).toEqual([]);
  });

  it('keeps the designer typing while the server is down and delivers the edits when it is back', async () => {
    await server.close();
    await poll(async () => expect(await designer.getByTestId('offline-banner').isVisible()).toBe(true));
    await designer.getByTestId('story-editor-text').click();
    await designer.keyboard.press('End');
    await designer.keyboard.type(' offline line', { delay: 20 });
    await startServer();
    await poll(async () =>
      expect(await designer.getByTestId('newsroom-status').getAttribute('data-state')).toBe('online'),
    );
    await poll(async () => expect(await storyText(editor)).toContain('offline line'));
    expect(await storyText(editor)).toBe(await storyText(designer));
    expect(await designer.getByTestId('offline-banner').count()).toBe(0);
  });
});
