/**
 * Notes follow their words: random text operations — typing, deleting,
 * splitting and joining paragraphs, paragraphs re-sent whole, paragraphs
 * inserted or removed, formatting — never lose or misplace a note's anchor,
 * and undoing them all puts every anchor back exactly.
 *
 * A reference model gives every character (and every paragraph break) an
 * identity and tracks which identities the note covers; after each
 * operation the model's anchor must cover exactly the surviving ones, or be
 * collapsed where they were when none survive (the note is detached).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, blockText, type Operation } from '../../../shared/model/operations';
import type { Edition, Note, StoryBlock } from '../../../shared/model/types';
import { validateEdition } from '../../../shared/model/validate';
import { sampleEdition } from './fixtures';

const STORY = 'st-lead';

/** One token of the reference: a character or a paragraph break, with an identity. */
interface Token {
  id: number;
  ch: string;
}

/** The story flattened: characters of each paragraph with one break token between paragraphs. */
function flatText(blocks: readonly StoryBlock[]): string {
  return blocks.map(blockText).join('\n');
}

function flatIndex(blocks: readonly StoryBlock[], block: number, offset: number): number {
  let x = 0;
  for (let b = 0; b < block; b++) x += blockText(blocks[b]).length + 1;
  return x + offset;
}

let nextId = 1;
const tokensOf = (text: string): Token[] =>
  [...text].flatMap((c) => c.split('')).map((ch) => ({ id: nextId++, ch }));

/** The reference document: tokens and the covered identities. */
interface Reference {
  tokens: Token[];
  covered: Set<number>;
  /** Where the covered text was, when none of it is left (flat index). */
  lastAt: number;
}

/** Applies a flat splice [x, x + removeCount) → inserted tokens to the reference. */
function splice(ref: Reference, x: number, removeCount: number, inserted: Token[]): void {
  const coveredIdx = ref.tokens.map((t, i) => (ref.covered.has(t.id) ? i : -1)).filter((i) => i >= 0);
  const first = coveredIdx[0];
  const last = coveredIdx[coveredIdx.length - 1];
  // Inserted text is inside the note when it lands strictly between two covered tokens' edges.
  const inside = coveredIdx.length > 0 && removeCount === 0 && x > first && x <= last;
  ref.tokens.splice(x, removeCount, ...inserted);
  if (inside) for (const t of inserted) ref.covered.add(t.id);
  const alive = new Set(ref.tokens.map((t) => t.id));
  for (const id of [...ref.covered]) if (!alive.has(id)) ref.covered.delete(id);
}

function noteRange(edition: Edition): { from: number; to: number } {
  const note = edition.review!.notes[0];
  if (note.anchor.kind !== 'text') throw new Error('not a text note');
  const blocks = edition.stories[STORY].blocks;
  return {
    from: flatIndex(blocks, note.anchor.from.block, note.anchor.from.offset),
    to: flatIndex(blocks, note.anchor.to.block, note.anchor.to.offset),
  };
}

function withNote(edition: Edition, from: number, length: number): Edition {
  const blocks = edition.stories[STORY].blocks;
  const toPoint = (x: number) => {
    let rest = x;
    for (let b = 0; b < blocks.length; b++) {
      const len = blockText(blocks[b]).length;
      if (rest <= len) return { block: b, offset: rest };
      rest -= len + 1;
    }
    throw new Error('past the end');
  };
  const text = flatText(blocks);
  const note: Note = {
    id: 'nt-1',
    author: '校对 王',
    color: '#c0392b',
    time: '2024-05-01T09:30:00.000Z',
    anchor: {
      kind: 'text',
      storyId: STORY,
      from: toPoint(from),
      to: toPoint(from + length),
      quote: text.slice(from, from + length),
    },
    text: '核实数字',
    replies: [],
    resolved: null,
  };
  return applyOperation(edition, { type: 'upsert_note', note }).edition;
}

const seedArb = fc.record({
  kind: fc.nat(6),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('新', '闻', 'a', ' ', '，') }),
});

type Seed = typeof seedArb extends fc.Arbitrary<infer T> ? T : never;

