import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { applyOperation, OperationError, type Operation } from '../../../shared/model/operations';
import type { Edition } from '../../../shared/model/types';
import { buildSampleEdition } from '../../../shared/sample';
import { validateEdition } from '../../../shared/model/validate';
import { sameStory } from '../../../shared/editing/same-story';
import { EditionReplica } from '../../../shared/collab/edition-binding';
import { readEdition } from '../../../shared/collab/edition-reader';
import { writeEdition } from '../../../shared/collab/edition-writer';
import { sampleEdition } from '../model/fixtures';
import { buildOperation, seedArb } from '../model/random-operations';

const apply = (e: Edition, op: Operation) => applyOperation(e, op).edition;

/** Stories compared as the story editor compares them (runs may be cut differently); everything else exactly. */
function expectSameEdition(actual: Edition, expected: Edition): void {
  const strip = (e: Edition) => ({
    ...e,
    stories: Object.fromEntries(Object.entries(e.stories).map(([id, s]) => [id, { ...s, blocks: [] }])),
  });
  expect(strip(actual)).toEqual(strip(expected));
  expect(Object.keys(actual.stories)).toEqual(Object.keys(expected.stories));
  for (const id of Object.keys(expected.stories)) {
    if (!sameStory(actual.stories[id].blocks, expected.stories[id].blocks))
      expect(actual.stories[id].blocks).toEqual(expected.stories[id].blocks);
  }
  expect(actual.pages.map((p) => p.id)).toEqual(expected.pages.map((p) => p.id));
}

/** Two replicas connected like two clients through a server: every update goes to the other side. */
function pair(edition: Edition) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const ra = new EditionReplica(a, edition);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const rb = new EditionReplica(b);
  return { a, b, ra, rb };
}

