/**
 * The proofreading desk's promises, as properties over random tracked edits
 * by two authors (typing, deleting, breaks typed and removed, roles, styles,
 * marks, paragraphs pasted or re-sent whole) on the sample's lead story,
 * with a note on ten of its characters:
 *  - the note's anchor is never lost or misplaced: after every edit it
 *    covers exactly the note's characters still in the text, from the first
 *    to the last (text typed between them joins it), or — when none are
 *    left — it is detached; the note is never dropped;
 *  - accepting everything gives the final view: the page composed from the
 *    accepted edition is the review composition's final view, line for line;
 *  - rejecting everything restores the original text, and the note covers
 *    its original characters again.
 *
 * Every character the test puts in — the note's ten, and every one an edit
 * types — is a private-use code point used once, so which of the note's
 * characters survive, and which typed ones landed inside it (they join the
 * note, as typing inside a highlighted phrase does), can be read off the
 * text itself: the note must cover exactly those, and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNodeComposer } from '../../../main/fonts';
import { composeEdition } from '../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { applyOperation, blockLength, blockText, type Operation } from '../../../shared/model/operations';
import type { Edition, Note } from '../../../shared/model/types';
import { ReviewComposition } from '../../../shared/review/review-composition';
import { resolveChanges } from '../../../shared/review/resolve';
import { trackOperations } from '../../../shared/review/track';
import { sampleEdition } from '../model/fixtures';

const STORY = 'st-lead';
const AUTHORS = [
  { author: '王校对', color: '#c0392b', time: '2024-05-01T09:30:00.000Z' },
  { author: 'Li Editor', color: '#2255aa', time: '2024-05-01T10:00:00.000Z' },
];
/** The note's characters: ten private-use code points, each once in the story. */
const MARKED = Array.from({ length: 10 }, (_, i) => String.fromCharCode(0xe000 + i)).join('');
/** A character the test typed or marked (the story's own text is not). */
const isUnique = (ch: string) => ch >= '\ue000' && ch <= '\uf8ff';

const flat = (e: Edition) => e.stories[STORY].blocks.map(blockText).join('\n');

function noteText(e: Edition, note: Note): string {
  if (note.anchor.kind !== 'text') throw new Error('the note left its text');
  const { from, to } = note.anchor;
  const blocks = e.stories[STORY].blocks;
  const parts: string[] = [];
  for (let b = from.block; b <= to.block; b++) {
    const text = blockText(blocks[b]);
    parts.push(text.slice(b === from.block ? from.offset : 0, b === to.block ? to.offset : text.length));
  }
  return parts.join('\n');
}

/** The sample with the note's words made unique, a note on them, tracking on. */
function start(): Edition {
  let e = sampleEdition();
  const words = blockText(e.stories[STORY].blocks[2]).slice(4, 14);
  expect(words).toHaveLength(10);
  e = applyOperation(e, { type: 'remove_text', storyId: STORY, block: 2, offset: 4, length: 10 }).edition;
  e = applyOperation(e, { type: 'insert_text', storyId: STORY, block: 2, offset: 4, text: MARKED }).edition;
  e = applyOperation(e, { type: 'set_review_settings', props: { trackChanges: true } }).edition;
  const note: Note = {
    id: 'nt-1',
    ...AUTHORS[0],
    anchor: {
      kind: 'text',
      storyId: STORY,
      from: { block: 2, offset: 4 },
      to: { block: 2, offset: 14 },
      quote: MARKED,
    },
    text: '核实',
    replies: [],
    resolved: null,
  };
  return applyOperation(e, { type: 'upsert_note', note }).edition;
}

const seedArb = fc.record({
  kind: fc.nat(8),
  who: fc.nat(1),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  length: fc.integer({ min: 1, max: 4 }),
  flag: fc.boolean(),
});
type Seed = typeof seedArb extends fc.Arbitrary<infer T> ? T : never;

/** One random edit; edits near the note are favoured (half the time in its paragraph). */
function makeOp(e: Edition, s: Seed, typed: () => string): Operation | null {
  const blocks = e.stories[STORY].blocks;
  const b = s.flag && blocks.length > 2 ? 2 : s.a % blocks.length;
  const len = blockLength(blocks[b]);
  const offset = s.b % (len + 1);
  const span = Math.min(len - offset, 1 + (s.c % 6));
  switch (s.kind) {
    case 0:
    case 1:
      return { type: 'insert_text', storyId: STORY, block: b, offset, text: typed() };
    case 2:
    case 3:
      return span > 0 ? { type: 'remove_text', storyId: STORY, block: b, offset, length: span } : null;
    case 4:
      return { type: 'split_block', storyId: STORY, block: b, offset };
    case 5:
      return b > 0 ? { type: 'merge_block', storyId: STORY, block: b } : null;
    case 6:
      return {
        type: 'set_block',
        storyId: STORY,
        block: b,
        props: s.c % 2 ? { type: s.c % 4 ? 'section-head' : 'body' } : { styleId: 'ps-body-tight' },
      };
    case 7:
      return {
        type: 'set_marks',
        storyId: STORY,
        from: { block: b, offset },
        to: { block: b, offset: offset + span },
        marks: s.c % 2 ? { bold: true } : { italic: s.c % 3 !== 0 },
      };
    default:
      return {
        type: 'replace_blocks',
        storyId: STORY,
        index: s.a % (blocks.length + 1),
        count: 0,
        blocks: [{ type: 'body', children: [{ text: typed() }] }],
      };
  }
}

