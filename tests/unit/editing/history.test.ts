import { describe, expect, it } from 'vitest';
import { endsWord, UndoHistory } from '../../../shared/editing/history';

/** A toy document: a string changed by insert/remove operations, to check undo restores it. */
type Op = { type: 'insert'; at: number; text: string } | { type: 'remove'; at: number; text: string };
function apply(doc: string, op: Op): string {
  return op.type === 'insert'
    ? doc.slice(0, op.at) + op.text + doc.slice(op.at)
    : doc.slice(0, op.at) + doc.slice(op.at + op.text.length);
}
function invert(op: Op): Op {
  return op.type === 'insert' ? { ...op, type: 'remove' } : { ...op, type: 'insert' };
}

function typist() {
  let clock = 0;
  const history = new UndoHistory<Op>({ now: () => clock, mergeWindowMs: 1000 });
  let doc = '';
  return {
    history,
    get doc() {
      return doc;
    },
    tick(ms: number) {
      clock += ms;
    },
    type(text: string, key = 'typing:s1') {
      const op: Op = { type: 'insert', at: doc.length, text };
      doc = apply(doc, op);
      history.record(
        { ops: [op], inverse: [invert(op)] },
        { label: 'Typing', mergeKey: key, closesStep: endsWord(text) },
      );
      clock += 100;
    },
    undo() {
      const step = history.undo();
      for (const op of step?.ops ?? []) doc = apply(doc, op);
    },
    redo() {
      const step = history.redo();
      for (const op of step?.ops ?? []) doc = apply(doc, op);
    },
  };
}

describe('undo history', () => {
  it('undoes a typed word as one step, and the next word separately', () => {
    const t = typist();
    for (const ch of 'hello world') t.type(ch);
    expect(t.doc).toBe('hello world');
    t.undo();
    expect(t.doc).toBe('hello ');
    t.undo();
    expect(t.doc).toBe('');
    expect(t.history.canUndo()).toBe(false);
  });

  it('starts a new step after a pause in typing', () => {
    const t = typist();
    t.type('a');
    t.type('b');
    t.tick(5000);
    t.type('c');
    t.undo();
    expect(t.doc).toBe('ab');
  });

  it('does not merge typing in two different stories', () => {
    const t = typist();
    t.type('a', 'typing:s1');
    t.type('b', 'typing:s2');
    t.undo();
    expect(t.doc).toBe('a');
  });

  it('redoes what was undone and forgets redo after a new edit', () => {
    const t = typist();
    t.type('x ');
    t.type('y');
    t.undo();
    expect(t.doc).toBe('x ');
    t.redo();
    expect(t.doc).toBe('x y');
    t.undo();
    t.type('z');
    expect(t.history.canRedo()).toBe(false);
    expect(t.doc).toBe('x z');
  });

  it('makes a drag of many moves one step, applied in reverse on undo', () => {
    const history = new UndoHistory<Op>();
    let doc = 'abc';
    history.begin('Move frame');
    const ops: Op[] = [
      { type: 'insert', at: 3, text: '1' },
      { type: 'insert', at: 4, text: '2' },
      { type: 'remove', at: 0, text: 'a' },
    ];
    for (const op of ops) {
      doc = apply(doc, op);
      history.record({ ops: [op], inverse: [invert(op)] }, { label: 'Move frame' });
    }
    expect(history.canUndo()).toBe(false); // not while the drag is open
    history.end();
    expect(history.undoLabel()).toBe('Move frame');
    for (const op of history.undo()!.ops) doc = apply(doc, op);
    expect(doc).toBe('abc');
    expect(history.depth.undo).toBe(0);
  });

  it('leaves no step for an empty transaction and reverts a cancelled one', () => {
    const history = new UndoHistory<Op>();
    history.begin('nothing');
    history.end();
    expect(history.canUndo()).toBe(false);
    history.begin('drag');
    const op: Op = { type: 'insert', at: 0, text: 'q' };
    history.record({ ops: [op], inverse: [invert(op)] }, { label: 'drag' });
    const revert = history.cancel();
    expect(apply(apply('', op), revert[0])).toBe('');
    expect(history.canUndo()).toBe(false);
  });

  it('recognises the ends of words in Latin and Chinese text', () => {
    expect(endsWord(' ')).toBe(true);
    expect(endsWord('，')).toBe(true);
    expect(endsWord('。')).toBe(true);
    expect(endsWord('a')).toBe(false);
    expect(endsWord('中')).toBe(false);
  });
});