describe('the edition as a Y.Doc', () => {
  it('the built-in sample edition goes into a doc and comes back identical, through an encoded update too', () => {
    const { edition } = buildSampleEdition();
    const doc = new Y.Doc();
    writeEdition(doc, edition);
    expect(readEdition(doc)).toEqual(edition);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const back = readEdition(copy);
    expect(back).toEqual(edition);
    expect(validateEdition(back).ok).toBe(true);
  });

  it('parts of the model the layout does not know are kept (records entry by entry, other values whole)', () => {
    const edition = {
      ...sampleEdition(),
      notes: { 'nt-1': { id: 'nt-1', text: '核对人名', storyId: 'st-lead' } },
      signOffs: [{ id: 'so-1', by: 'editor', at: '2026-01-01' }],
      workflow: { state: 'proof', round: 2 },
    } as Edition;
    const doc = new Y.Doc();
    writeEdition(doc, edition);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readEdition(copy)).toEqual(edition);
  });

  it('notes two people add at once are both kept, and arrive as the review operations', () => {
    const { a, b, ra, rb } = pair(sampleEdition());
    const note = (id: string, author: string) => ({
      id,
      author,
      color: '#cc0000',
      time: '2026-12-04T20:00:00Z',
      anchor: { kind: 'frame' as const, frameId: 'fr-a' },
      text: `${author} 核对`,
      replies: [],
      resolved: null,
    });
    const held: [Y.Doc, Uint8Array][] = [];
    a.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && held.push([b, u]));
    b.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && held.push([a, u]));
    const seen: string[] = [];
    rb.binding.onRemote((change) => {
      seen.push(...change.ops.map((op) => op.type));
      rb.binding.settled(change.complete ? change.edition : change.target);
    });
    ra.apply([{ type: 'upsert_note', note: note('nt-a', 'eli') }], apply);
    rb.apply([{ type: 'upsert_note', note: note('nt-b', 'pat') }], apply);
    for (const [doc, u] of held) Y.applyUpdate(doc, u, 'net');
    const ids = (r: EditionReplica) => (r.edition.review?.notes ?? []).map((n) => n.id).sort();
    expect(ids(ra)).toEqual(['nt-a', 'nt-b']);
    expect(ids(rb)).toEqual(['nt-a', 'nt-b']);
    expect(seen).toContain('upsert_note');
    expect(validateEdition(rb.edition).ok).toBe(true);
  });

  it('a typed character is one small update that reaches the other replica as insert_text', () => {
    const { a, b, ra, rb } = pair(sampleEdition());
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    const seen: Operation[][] = [];
    rb.binding.onRemote((change) => seen.push(change.ops));
    ra.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 1, text: '新' }], apply);
    expect(updates).toHaveLength(1);
    expect(updates[0].byteLength).toBeLessThan(80);
    Y.applyUpdate(b, updates[0]);
    expect(seen).toEqual([[{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: 1, text: '新' }]]);
    expect(rb.edition.stories['st-lead'].blocks[0]).toEqual(ra.edition.stories['st-lead'].blocks[0]);
  });

  it('parts a remote change did not touch stay the same objects (the composer keeps its work)', () => {
    const { a, b, ra, rb } = pair(sampleEdition());
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const before = rb.edition;
    ra.apply([{ type: 'update_frame', frameId: 'fr-rule', props: { y: 710 } }], apply);
    const after = rb.edition;
    expect(after.pages[0].frames.find((f) => f.id === 'fr-rule')?.y).toBe(710);
    expect(after.pages[1]).toBe(before.pages[1]);
    expect(after.stories).toBe(before.stories);
    expect(after.styles).toBe(before.styles);
    expect(after.pages[0].frames[0]).toBe(before.pages[0].frames[0]);
  });

  it('random operation sequences on two replicas, exchanged in random order, converge to one valid edition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), seedArb, fc.nat(3)), { minLength: 1, maxLength: 30 }),
        (steps) => {
          const { a, b, ra, rb } = pair(sampleEdition());
          // Updates are held back and delivered in bursts, so the replicas edit concurrently.
          const toB: Uint8Array[] = [];
          const toA: Uint8Array[] = [];
          a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && toB.push(u));
          b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && toA.push(u));
          const flush = (queue: Uint8Array[], doc: Y.Doc) => {
            for (const u of queue.splice(0)) Y.applyUpdate(doc, u, 'net');
          };
          steps.forEach(([onA, seed, deliver], serial) => {
            const replica = onA ? ra : rb;
            const op = buildOperation(replica.edition, seed, serial * 2 + (onA ? 0 : 1));
            try {
              replica.apply([op], apply);
            } catch (error) {
              if (!(error instanceof OperationError)) throw error;
            }
            if (deliver === 0) flush(toB, b);
            if (deliver === 1) flush(toA, a);
          });
          flush(toB, b);
          flush(toA, a);
          expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
          expectSameEdition(ra.edition, rb.edition);
          // Each replica's model equals what its doc holds.
          expectSameEdition(ra.edition, readEdition(a));
          expectSameEdition(rb.edition, readEdition(b));
        },
      ),
      { numRuns: 150, seed: 20261204 },
    );
  });

  it('two people typing into the same paragraph at once end with both texts, the same on both sides', () => {
    const { a, b, ra, rb } = pair(sampleEdition());
    const held: [Y.Doc, Uint8Array][] = [];
    a.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && held.push([b, u]));
    b.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && held.push([a, u]));
    const before = ra.edition.stories['st-lead'].blocks[0];
    const end = before.children.map((c) => c.text).join('').length;
    for (const ch of 'ABCDE') {
      const at = ra.edition.stories['st-lead'].blocks[0].children.map((c) => c.text).join('').length;
      ra.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: at, text: ch }], apply);
    }
    [...'甲乙丙'].forEach((ch, i) =>
      rb.apply([{ type: 'insert_text', storyId: 'st-lead', block: 0, offset: i, text: ch }], apply),
    );
    for (const [doc, u] of held) Y.applyUpdate(doc, u, 'net');
    const text = (r: EditionReplica) =>
      r.edition.stories['st-lead'].blocks[0].children.map((c) => c.text).join('');
    expect(text(ra)).toBe(text(rb));
    expect(text(ra).startsWith('甲乙丙')).toBe(true);
    expect(text(ra).endsWith('ABCDE')).toBe(true);
    expect(text(ra).length).toBe(end + 8);
  });
});