/** A random operation on the story and the same change on the reference. */
function makeOp(edition: Edition, ref: Reference, s: Seed): Operation | null {
  const blocks = edition.stories[STORY].blocks;
  const b = s.a % blocks.length;
  const len = blockText(blocks[b]).length;
  const offset = len === 0 ? 0 : s.b % (len + 1);
  const x = flatIndex(blocks, b, offset);
  switch (s.kind) {
    case 0: {
      splice(ref, x, 0, tokensOf(s.text));
      return { type: 'insert_text', storyId: STORY, block: b, offset, text: s.text };
    }
    case 1: {
      const length = Math.min(len - offset, 1 + (s.b % 5));
      splice(ref, x, length, []);
      return { type: 'remove_text', storyId: STORY, block: b, offset, length };
    }
    case 2: {
      splice(ref, x, 0, tokensOf('\n'));
      return { type: 'split_block', storyId: STORY, block: b, offset };
    }
    case 3: {
      if (b === 0) return null;
      const breakAt = flatIndex(blocks, b, 0) - 1;
      splice(ref, breakAt, 1, []);
      return { type: 'merge_block', storyId: STORY, block: b };
    }
    case 4: {
      // A paragraph re-sent whole with the same text and other marks (Slate's normalisation).
      const text = blockText(blocks[b]);
      const cut = Math.min(text.length, s.b % (text.length + 1));
      const block: StoryBlock = {
        ...blocks[b],
        children: [{ text: text.slice(0, cut), bold: true }, { text: text.slice(cut) }],
      };
      return { type: 'replace_blocks', storyId: STORY, index: b, count: 1, blocks: [block] };
    }
    case 5: {
      // A whole paragraph removed (with the break after it, or before it for the last).
      if (blocks.length < 2) return null;
      const last = b === blocks.length - 1;
      splice(ref, last ? flatIndex(blocks, b, 0) - 1 : flatIndex(blocks, b, 0), len + 1, []);
      return { type: 'replace_blocks', storyId: STORY, index: b, count: 1, blocks: [] };
    }
    default: {
      const to = { block: b, offset };
      return {
        type: 'set_marks',
        storyId: STORY,
        from: { block: 0, offset: 0 },
        to,
        marks: { italic: true },
      };
    }
  }
}

describe('note anchors', () => {
  it('cover exactly their surviving words through random edits, and come back on undo', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.integer({ min: 1, max: 12 }),
        fc.array(seedArb, { maxLength: 25 }),
        (start, length, seeds) => {
          let edition = sampleEdition();
          const text = flatText(edition.stories[STORY].blocks);
          const from = start % (text.length - length);
          edition = withNote(edition, from, length);
          const original = JSON.stringify(edition);
          const ref: Reference = { tokens: tokensOf(text), covered: new Set(), lastAt: from };
          ref.tokens.slice(from, from + length).forEach((t) => ref.covered.add(t.id));
          const inverses: Operation[] = [];
          for (const seed of seeds) {
            const op = makeOp(edition, ref, seed);
            if (!op) continue;
            const applied = applyOperation(edition, op);
            edition = applied.edition;
            inverses.push(applied.inverse);
            const flat = flatText(edition.stories[STORY].blocks);
            expect(flat).toBe(ref.tokens.map((t) => t.ch).join(''));
            const range = noteRange(edition);
            const coveredAt = ref.tokens
              .map((t, i) => (ref.covered.has(t.id) ? i : -1))
              .filter((i) => i >= 0);
            if (coveredAt.length > 0) {
              expect(range).toEqual({ from: coveredAt[0], to: coveredAt[coveredAt.length - 1] + 1 });
              expect(coveredAt.length).toBe(range.to - range.from);
            } else {
              expect(range.to).toBe(range.from); // detached, never inside out
            }
          }
          expect(validateEdition(edition).ok).toBe(true);
          for (const inverse of inverses.reverse()) edition = applyOperation(edition, inverse).edition;
          expect(JSON.stringify(edition)).toBe(original);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stay where they are when another story is edited', () => {
    let edition = withNote(sampleEdition(), 3, 4);
    const before = edition.review!.notes[0];
    edition = applyOperation(edition, {
      type: 'insert_text',
      storyId: 'st-caption',
      block: 0,
      offset: 0,
      text: '新',
    }).edition;
    expect(edition.review!.notes[0]).toBe(before);
  });

  it('keep a note whose story is removed, and find their words again when it comes back', () => {
    const edition = withNote(sampleEdition(), 3, 4);
    const removed = applyOperation(edition, { type: 'remove_story', storyId: STORY });
    expect(removed.edition.review!.notes).toHaveLength(1);
    const back = applyOperation(removed.edition, removed.inverse).edition;
    expect(JSON.stringify(back)).toBe(JSON.stringify(edition));
  });
});
