/**
 * Which crash journals the recovery prompt offers: only those holding
 * changes that no saved file has — one entry per edition (its latest
 * journal), with the file name, time, number of changes and a preview of
 * what differs. Journals with nothing to recover are deleted at start.
 * The rule (shared/editing/recovery-offer.ts) is checked on its own, then
 * through the host's handlers on real journal files, real editions, the
 * model's applyOperation and .folio files on disk.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditJournal } from '../../../main/journal/edit-journal';
import { DocumentSessions } from '../../../main/journal/document-sessions';
import { editionFingerprint } from '../../../main/journal/edition-fingerprint';
import { createJournalHandlers, RECOVERY_CLAIM_MS } from '../../../main/journal/journal-handlers';
import { readFolio, writeFolio } from '../../../main/storage';
import { planRecovery, type JournalFacts } from '../../../shared/editing/recovery-offer';
import { excerptOfChange } from '../../../shared/editing/recovery-preview';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

const dirs: string[] = [];
function freshDir(prefix = 'folio-recovery-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the recovery rule', () => {
  const facts = (over: Partial<JournalFacts>): JournalFacts => ({
    sessionId: 's',
    editionId: 'ed',
    lastAt: 1,
    operationCount: 3,
    base: 'b',
    recovered: 'r',
    saved: [],
    error: null,
    ...over,
  });

  it('offers a journal whose edits lead somewhere no save has been', () => {
    const plan = planRecovery([facts({ saved: ['other'] })]);
    expect(plan.offer.map((e) => e.latest.sessionId)).toEqual(['s']);
    expect(plan.discard).toEqual([]);
  });

  it('deletes journals without operations, edits undone, and edits already saved', () => {
    const plan = planRecovery([
      facts({ sessionId: 'empty', operationCount: 0, base: null, recovered: null }),
      facts({ sessionId: 'undone', recovered: 'b' }),
      facts({ sessionId: 'saved', saved: ['x', 'r'] }),
    ]);
    expect(plan.offer).toEqual([]);
    expect(plan.discard).toEqual([
      { sessionId: 'empty', reason: 'no-changes' },
      { sessionId: 'undone', reason: 'undone' },
      { sessionId: 'saved', reason: 'saved' },
    ]);
  });

  it('gives an edition one entry, its latest journal, the older ones going with it; newest edition first', () => {
    const plan = planRecovery([
      facts({ sessionId: 'a1', editionId: 'A', lastAt: 10 }),
      facts({ sessionId: 'b1', editionId: 'B', lastAt: 20 }),
      facts({ sessionId: 'a2', editionId: 'A', lastAt: 30 }),
      facts({ sessionId: 'a0', editionId: 'A', lastAt: 5 }),
    ]);
    expect(plan.offer.map((e) => [e.latest.sessionId, e.older.map((o) => o.sessionId)])).toEqual([
      ['a2', ['a1', 'a0']],
      ['b1', []],
    ]);
  });

  it('lists a damaged journal on its own, so it can be discarded', () => {
    const plan = planRecovery([facts({ sessionId: 'bad', error: 'line 2 is not JSON', operationCount: 0 })]);
    expect(plan.offer.map((e) => e.latest.sessionId)).toEqual(['bad']);
  });
});

describe('the change excerpt', () => {
  it('shows inserted text with a little context, paragraph breaks marked', () => {
    const excerpt = excerptOfChange('s', '智慧岛核心区已建成', '智慧岛Journal 不丢失核心区已建成');
    expect(excerpt).toMatchObject({
      before: '智慧岛',
      changed: 'Journal 不丢失',
      after: '核心区已建成',
      kind: 'inserted',
    });
    expect(excerptOfChange('s', 'ab\ncd', 'ab\nX\ncd')).toMatchObject({ changed: 'X ¶ ', kind: 'inserted' });
  });

  it('shows deleted text as deleted, and cuts long context', () => {
    const long = '一'.repeat(30);
    const excerpt = excerptOfChange('s', `${long}删掉的${long}`, `${long}${long}`)!;
    expect(excerpt.kind).toBe('deleted');
    expect(excerpt.changed).toBe('删掉的');
    expect(excerpt.before.length).toBe(12);
    expect(excerpt.cutBefore && excerpt.cutAfter).toBe(true);
    expect(excerptOfChange('s', 'same', 'same')).toBeNull();
  });
});

/** A host as both app hosts give it: the model's apply, files read back from disk. */
function setup(options: { dir?: string; clock?: { now: number } } = {}) {
  const dir = options.dir ?? freshDir();
  const clock = options.clock ?? { now: 1_000_000 };
  const journal = new EditJournal({ dir, pid: 1111, isAlive: () => false, now: () => clock.now });
  const sessions = new DocumentSessions(journal);
  const documents = new Map<string, { path: string | null; title: string }>();
  const handlers = createJournalHandlers<object>(
    journal,
    {
      describeDocument: (id) => ({ ...documents.get(id)!, assets: new Map() }),
      applyOperation: (edition, op) => applyOperation(edition as Edition, op as Operation).edition,
      openRecovered: async (recovered) => {
        const id = `doc-r${documents.size}`;
        documents.set(id, { path: recovered.path, title: recovered.title });
        return { documentId: id };
      },
      savedFingerprint: async (path) => {
        try {
          return editionFingerprint((await readFolio(path)).edition);
        } catch {
          return null;
        }
      },
    },
    { sessions, now: () => clock.now },
  );
  return { dir, clock, journal, sessions, documents, handlers };
}

