/**
 * The proofreading desk from the command line, as a script uses it: start
 * 一校, edit with tracking, start 二校, compare the rounds (the changed words
 * and the changed page region), list and settle the changes, list notes,
 * sign pages off, and a press export that requires sign-off refusing an
 * unsigned page. Every mistake: exit 2, one line, the file untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio, writeFolio } from '../../../main/storage';
import { applyOperation, blockText } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import { addNoteOp, makeStamp, trackOperations } from '../../../shared/review';

const dir = mkdtempSync(join(tmpdir(), 'folio-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const file = (name: string) => join(dir, name);
const WANG = makeStamp({ name: '王校对', color: '#c0392b' }, new Date('2024-05-01T09:30:00Z'));
let storyId = '';
let word = '';

beforeAll(async () => {
  expect((await run('sample', '-o', 'ed.folio')).code).toBe(0);
  expect((await run('round', 'ed.folio', '--start', '--as', '王校对')).code).toBe(0);
  // An edit with tracking, as the app would make it: the first four characters of the lead's first body paragraph replaced.
  const { edition, assets } = await readFolio(file('ed.folio'));
  const lead = Object.values(edition.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0];
  storyId = lead.id;
  const block = lead.blocks.findIndex((b) => b.type === 'body');
  word = blockText(lead.blocks[block]).slice(0, 4);
  let e = applyOperation(edition, { type: 'set_review_settings', props: { trackChanges: true } }).edition;
  e = trackOperations(
    e,
    [
      { type: 'remove_text', storyId, block, offset: 0, length: 4 },
      { type: 'insert_text', storyId, block, offset: 0, text: '改过的字' },
    ],
    { stamp: WANG },
  ).edition;
  e = applyOperation(
    e,
    addNoteOp(
      e,
      { kind: 'text', storyId, from: { block, offset: 0 }, to: { block, offset: 4 } },
      '核实',
      WANG,
    ),
  ).edition;
  await writeFolio(file('ed.folio'), e, assets);
  expect((await run('round', 'ed.folio', '--start', '--as', '王校对')).code).toBe(0);
});

describe('folio round', () => {
  it('lists the rounds with their default names', async () => {
    const { code, out } = await run('round', 'ed.folio', '--list', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).rounds.map((r: { name: string; number: number }) => [r.number, r.name])).toEqual([
      [1, '一校'],
      [2, '二校'],
    ]);
  });

  it('renames a round', async () => {
    expect(
      (await run('round', 'ed.folio', '--rename', '二校', '--to', '二校（改）', '-o', 'renamed.folio')).code,
    ).toBe(0);
    const { edition } = await readFolio(file('renamed.folio'));
    expect(reviewOf(edition).rounds[1].name).toBe('二校（改）');
  });
});

describe('folio diff', () => {
  it('shows exactly the edit between 一校 and 二校, and the page region it changed', async () => {
    const { code, out } = await run('diff', 'ed.folio', '--from', '一校', '--to', '二校', '--json');
    expect(code).toBe(0);
    const diff = JSON.parse(out);
    expect(diff.stories).toHaveLength(1);
    const changed = diff.stories[0].segments.filter((s: { kind: string }) => s.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'delete', text: word },
      { kind: 'insert', text: '改过的字' },
    ]);
    expect(diff.pages).toHaveLength(1);
    expect(diff.pages[0].rects.length).toBeGreaterThan(0);
    const text = await run('diff', 'ed.folio', '--from', '一校');
    expect(text.out).toContain(`[-${word}-]{+改过的字+}`);
  });

  it('finds no difference between the latest round and now', async () => {
    const { out } = await run('diff', 'ed.folio', '--from', '二校', '--to', 'now');
    expect(out).toContain('no differences');
  });
});

describe('folio changes and notes', () => {
  it('lists the pending changes with who made them', async () => {
    const { out } = await run('changes', 'ed.folio', '--json');
    const json = JSON.parse(out);
    expect(
      json.changes.map((c: { kind: string; author: string; text: string }) => [c.kind, c.author, c.text]),
    ).toEqual([
      ['delete', '王校对', word],
      ['insert', '王校对', '改过的字'],
    ]);
  });

  it('rejects all into a new file, which has the original words back', async () => {
    const { code } = await run('changes', 'ed.folio', '--reject-all', '-o', 'rejected.folio');
    expect(code).toBe(0);
    const { edition } = await readFolio(file('rejected.folio'));
    const lead = edition.stories[storyId];
    expect(blockText(lead.blocks.find((b) => b.type === 'body')!).slice(0, 4)).toBe(word);
    expect(reviewOf(edition).changes).toEqual([]);
  });

  it('lists the note with its words and page', async () => {
    const { out } = await run('notes', 'ed.folio', '--json');
    const [note] = JSON.parse(out).notes;
    expect(note).toMatchObject({ number: 1, author: '王校对', text: '核实', page: 1, state: 'open' });
    expect(note.words).toBe('改过的字');
  });
});

describe('folio signoff and press export', () => {
  it('refuses a press export with an unsigned page when sign-off is required, unless --force', async () => {
    expect((await run('signoff', 'ed.folio', '--require', 'on', '-o', 'req.folio')).code).toBe(0);
    const refused = await run('export', 'req.folio', '-o', 'req.pdf');
    expect(refused.code).not.toBe(0);
    expect(refused.out + refused.err).toContain(
      'not signed off for press (in proof); this edition requires sign-off',
    );
    expect((await run('signoff', 'req.folio', '--page', '1', '--as', '值班主任')).code).toBe(0);
    const list = JSON.parse((await run('signoff', 'req.folio', '--list', '--json')).out);
    expect(list.pages[0]).toMatchObject({ page: 1, status: 'signed', by: '值班主任', round: '二校' });
    const exported = await run('export', 'req.folio', '-o', 'req.pdf');
    expect(exported.err).not.toContain('not signed off');
  });
});

describe('mistakes', () => {
  it('get one line, exit 2, and leave the file as it was', async () => {
    const before = readFileSync(file('ed.folio'));
    const cases = [
      ['round', 'ed.folio'],
      ['round', 'ed.folio', '--rename', 'nope', '--to', 'x'],
      ['diff', 'ed.folio', '--from', '九校'],
      ['diff', 'ed.folio'],
      ['changes', 'ed.folio', '--accept-all'],
      ['changes', 'ed.folio', '--author', 'nobody'],
      ['signoff', 'ed.folio', '--page', '99', '--as', 'x'],
      ['signoff', 'ed.folio', '--page', '1'],
      ['notes', 'missing.folio'],
    ];
    for (const args of cases) {
      const { code, err } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(readFileSync(file('ed.folio')).equals(before)).toBe(true);
    expect((await run('diff', 'ed.folio', '--from', '九校')).err).toContain('the rounds are 一校, 二校');
  });
});
