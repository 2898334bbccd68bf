import { describe, expect, it } from 'vitest';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import type { Edition, Note, ProofRound, TrackedChange } from '../../../shared/model/types';
import { isTracking, pageStatus } from '../../../shared/model/review';
import { sampleEdition } from './fixtures';
import { applyAndUndo } from './op-helpers';

const STAMP = { author: '王校对', color: '#c0392b', time: '2024-05-01T09:30:00.000Z' };

function textNote(id = 'nt-1', from = 2, to = 5): Note {
  return {
    id,
    ...STAMP,
    anchor: {
      kind: 'text',
      storyId: 'st-lead',
      from: { block: 0, offset: from },
      to: { block: 0, offset: to },
      quote: '区:真',
    },
    text: '冒号用全角',
    replies: [],
    resolved: null,
  };
}

const apply = (edition: Edition, op: Operation) => applyOperation(edition, op).edition;

describe('review operations', () => {
  it('add, reply to, resolve, reopen and delete a note, each undone exactly', () => {
    let e = applyAndUndo(sampleEdition(), { type: 'upsert_note', note: textNote() });
    expect(e.review!.notes.map((n) => n.text)).toEqual(['冒号用全角']);
    const reply = { id: 'rp-1', ...STAMP, author: '李编辑', text: '已改' };
    e = applyAndUndo(e, { type: 'upsert_note', note: { ...e.review!.notes[0], replies: [reply] } });
    e = applyAndUndo(e, { type: 'upsert_note', note: { ...e.review!.notes[0], resolved: STAMP } });
    expect(e.review!.notes[0].resolved?.author).toBe('王校对');
    e = applyAndUndo(e, { type: 'upsert_note', note: { ...e.review!.notes[0], resolved: null } });
    e = applyAndUndo(e, { type: 'upsert_note', note: textNote('nt-2', 0, 1) });
    e = applyAndUndo(e, { type: 'remove_note', noteId: 'nt-1' });
    expect(e.review!.notes.map((n) => n.id)).toEqual(['nt-2']);
  });

  it('anchor notes to a frame and to a point on a page', () => {
    const e = sampleEdition();
    applyAndUndo(e, {
      type: 'upsert_note',
      note: { ...textNote(), anchor: { kind: 'frame', frameId: 'fr-photo' } },
    });
    applyAndUndo(e, {
      type: 'upsert_note',
      note: { ...textNote(), anchor: { kind: 'page', pageId: e.pages[1].id, x: 100, y: 200 } },
    });
  });

  it('refuse notes on text, frames or pages that do not exist, saying which', () => {
    const e = sampleEdition();
    const bad = (anchor: Note['anchor']) => () =>
      applyOperation(e, { type: 'upsert_note', note: { ...textNote(), anchor } });
    expect(bad({ kind: 'frame', frameId: 'fr-none' })).toThrow('upsert_note: frame "fr-none" does not exist');
    expect(bad({ kind: 'page', pageId: 'pg-none', x: 0, y: 0 })).toThrow('page "pg-none" does not exist');
    expect(
      bad({
        kind: 'text',
        storyId: 'st-lead',
        from: { block: 0, offset: 0 },
        to: { block: 9, offset: 0 },
        quote: '',
      }),
    ).toThrow('to (paragraph 9, offset 0) is outside story "st-lead"');
    expect(
      bad({
        kind: 'text',
        storyId: 'st-lead',
        from: { block: 0, offset: 4 },
        to: { block: 0, offset: 2 },
        quote: '',
      }),
    ).toThrow('"from" must not come after "to"');
  });

  it('keep a note on a deleted frame, and let it be replied to', () => {
    let e = apply(sampleEdition(), {
      type: 'upsert_note',
      note: { ...textNote(), anchor: { kind: 'frame', frameId: 'fr-rule' } },
    });
    e = apply(e, { type: 'remove_frame', frameId: 'fr-rule' });
    e = applyAndUndo(e, { type: 'upsert_note', note: { ...e.review!.notes[0], text: '线已删' } });
    expect(e.review!.notes[0].text).toBe('线已删');
  });

  it('record tracked-change records and put their points back on undo', () => {
    const change: TrackedChange = {
      id: 'ch-1',
      ...STAMP,
      kind: 'delete',
      storyId: 'st-lead',
      from: { block: 2, offset: 3 },
      to: { block: 2, offset: 3 },
      content: [{ type: 'body', children: [{ text: '旧词' }] }],
    };
    let e = applyAndUndo(sampleEdition(), { type: 'upsert_change', change });
    // Removing the text around the point collapses it; undo puts it back where it was.
    e = applyAndUndo(e, { type: 'remove_text', storyId: 'st-lead', block: 2, offset: 1, length: 4 });
    expect(e.review!.changes[0].from).toEqual({ block: 2, offset: 1 });
    e = applyAndUndo(e, { type: 'remove_change', changeId: 'ch-1' });
    expect(e.review!.changes).toEqual([]);
  });

  it('start a round, sign a page off in it, reopen it', () => {
    const e0 = sampleEdition();
    const { review: _r, schemaVersion: _v, id: _i, ...snapshot } = e0;
    const round: ProofRound = { id: 'rd-1', ...STAMP, name: '一校', number: 1, snapshot };
    expect(pageStatus(e0, e0.pages[0].id)).toBe('draft');
    let e = applyAndUndo(e0, { type: 'upsert_round', round });
    expect(pageStatus(e, e.pages[0].id)).toBe('in-proof');
    e = applyAndUndo(e, {
      type: 'set_signoff',
      pageId: e.pages[0].id,
      signoff: { ...STAMP, roundId: 'rd-1' },
    });
    expect(pageStatus(e, e.pages[0].id)).toBe('signed');
    expect(() =>
      applyOperation(e, {
        type: 'set_signoff',
        pageId: e.pages[1].id,
        signoff: { ...STAMP, roundId: 'rd-9' },
      }),
    ).toThrow('set_signoff: round "rd-9" does not exist');
    e = applyAndUndo(e, { type: 'set_signoff', pageId: e.pages[0].id, signoff: null });
    expect(pageStatus(e, e.pages[0].id)).toBe('in-proof');
    applyAndUndo(e, { type: 'upsert_round', round: { ...round, name: 'Proof 1' } });
    applyAndUndo(e, { type: 'remove_round', roundId: 'rd-1' });
  });

  it('switch tracking for the edition and per story', () => {
    let e = sampleEdition();
    expect(isTracking(e, 'st-lead')).toBe(false);
    e = applyAndUndo(e, { type: 'set_review_settings', props: { trackChanges: true } });
    expect(isTracking(e, 'st-lead')).toBe(true);
    e = applyAndUndo(e, { type: 'set_review_settings', props: {}, trackStories: { 'st-lead': false } });
    expect([isTracking(e, 'st-lead'), isTracking(e, 'st-caption')]).toEqual([false, true]);
    e = applyAndUndo(e, { type: 'set_review_settings', props: {}, trackStories: { 'st-lead': null } });
    expect(isTracking(e, 'st-lead')).toBe(true);
    e = applyAndUndo(e, { type: 'set_review_settings', props: { requireSignoff: true } });
    expect(e.review!.settings.requireSignoff).toBe(true);
    expect(() =>
      applyOperation(e, { type: 'set_review_settings', props: {}, trackStories: { 'st-none': true } }),
    ).toThrow('story "st-none" does not exist');
  });
});
