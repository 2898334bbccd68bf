/**
 * One language in the UI. The real renderer in Chromium, through the
 * browser host, at 1600×1000 with Language = System: a Chinese system shows
 * Chinese, any other English. Every panel, menu, dialog, prompt and notice a
 * new user meets in the first hour is opened, and everything it shows —
 * text, list options, tooltips, aria-labels, placeholders, the window title
 * — is checked for the other language: no Han characters in the English UI,
 * no English words in the Chinese one. Allowed in both (see
 * tests/support/ui-language.ts): units, acronyms, font names, Folio,
 * shortcut labels, each language's own name in the language picker, and the
 * edition's own content (story text, names of stories, styles, swatches,
 * frames, assets, the file's name). Then the language is switched at run
 * time and the same panels must show the other language, without a reload.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditJournal } from '../../main/journal/edit-journal';
import { MemoryPreferences } from '../../main/services/preferences';
import { startWebHost, type WebHost } from '../../main/web/host';
import type { Edition } from '../../shared/model/types';
import { translate } from '../../shared/services/locales';
import { defaultRoundName } from '../../shared/review';
import { planOf } from '../../shared/model/plan';
import { editionFileName, splitExportFiles } from '../../shared/planning/export-names';
import { foreignPieces, type UiLanguage } from '../support/ui-language';
import { AppPage } from './support/app-page';
import { launchChromium } from './support/browser';
import { editionContent, shownText } from './support/ui-text';
import { assertRendererBuilt, callHost, RENDERER_DIR, testBackend } from './support/web-host';
import { startNewsroomServer, type NewsroomServer } from '../../main/server/newsroom-server';
import { hashPassword } from '../../main/server/auth/passwords';
import { silentLogger } from '../../main/server/log';
import { openRemoteEdition } from '../../main/server/remote-edition';
import { EditionReplica } from '../../shared/collab/edition-binding';
import { signIn } from '../../shared/collab/newsroom-client';

const VIEWPORT = { width: 1600, height: 1000 };
/** One tour of every scene: two dozen panels, each a few round trips, take minutes on a loaded 2-core machine. */
const TOUR_TIMEOUT = 240_000;
/** What the tour types: the user's own text, which messages quote back. */
const TYPED = 'xyz';
/** A word of the sample's lead story, for the Find panel to find. */
const FOUND = '示范区';
const MISSING = join(tmpdir(), 'no-such-folder', 'missing.folio');
/** A file-name pattern without a page field: the export dialog refuses it. */
const REFUSED_PATTERN = '{date}.pdf';
/** The export pattern's syntax, shown as typed in either language (like a file name). */
const PATTERN_SYNTAX = [
  '{date}_{page}.pdf',
  REFUSED_PATTERN,
  '{date}',
  '{page}',
  '{n}',
  '{section}',
  '{edition}',
];
const SYSTEM_LOCALE: Record<UiLanguage, string> = { en: 'en-US', 'zh-Hans': 'zh-CN' };
const OTHER: Record<UiLanguage, UiLanguage> = { en: 'zh-Hans', 'zh-Hans': 'en' };
/** A process id no process has, so the planted journal looks left behind by a crash. */
const DEAD_PID = 0x3ffffff0;

let browser: Browser;
let host: WebHost;
/** A newsroom server for the Connect dialog, with one account and one edition on it. */
let newsroom: NewsroomServer;
const NEWSROOM_USER = 'tour';
const NEWSROOM_PASSWORD = 'tour password';
const SHARED_EDITION = 'zk-tour';
let recoveryHost: WebHost;
let content: string[] = [];
const recoveryFile = join(mkdtempSync(join(tmpdir(), 'folio-ui-language-')), 'front.folio');

async function currentEdition(target: WebHost): Promise<{ documentId: string; edition: Edition }> {
  return (await callHost(target, 'edition.current', {})) as { documentId: string; edition: Edition };
}

