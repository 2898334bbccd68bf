/**
 * validateEdition never throws, whatever it is given: the shapes the fuzz
 * (npm run fuzz) found that made it overflow the stack or take minutes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, summarizeIssues, validateEdition } from '../../../shared/model/validate';
import { clone, sampleEdition } from './fixtures';

describe('validating hostile editions', () => {
  it('reports nesting deeper than the limit by path, where it used to overflow the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validateEdition({ ...clone(sampleEdition()), notes: deep });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'notes[0][0][0][0][0][0][0]…',
          message: `nested more than ${MAX_NESTING} levels deep; an edition never nests like this`,
        },
      ],
    });
  });

  it('accepts an unknown field nested a few levels, as a later version may write', () => {
    expect(validateEdition({ ...clone(sampleEdition()), notes: { a: { b: [[{ c: 1 }]] } } }).ok).toBe(true);
  });

  it('stops at a thousand issues for a story of a million wrong values', () => {
    const edition = clone(sampleEdition()) as unknown as { stories: Record<string, { blocks: unknown[] }> };
    edition.stories['st-lead'].blocks = Array.from({ length: 1000 }, () => ({
      type: 'body',
      children: Array.from({ length: 1000 }, () => ({ text: null })),
    }));
    const result = validateEdition(edition);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThanOrEqual(1000);
    expect(result.issues.length).toBeLessThan(1300);
    expect(result.issues[0].path).toBe('stories["st-lead"].blocks[0].children[0].text');
    expect(summarizeIssues(result.issues)).toMatch(/ \(and at least \d+ more\)$/);
  });

  it('keeps the length rules of long lists when it checks their items in chunks', () => {
    const houseList = Array.from({ length: 5001 }, (_, i) => ({ from: `错${i}`, to: `对${i}` }));
    const result = validateEdition({ ...clone(sampleEdition()), copyChecks: { houseList } });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'copyChecks.houseList', message: 'Too big: expected array to have <=5000 items' },
    ]);
  });

  it('summarises long issues in one line a user reads', () => {
    const issues = Array.from({ length: 5 }, (_, i) => ({ path: `pages[${i}].x`, message: 'y'.repeat(300) }));
    const summary = summarizeIssues(issues);
    expect(summary).toBe(`pages[0].x: ${'y'.repeat(147)}… (and 4 more)`);
  });
});
