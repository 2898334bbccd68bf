import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditJournal } from '../../../main/journal/edit-journal';
import { JournalError, parseJournal, replayJournal } from '../../../shared/editing/journal-format';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const base = { id: 'ed-1', schemaVersion: 1, counter: 0 };
type Op = { add: number };
const apply = (e: typeof base, op: Op) => ({ ...e, counter: e.counter + op.add });

/** A journal as a crashed process left it: its pid is reported as gone. */
function crashedJournal(dir: string) {
  return new EditJournal({ dir, pid: 1111, isAlive: () => false });
}

describe('edit journal', () => {
  it('lets a later start recover every batch a crashed session appended', () => {
    const dir = freshDir();
    const first = crashedJournal(dir);
    const session = first.begin({ editionId: 'ed-1', documentPath: '/news/a.folio', title: 'A', base });
    first.append(session, [{ add: 1 }, { add: 2 }]);
    first.append(session, [{ add: 3 }]);
    // No close: the process "dies" here.
    const next = new EditJournal({ dir, pid: 2222, isAlive: () => false });
    const found = next.listRecoverable();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      sessionId: session,
      title: 'A',
      documentPath: '/news/a.folio',
      operationCount: 3,
    });
    const read = next.read(session);
    const replay = replayJournal(read.begin.base as typeof base, read.ops as Op[], apply);
    expect(replay.edition.counter).toBe(6);
    expect(replay.error).toBeNull();
  });

  it('offers nothing after a clean close, and deletes the file', () => {
    const dir = freshDir();
    const journal = crashedJournal(dir);
    const session = journal.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    journal.append(session, [{ add: 1 }]);
    journal.close(session);
    expect(readdirSync(dir)).toEqual([]);
    expect(crashedJournal(dir).listRecoverable()).toEqual([]);
  });

  it('does not offer a journal whose process is still running', () => {
    const dir = freshDir();
    const running = new EditJournal({ dir, pid: 3333 });
    running.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    const other = new EditJournal({ dir, pid: 4444, isAlive: (pid) => pid === 3333 });
    expect(other.listRecoverable()).toEqual([]);
  });

  it('keeps only the operations after the last save', () => {
    const dir = freshDir();
    const journal = crashedJournal(dir);
    const session = journal.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    journal.append(session, [{ add: 5 }]);
    journal.rebase(session, {
      editionId: 'ed-1',
      documentPath: '/news/a.folio',
      title: 'A',
      base: { ...base, counter: 5 },
    });
    journal.append(session, [{ add: 1 }]);
    const read = crashedJournal(dir).read(session);
    expect(read.begin.documentPath).toBe('/news/a.folio');
    expect(replayJournal(read.begin.base as typeof base, read.ops as Op[], apply).edition.counter).toBe(6);
  });

  it('keeps the bytes of images placed during the session', () => {
    const dir = freshDir();
    const journal = crashedJournal(dir);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const session = journal.begin({
      editionId: 'ed-1',
      documentPath: null,
      title: 'A',
      base,
      assets: new Map([['as-1', new Uint8Array([9])]]),
    });
    journal.putAsset(session, 'as-2.jpg', bytes);
    const read = crashedJournal(dir).read(session);
    expect([...read.assets.keys()].sort()).toEqual(['as-1', 'as-2.jpg']);
    expect([...read.assets.get('as-2.jpg')!]).toEqual([...bytes]);
    expect(read.placedAssets).toEqual(['as-2.jpg']);
  });

  it('recovers up to a last line that the crash cut short', () => {
    const dir = freshDir();
    const journal = crashedJournal(dir);
    const session = journal.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    journal.append(session, [{ add: 1 }]);
    const file = join(
      dir,
      readdirSync(dir).find((n) => n.endsWith('.folio-journal'))!,
    );
    appendFileSync(file, '{"type":"ops","seq":2,"at":1,"ops":[{"ad');
    const read = crashedJournal(dir).read(session);
    expect(read.truncatedTail).toBe(true);
    expect(read.ops).toEqual([{ add: 1 }]);
  });

  it('names the line when a journal is damaged in the middle', () => {
    const dir = freshDir();
    const journal = crashedJournal(dir);
    const session = journal.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    journal.append(session, [{ add: 1 }]);
    journal.append(session, [{ add: 2 }]);
    const file = join(dir, `${session}.folio-journal`);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = 'garbage';
    writeFileSync(file, lines.join('\n'));
    expect(() => parseJournal(readFileSync(file, 'utf8'), file)).toThrow(/line 2 is not JSON/);
    const listed = crashedJournal(dir).listRecoverable();
    expect(listed[0].error).toMatch(/line 2/);
  });

  it('reports where replay stopped when an operation no longer applies', () => {
    const result = replayJournal(base, [{ add: 1 }, { add: -1 }, { add: 1 }], (e, op: Op) => {
      if (op.add < 0) throw new Error('negative');
      return apply(e, op);
    });
    expect(result.applied).toBe(1);
    expect(result.error).toMatch(/operation 2 of 3.*negative/);
  });

  it('refuses a journal without a begin record', () => {
    expect(() => parseJournal('{"type":"closed","at":1}\n', 'x.folio-journal')).toThrow(JournalError);
  });
});

describe('edit journal in a long-running host', () => {
  it('offers a session of its own process once its window has gone quiet (a reloaded tab, a crashed renderer)', () => {
    const dir = freshDir();
    let clock = 1_000;
    const journal = new EditJournal({ dir, now: () => clock, staleAfterMs: 30_000 });
    const session = journal.begin({ editionId: 'ed-1', documentPath: null, title: 'A', base });
    journal.append(session, [{ add: 1 }]);
    clock += 10_000;
    journal.append(session, []); // heartbeat: the window is still there
    clock += 20_000;
    expect(journal.listRecoverable()).toEqual([]);
    clock += 31_000;
    expect(journal.listRecoverable().map((j) => j.sessionId)).toEqual([session]);
    journal.discard(session);
    expect(() => journal.append(session, [{ add: 1 }])).toThrow(/not open/);
  });
});