/** The edition's text that preflight quotes back: matches, their context and the fixes it offers. */
async function quotedByPreflight(target: WebHost, documentId: string, edition: Edition): Promise<string[]> {
  const { problems } = (await callHost(target, 'edition.preflight', { documentId, edition })) as {
    problems: { fix?: { replacement: string }; text?: { match: string; storyName: string } }[];
  };
  return problems.flatMap((p) => [p.fix?.replacement ?? '', p.text?.match ?? '', p.text?.storyName ?? '']);
}

/** A host whose recovery folder holds the journal of a session that crashed with one unsaved edit. */
async function hostWithCrashedSession(): Promise<WebHost> {
  const journalDir = mkdtempSync(join(tmpdir(), 'folio-ui-journal-'));
  const { edition } = await testBackend().fromTemplate('sample');
  const crashed = new EditJournal({ dir: journalDir, pid: DEAD_PID, syncIntervalMs: 0 });
  const story = Object.values(edition.stories)[0];
  const sessionId = crashed.begin({
    editionId: edition.id,
    documentPath: recoveryFile,
    title: 'front',
    base: edition as unknown as { id: string; schemaVersion: number },
  });
  crashed.append(sessionId, [{ type: 'insert_text', storyId: story.id, block: 0, offset: 0, text: '★' }]);
  crashed.flush();
  return startWebHost({
    rendererDir: RENDERER_DIR,
    backend: testBackend(),
    preferences: new MemoryPreferences(),
    editionPath: null,
    journalDir,
  });
}

beforeAll(async () => {
  assertRendererBuilt();
  browser = await launchChromium();
  host = await startWebHost({
    rendererDir: RENDERER_DIR,
    backend: testBackend(),
    preferences: new MemoryPreferences(),
    editionPath: null,
    journalDir: mkdtempSync(join(tmpdir(), 'folio-ui-journal-')),
  });
  await host.ready;
  newsroom = await startNewsroomServer({
    dataDir: mkdtempSync(join(tmpdir(), 'folio-ui-newsroom-')),
    port: 0,
    log: silentLogger,
    secret: 'ui-language',
  });
  await newsroom.store.putAccount({
    name: NEWSROOM_USER,
    role: 'designer',
    passwordHash: await hashPassword(NEWSROOM_PASSWORD),
    createdAt: new Date().toISOString(),
  });
  const connection = await openRemoteEdition(
    newsroom.url,
    SHARED_EDITION,
    (await signIn(newsroom.url, NEWSROOM_USER, NEWSROOM_PASSWORD)).token,
  );
  new EditionReplica(connection.doc, (await testBackend().fromTemplate('sample')).edition);
  await connection.settled();
  connection.close();
  const { documentId, edition } = await currentEdition(host);
  content = [
    ...editionContent(edition),
    ...(await quotedByPreflight(host, documentId, edition)),
    TYPED,
    FOUND,
    MISSING,
    'missing.folio',
    recoveryFile,
    'front',
    'front.folio',
    'edition.folio',
    'edition.pdf',
    // The Connect dialog: the server's address (and its placeholder), the account, the edition's name.
    newsroomWs(),
    'ws://127.0.0.1:4400',
    NEWSROOM_USER,
    SHARED_EDITION,
    'edition-pages',
    'manifest.json',
    ...PATTERN_SYNTAX,
    // The file names the export dialog shows are the edition's date and page numbers.
    ...splitExportFiles(
      edition,
      edition.pages.map((_, i) => i + 1),
    ).map((f) => f.file),
    editionFileName(edition, planOf(edition).settings.exportPattern),
  ];
});

const newsroomWs = () => newsroom.url.replace('http', 'ws');

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await newsroom?.close();
});

/** Frames of page 1 by kind, in paint order. */
async function framesOfKind(page: Page, kind: string): Promise<string[]> {
  return page
    .getByTestId('page-1')
    .locator(`[data-frame-id][data-kind="${kind}"]:not([data-master])`)
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-frame-id')!));
}