/**
 * The note's characters after an edit: those still in the text, and the
 * typed ones now strictly between the first and the last of them (text
 * typed inside a note joins it; typed at its edges it does not).
 */
function follow(covered: Set<string>, text: string): Set<string> {
  const chars = [...text];
  const at = chars.flatMap((ch, i) => (covered.has(ch) ? [i] : []));
  const next = new Set(at.map((i) => chars[i]));
  if (at.length > 1)
    for (let i = at[0] + 1; i < at[at.length - 1]; i++) if (isUnique(chars[i])) next.add(chars[i]);
  return next;
}

/** The note covers exactly its characters, or is detached where they were; it is never dropped. */
function expectAnchored(e: Edition, covered: Set<string>): void {
  const notes = e.review?.notes ?? [];
  expect(notes.map((n) => n.id)).toEqual(['nt-1']);
  const expected = [...flat(e)].filter((ch) => covered.has(ch)).join('');
  const shown = noteText(e, notes[0]);
  // Paragraph breaks typed inside the note are in its range too.
  expect(shown.replace(/\n/g, '')).toBe(expected);
}

/** Every line of every page: where it is and what it shows. */
function lines(list: DisplayList): string[] {
  return list.pages.flatMap((page) =>
    page.items.flatMap((item) =>
      item.kind === 'text'
        ? item.lines.map(
            (l) =>
              `${page.index} ${item.frameId} ${l.column} ${l.y.toFixed(2)} ${l.x.toFixed(2)} ${l.width.toFixed(2)} ${l.text}`,
          )
        : [],
    ),
  );
}

function run(seeds: readonly Seed[], composer: ParagraphComposer | null): void {
  const original = start();
  let edition = original;
  let serial = 0;
  let code = 0xe100;
  let covered = new Set(MARKED);
  for (const seed of seeds) {
    const typed = () => Array.from({ length: seed.length }, () => String.fromCharCode(code++)).join('');
    const op = makeOp(edition, seed, typed);
    if (!op) continue;
    edition = trackOperations(edition, [op], {
      stamp: AUTHORS[seed.who],
      newId: () => `ch-${++serial}`,
    }).edition;
    covered = follow(covered, flat(edition));
    expectAnchored(edition, covered);
  }

  const accepted = resolveChanges(edition, 'accept').edition;
  expect(accepted.review!.changes).toEqual([]);
  expectAnchored(accepted, covered);
  if (composer) {
    const final = new ReviewComposition(composer).compose(edition, { view: 'final' });
    expect(lines(composeEdition(accepted, composer))).toEqual(lines(final));
  }

  const rejected = resolveChanges(edition, 'reject').edition;
  expect(flat(rejected)).toBe(flat(original));
  expect(noteText(rejected, rejected.review!.notes[0])).toBe(MARKED);
}

describe('the proofreading desk under random tracked edits', () => {
  let composer: ParagraphComposer;
  beforeAll(async () => {
    composer = await createNodeComposer();
  });

  it('never loses or misplaces the note; reject-all restores the text and the note’s words', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 25 }), (seeds) => run(seeds, null)),
      { numRuns: 300, seed: 20261207 },
    );
  });

  // Found by the property above: A's typed break, B types at the paragraph's start, A deletes the next
  // character, B types right there — at the end of B's own insertion and at A's deletion. Grown across
  // the deletion, B's insertion took the deleted character when it was put back, and reject-all lost it.
  it('reject-all keeps a deleted character that someone then typed next to', () => {
    const [a, b] = AUTHORS;
    let e = start();
    const original = flat(e);
    const ops: [Operation, typeof a][] = [
      [{ type: 'split_block', storyId: STORY, block: 2, offset: 1 }, a],
      [{ type: 'insert_text', storyId: STORY, block: 2, offset: 0, text: 'X' }, b],
      [{ type: 'remove_text', storyId: STORY, block: 2, offset: 1, length: 1 }, a],
      [{ type: 'insert_text', storyId: STORY, block: 2, offset: 1, text: 'Y' }, b],
    ];
    for (const [op, stamp] of ops) e = trackOperations(e, [op], { stamp }).edition;
    expect(blockText(e.stories[STORY].blocks[2])).toBe('XY');
    expect(flat(resolveChanges(e, 'reject').edition)).toBe(original);
  });

  it('accept-all composes the same page as the final view', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 12 }), (seeds) => run(seeds, composer)),
      { numRuns: 20, seed: 20261208 },
    );
  });
});