/** A later start on the same recovery folder (the process that wrote the journals is gone). */
function restart(dir: string, clock = { now: 2_000_000 }) {
  return setup({ dir, clock });
}

const typing = (text: string, offset = 3): Operation => ({
  type: 'insert_text',
  storyId: 'story-1',
  block: 1,
  offset,
  text,
});

async function openDocument(world: ReturnType<typeof setup>, path: string | null, edition: Edition) {
  const documentId = `doc-${world.documents.size + 1}`;
  world.documents.set(documentId, { path, title: path ? 'front' : '未命名' });
  const { sessionId } = await world.handlers['journal.begin']({ documentId, edition: edition as never }, {});
  return { documentId, sessionId };
}

function journalCount(dir: string): number {
  return readdirSync(dir).filter((name) => name.endsWith('.folio-journal')).length;
}

describe('recovery at start, through the host handlers', () => {
  it('offers nothing for sessions that changed nothing, and deletes their journals (the "0 changes" prompt)', async () => {
    const first = setup();
    for (let i = 0; i < 5; i++) await openDocument(first, null, fixtureEdition());
    expect(journalCount(first.dir)).toBe(5);
    const next = restart(first.dir);
    expect(await next.handlers['journal.listRecoverable']({}, {})).toEqual([]);
    expect(journalCount(first.dir)).toBe(0);
  });

  it('offers unsaved typing with its file name, count, story, page and the text typed', async () => {
    const folder = freshDir('folio-file-');
    const path = join(folder, 'front.folio');
    const edition = fixtureEdition();
    await writeFolio(path, edition, new Map());
    const first = setup();
    const { sessionId } = await openDocument(first, path, edition);
    const ops = [...'Journal'].map((c, i) => typing(c, 3 + i));
    await first.handlers['journal.append']({ sessionId, ops }, {});
    const [entry, ...rest] = await restart(first.dir).handlers['journal.listRecoverable']({}, {});
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      sessionId,
      fileName: 'front.folio',
      documentPath: path,
      operationCount: 7,
      older: [],
      fileChanged: false,
      error: null,
    });
    expect(entry.preview).toMatchObject({
      stories: [{ id: 'story-1', name: '稿件 1' }],
      pages: [1],
      styles: 0,
      excerpt: { before: '智慧岛', changed: 'Journal', kind: 'inserted' },
    });
  });

  it('offers nothing when the edits were typed and undone', async () => {
    const first = setup();
    const { sessionId } = await openDocument(first, null, fixtureEdition());
    await first.handlers['journal.append'](
      {
        sessionId,
        ops: [typing('字'), { type: 'remove_text', storyId: 'story-1', block: 1, offset: 3, length: 1 }],
      },
      {},
    );
    expect(await restart(first.dir).handlers['journal.listRecoverable']({}, {})).toEqual([]);
    expect(journalCount(first.dir)).toBe(0);
  });

  it('offers nothing when the crash came right after a save, before the journal started over', async () => {
    const path = join(freshDir('folio-file-'), 'front.folio');
    const edition = fixtureEdition();
    const first = setup();
    const { documentId, sessionId } = await openDocument(first, path, edition);
    const op = typing('存');
    await first.handlers['journal.append']({ sessionId, ops: [op] }, {});
    const saved = applyOperation(edition, op).edition;
    await writeFolio(path, saved, new Map());
    first.sessions.saved(documentId, path, saved);
    expect(await restart(first.dir).handlers['journal.listRecoverable']({}, {})).toEqual([]);
  });

  it('offers nothing when the file on disk already has the edits (saved elsewhere), and again after more typing', async () => {
    const path = join(freshDir('folio-file-'), 'front.folio');
    const edition = fixtureEdition();
    const first = setup();
    const { sessionId } = await openDocument(first, path, edition);
    const op = typing('同');
    await first.handlers['journal.append']({ sessionId, ops: [op] }, {});
    await writeFolio(path, applyOperation(edition, op).edition, new Map());
    expect(await restart(first.dir).handlers['journal.listRecoverable']({}, {})).toEqual([]);

    // The same journal with one more edit than the file: offered, and the file counts as changed since.
    const second = setup();
    const again = await openDocument(second, path, edition);
    await second.handlers['journal.append']({ sessionId: again.sessionId, ops: [op, typing('步', 4)] }, {});
    const [entry] = await restart(second.dir).handlers['journal.listRecoverable']({}, {});
    expect(entry).toMatchObject({ operationCount: 2, fileChanged: true });
  });

  it('gives two crashed sessions of one edition one entry; discarding it removes both journals', async () => {
    const clock = { now: 1_000 };
    const first = setup({ clock });
    const edition = fixtureEdition();
    const a = await openDocument(first, null, edition);
    await first.handlers['journal.append']({ sessionId: a.sessionId, ops: [typing('甲')] }, {});
    clock.now = 5_000;
    const b = await openDocument(first, null, edition);
    await first.handlers['journal.append']({ sessionId: b.sessionId, ops: [typing('乙'), typing('丙')] }, {});
    const next = restart(first.dir);
    const entries = await next.handlers['journal.listRecoverable']({}, {});
    expect(entries.map((e) => [e.sessionId, e.older, e.operationCount])).toEqual([
      [b.sessionId, [a.sessionId], 2],
    ]);
    await next.handlers['journal.discard']({ sessionId: b.sessionId }, {});
    expect(journalCount(first.dir)).toBe(0);
  });

  it('leaves the journal of a process that is still running alone', async () => {
    const dir = freshDir();
    const running = new EditJournal({ dir, pid: 3333 });
    const session = running.begin({
      editionId: 'ed',
      documentPath: null,
      title: 'A',
      base: fixtureEdition() as never,
    });
    running.append(session, [typing('活')]);
    const other = new EditJournal({ dir, pid: 4444, isAlive: (pid) => pid === 3333 });
    const handlers = createJournalHandlers<object>(other, {
      describeDocument: () => ({ path: null, title: '', assets: new Map() }),
      applyOperation: (edition, op) => applyOperation(edition as Edition, op as Operation).edition,
      openRecovered: async () => ({ documentId: 'x' }),
      savedFingerprint: async () => null,
    });
    expect(await handlers['journal.listRecoverable']({}, {})).toEqual([]);
    expect(journalCount(dir)).toBe(1);
  });

  it('gives the list to one window only while it decides; another window gets it once the claim lapses', async () => {
    const first = setup();
    const { sessionId } = await openDocument(first, null, fixtureEdition());
    await first.handlers['journal.append']({ sessionId, ops: [typing('一')] }, {});
    const clock = { now: 10_000_000 };
    const next = restart(first.dir, clock);
    const list = (claimant: string) => next.handlers['journal.listRecoverable']({ claimant }, {});
    expect(await list('window-a')).toHaveLength(1);
    expect(await list('window-b')).toEqual([]);
    // A reload of the same tab keeps its id and gets the prompt again.
    expect(await list('window-a')).toHaveLength(1);
    clock.now += RECOVERY_CLAIM_MS - 1_000;
    await next.handlers['journal.holdRecovery']({ claimant: 'window-a' }, {});
    clock.now += RECOVERY_CLAIM_MS - 1_000;
    expect(await list('window-b')).toEqual([]);
    clock.now += 2_000;
    expect(await list('window-b')).toHaveLength(1);
  });

  it('gives the prompt to the next window at once when the deciding window closes undecided', async () => {
    const first = setup();
    const { sessionId } = await openDocument(first, null, fixtureEdition());
    await first.handlers['journal.append']({ sessionId, ops: [typing('一')] }, {});
    const next = restart(first.dir, { now: 10_000_000 });
    const list = (claimant: string) => next.handlers['journal.listRecoverable']({ claimant }, {});
    expect(await list('window-a')).toHaveLength(1);
    // Another window's release does not free window-a's claim.
    await next.handlers['journal.releaseRecovery']({ claimant: 'window-b' }, {});
    expect(await list('window-b')).toEqual([]);
    await next.handlers['journal.releaseRecovery']({ claimant: 'window-a' }, {});
    expect(await list('window-b')).toHaveLength(1);
    expect(await list('window-a')).toEqual([]);
  });

  it('carries a recovered session on: its changes stay recoverable until saved, the old journal goes', async () => {
    const path = join(freshDir('folio-file-'), 'front.folio');
    const edition = fixtureEdition();
    await writeFolio(path, edition, new Map());
    const first = setup();
    const crashed = await openDocument(first, path, edition);
    await first.handlers['journal.append'](
      { sessionId: crashed.sessionId, ops: [typing('恢'), typing('复', 4)] },
      {},
    );

    const second = restart(first.dir);
    expect(await second.handlers['journal.listRecoverable']({}, {})).toHaveLength(1);
    const recovered = await second.handlers['journal.recover']({ sessionId: crashed.sessionId }, {});
    expect(recovered.replayed).toBe(2);
    const carried = await second.handlers['journal.begin'](
      {
        documentId: recovered.documentId,
        edition: recovered.edition as never,
        continueFrom: crashed.sessionId,
      },
      {},
    );
    expect(existsSync(join(first.dir, `${crashed.sessionId}.folio-journal`))).toBe(false);
    expect(journalCount(first.dir)).toBe(1);
    // It crashes too, before any new edit: the recovered changes are offered again, not lost.
    const [entry] = await restart(first.dir).handlers['journal.listRecoverable']({}, {});
    expect(entry).toMatchObject({ sessionId: carried.sessionId, operationCount: 2, fileName: 'front.folio' });
    expect(entry.preview?.excerpt).toMatchObject({ changed: '恢复' });
  });

  it('fingerprints an edition the same after it is saved and read back', async () => {
    const path = join(freshDir('folio-file-'), 'front.folio');
    const edition = applyOperation(fixtureEdition(), typing('印')).edition;
    await writeFolio(path, edition, new Map());
    expect(editionFingerprint((await readFolio(path)).edition)).toBe(editionFingerprint(edition));
    expect(editionFingerprint(JSON.parse(JSON.stringify(edition)))).toBe(editionFingerprint(edition));
    expect(editionFingerprint(fixtureEdition())).not.toBe(editionFingerprint(edition));
  });
});