async function clickFrame(page: Page, id: string, double = false): Promise<void> {
  const frame = page.getByTestId(`frame-${id}`);
  await frame.scrollIntoViewIfNeeded();
  const box = (await frame.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 30);
  if (double) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

async function openMenu(page: Page, menu: string): Promise<void> {
  await page.getByTestId(`menu-${menu}`).click();
  await page.locator('.menu-items').waitFor();
}

async function closeMenu(page: Page): Promise<void> {
  await page.mouse.click(VIEWPORT.width / 2, VIEWPORT.height - 60);
  await page.locator('.menu-items').waitFor({ state: 'detached' });
}

async function pathDialog(page: Page, command: string): Promise<() => Promise<void>> {
  await openMenu(page, 'file');
  await page.getByTestId(`command-${command}`).click();
  await page.getByTestId('path-dialog').waitFor();
  return async () => {
    await page.getByTestId('path-dialog').getByRole('button').first().click();
    await page.getByTestId('path-dialog').waitFor({ state: 'detached' });
  };
}

/** A scene: what the user opens; `close` puts the window back as it was. */
interface Scene {
  name: string;
  open(page: Page): Promise<(() => Promise<void>) | void>;
}

const SCENES: Scene[] = [
  {
    name: 'workspace: menu bar, pages, properties of page 1, tools, story panel, status bar',
    open: async () => {},
  },
  ...(['file', 'edit', 'view', 'layout', 'review', 'help'] as const).map((menu): Scene => ({
    name: `${menu} menu`,
    open: async (page) => {
      await openMenu(page, menu);
      return () => closeMenu(page);
    },
  })),
  {
    name: 'properties and tools of a text frame',
    open: async (page) => {
      const [text] = await framesOfKind(page, 'text');
      await clickFrame(page, text);
      await page.getByTestId('frame-tools').waitFor();
    },
  },
  {
    name: 'story editor with copyfit and paragraph roles',
    open: async (page) => {
      const [text] = await framesOfKind(page, 'text');
      await clickFrame(page, text, true);
      await page.getByTestId('story-editor').waitFor();
      await page.getByTestId('story-status').waitFor();
    },
  },
  {
    name: 'styles panel with the paragraph and character style editors and swatches',
    open: async (page) => {
      const panel = page.getByTestId('styles-panel');
      if (!(await panel.evaluate((element) => (element as HTMLDetailsElement).open)))
        await page.getByTestId('styles-panel-toggle').click();
      await panel.locator('[data-testid^="style-item-"]').first().click();
      await panel.locator('[data-testid^="char-style-"]').first().click();
    },
  },
  {
    name: 'the delete-style form with its replacement choice',
    open: async (page) => {
      const panel = page.getByTestId('styles-panel');
      await panel.locator('[data-testid="style-item-ps-body"]').click();
      await panel.getByTestId('style-delete').click();
      await panel.getByTestId('style-delete-form').waitFor();
      return async () => {
        await panel.getByTestId('style-delete-cancel').click();
      };
    },
  },
  {
    name: 'a style field with a value it refuses',
    open: async (page) => {
      const size = page.getByTestId('styles-panel').locator('[data-testid="style-size"]').first();
      await size.fill(TYPED);
      await size.press('Enter');
      await page.getByTestId('editing-notice').waitFor();
      return async () => {
        await page.getByTestId('editing-notice').getByRole('button').click();
      };
    },
  },
  {
    name: 'properties and tools of an image frame',
    open: async (page) => {
      const [image] = await framesOfKind(page, 'image');
      await clickFrame(page, image);
      await page.getByTestId('frame-tools').waitFor();
    },
  },
  { name: 'Save As path dialog', open: (page) => pathDialog(page, 'file.saveAs') },
  { name: 'Export PDF path dialog', open: (page) => pathDialog(page, 'file.exportPdf') },
  {
    name: 'preflight panel with its findings',
    open: async (page) => {
      await openMenu(page, 'file');
      await page.getByTestId('command-file.preflight').click();
      await page.getByTestId('preflight-finding').first().waitFor();
      return () => page.getByTestId('preflight-close').click();
    },
  },
  {
    name: 'Find/Replace panel with its results',
    open: async (page) => {
      await openMenu(page, 'edit');
      await page.getByTestId('command-edit.find').click();
      await page.getByTestId('find-pattern').fill(FOUND);
      await page.getByTestId('find-result').first().waitFor();
      return () => page.getByTestId('find-close').click();
    },
  },
  {
    name: 'Notes panel: a note being written on a page point, then the note with its filters and actions',
    open: async (page) => {
      // The author's name (the system user's) is the user's own words, not the UI's.
      const prefs = (await callHost(host, 'preferences.get', {})) as { userName: string };
      content.push(prefs.userName);
      const paper = (await page.getByTestId('page-1').boundingBox())!;
      // One note made, and a second one being written: the panel shows both.
      for (const at of [0.4, 0.6]) {
        await openMenu(page, 'review');
        await page.getByTestId('command-review.notePage').click();
        await page.getByTestId('notes-placing').waitFor();
        await page.mouse.click(paper.x + paper.width * at, paper.y + 12);
        await page.getByTestId('note-draft-text').waitFor();
        if (at === 0.4) {
          await page.getByTestId('note-draft-text').fill(TYPED);
          await page.getByTestId('note-draft-text-submit').click();
          await page.getByTestId('note').waitFor();
        }
      }
      return async () => {
        await page.getByTestId('note-draft-text-cancel').click();
        await page.getByTestId('note-delete').click();
        await page.getByTestId('notes-close').click();
      };
    },
  },
  {
    name: 'the form for the user’s name and colour on notes and changes',
    open: async (page) => {
      await openMenu(page, 'review');
      await page.getByTestId('command-review.user').click();
      await page.getByTestId('user-form').waitFor();
      // An empty name is refused with one line.
      await page.getByTestId('user-name').fill('');
      await page.getByTestId('user-save').click();
      await page.getByTestId('user-problem').waitFor();
      return async () => {
        await page.getByTestId('user-form').getByRole('button').first().click();
        await page.getByTestId('user-form').waitFor({ state: 'detached' });
      };
    },
  },
  {
    name: 'Connect to Newsroom: a server address it cannot use',
    open: async (page) => {
      await openMenu(page, 'file');
      await page.getByTestId('command-file.connectNewsroom').click();
      await page.getByTestId('connect-server').fill(TYPED);
      await page.getByTestId('connect-user').fill(TYPED);
      await page.getByTestId('connect-signin').click();
      await page.getByTestId('connect-error').waitFor();
      return () => page.getByTestId('connect-close').click();
    },
  },
  {
    name: 'Connect to Newsroom: signed in, the edition list, a name already taken',
    open: async (page) => {
      await openMenu(page, 'file');
      await page.getByTestId('command-file.connectNewsroom').click();
      await page.getByTestId('connect-server').fill(newsroomWs());
      await page.getByTestId('connect-user').fill(NEWSROOM_USER);
      await page.getByTestId('connect-password').fill(NEWSROOM_PASSWORD);
      await page.getByTestId('connect-signin').click();
      await page.getByTestId('connect-edition').waitFor();
      await page.getByTestId('publish-name').fill(SHARED_EDITION);
      await page.getByTestId('publish-document').click();
      await page.getByTestId('connect-error').waitFor();
      return async () => {
        await page.getByTestId('connect-signout').click();
        await page.getByTestId('connect-signin').waitFor();
        await page.getByTestId('connect-close').click();
      };
    },
  },
  {
    name: 'Changes panel: tracking on, a change typed in a story, its card, the switches and the status item',
    open: async (page) => {
      const prefs = (await callHost(host, 'preferences.get', {})) as { userName: string };
      content.push(prefs.userName);
      await openMenu(page, 'review');
      await page.getByTestId('command-review.trackChanges').click();
      const [text] = await framesOfKind(page, 'text');
      await clickFrame(page, text, true);
      await page.getByTestId('story-editor-text').click();
      await page.keyboard.type(TYPED);
      await openMenu(page, 'review');
      await page.getByTestId('command-review.changes').click();
      await page.getByTestId('change').first().waitFor();
      return async () => {
        // The typed change and the switch, undone; the panel closed.
        for (let i = 0; i < 2; i++) {
          await openMenu(page, 'edit');
          await page.getByTestId('command-edit.undo').click();
        }
        await page.getByTestId('changes-empty').waitFor();
        await page.getByTestId('changes-close').click();
      };
    },
  },
  {
    name: 'Start Proof Round dialog with its default name',
    open: async (page) => {
      // The round's default name follows the edition's language (一校 / Proof 1): the edition's words.
      const { edition } = await currentEdition(host);
      content.push(defaultRoundName(edition.meta.language, 1));
      await openMenu(page, 'review');
      await page.getByTestId('command-review.startRound').click();
      await page.getByTestId('start-round-dialog').waitFor();
      return () => page.getByTestId('start-round-cancel').click();
    },
  },
  {
    name: 'Proof rounds panel with a round and the sign-off desk, then a comparison with its redline',
    open: async (page) => {
      const prefs = (await callHost(host, 'preferences.get', {})) as { userName: string };
      content.push(prefs.userName);
      await openMenu(page, 'review');
      await page.getByTestId('command-review.startRound').click();
      await page.getByTestId('start-round-ok').click();
      await page.getByTestId('round').waitFor();
      // An edit after the round, so the comparison has a page and a story to show.
      const [text] = await framesOfKind(page, 'text');
      await clickFrame(page, text, true);
      await page.getByTestId('story-editor-text').click();
      await page.keyboard.type(TYPED);
      await closeMenu(page).catch(() => undefined);
      await openMenu(page, 'review');
      await page.getByTestId('command-review.compare').click();
      await page.locator('[data-testid="compare-view"][data-status="ready"]').waitFor();
      await page.getByTestId('compare-story').first().waitFor();
      return async () => {
        await page.getByTestId('compare-close').click();
        // Undo the typing and the round: the tour goes on with the edition as it was.
        for (let i = 0; i < 2; i++) {
          await openMenu(page, 'edit');
          await page.getByTestId('command-edit.undo').click();
        }
        await page.getByTestId('round').waitFor({ state: 'detached' });
        await page.getByTestId('rounds-close').click();
      };
    },
  },
  {
    name: 'Auto-layout dialog with three proposals and their scores',
    open: async (page) => {
      await openMenu(page, 'layout');
      await page.getByTestId('command-layout.autoLayout').click();
      await page
        .locator('[data-testid="auto-layout-dialog"][data-status="ready"]')
        .waitFor({ timeout: 30_000 });
      return async () => {
        await page.getByTestId('al-cancel').click();
        await page.getByTestId('auto-layout-dialog').waitFor({ state: 'detached' });
      };
    },
  },
  ...(['the file names it gives', 'a pattern it refuses'] as const).map((state): Scene => ({
    name: `Export Pages for Printer dialog: ${state}`,
    open: async (page) => {
      await openMenu(page, 'file');
      await page.getByTestId('command-file.exportEdition').click();
      await page.getByTestId('export-edition-preview').waitFor();
      if (state === 'a pattern it refuses') {
        await page.getByTestId('export-edition-pattern').fill(REFUSED_PATTERN);
        await page.getByTestId('export-edition-bad').waitFor();
      }
      return async () => {
        await page.getByTestId('export-edition-dialog').getByRole('button').first().click();
        await page.getByTestId('export-edition-dialog').waitFor({ state: 'detached' });
      };
    },
  })),
  {
    name: 'an edition that cannot be opened',
    open: async (page) => {
      await openMenu(page, 'file');
      await page.getByTestId('command-file.open').click();
      await page.getByTestId('path-input').fill(MISSING);
      await page.getByTestId('path-ok').click();
      await page.locator('.notice-error').last().waitFor();
    },
  },
  {
    name: 'About and keyboard shortcuts',
    open: async (page) => {
      await openMenu(page, 'help');
      await page.getByTestId('command-help.about').click();
      await openMenu(page, 'help');
      await page.getByTestId('command-help.shortcuts').click();
      await page.getByTestId('notice').nth(1).waitFor();
    },
  },
];

/** What the page shows that is not in `language`, each with where it is. */
async function foreignIn(page: Page, language: UiLanguage): Promise<string[]> {
  const shown = await shownText(page);
  return shown.flatMap((item) => {
    const pieces = foreignPieces(item.text, language, { content, languagePicker: item.languagePicker });
    return pieces.length ? [`${item.where}: “${item.text}” → ${pieces.join(', ')}`] : [];
  });
}

/** Opens every scene in turn and collects what is in the other language. */
async function tour(page: Page, language: UiLanguage): Promise<Record<string, string[]>> {
  const problems: Record<string, string[]> = {};
  for (const scene of SCENES) {
    const close = await scene.open(page);
    const foreign = await foreignIn(page, language);
    if (foreign.length) problems[scene.name] = foreign;
    if (close) await close();
  }
  return problems;
}

async function openApp(url: string, language: UiLanguage): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: SYSTEM_LOCALE[language] });
  const page = await context.newPage();
  await new AppPage(page).open(url);
  return page;
}

describe.each(['en', 'zh-Hans'] as const)('the %s UI (Language = System)', (language) => {
  let page: Page;

  beforeAll(async () => {
    // A new user: Language = System (the previous language's run may have left a choice behind).
    await callHost(host, 'preferences.set', { language: 'system' });
    // Its own crashed session: the other language's run took the first one's prompt.
    recoveryHost = await hostWithCrashedSession();
    page = await openApp(host.url, language);
  });

  afterAll(async () => {
    await page?.context().close();
    await recoveryHost?.close();
  });

  it('follows the system language', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.getByTestId('language-select').inputValue()).toBe('system');
    expect(await page.getByTestId('menu-file').textContent()).toBe(translate(language, 'menu.file'));
    expect(await page.getByTestId('tool-text').textContent()).toBe(translate(language, 'tools.tool.text'));
  });

  it(
    'shows every panel, menu, dialog and notice in that one language',
    async () => {
      const problems = await tour(page, language);
      const count = Object.values(problems).flat().length;
      console.log(`ui-language ${language}: ${SCENES.length} scenes, ${count} strings of the other language`);
      expect(problems).toEqual({});
    },
    TOUR_TIMEOUT,
  );

  it(
    'shows every panel in the other language once it is chosen, without a reload',
    async () => {
      const other = OTHER[language];
      await page.getByTestId('language-select').selectOption(other);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
      expect(await page.getByTestId('menu-file').textContent()).toBe(translate(other, 'menu.file'));
      expect(await page.getByTestId('properties-panel').locator('h2').textContent()).toContain(
        translate(other, 'panel.properties'),
      );
      const problems = await tour(page, other);
      const count = Object.values(problems).flat().length;
      console.log(`ui-language ${language} → ${other}: ${count} strings of the other language`);
      expect(problems).toEqual({});
      // Back to System: the system's language again.
      await page.getByTestId('language-select').selectOption('system');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await foreignIn(page, language)).toEqual([]);
    },
    TOUR_TIMEOUT,
  );

  it('offers recovery after a crash in that language', async () => {
    const recovering = await openApp(recoveryHost.url, language);
    try {
      await recovering.getByTestId('recovery-prompt').waitFor();
      expect(await foreignIn(recovering, language)).toEqual([]);
      await recovering.getByTestId('language-select').selectOption(OTHER[language]);
      expect(await foreignIn(recovering, OTHER[language])).toEqual([]);
    } finally {
      await recovering.context().close();
    }
  });
});
