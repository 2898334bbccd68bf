import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, OperationError, type Operation } from '../../../shared/model/operations';
import { validateEdition } from '../../../shared/model/validate';
import { sampleEdition } from './fixtures';
import { deepFreeze } from './op-helpers';
import { buildOperation, seedArb } from './random-operations';

describe('random operation sequences', () => {
  it('keep the edition valid, and their inverses restore it exactly', () => {
    const appliedTypes = new Set<string>();
    const builtTypes = new Set<string>();
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 25 }), (seeds) => {
        const original = deepFreeze(sampleEdition());
        const before = JSON.stringify(original);
        let edition = original;
        const inverses: Operation[] = [];
        seeds.forEach((seed, serial) => {
          const op = buildOperation(edition, seed, serial);
          builtTypes.add(op.type);
          let applied;
          try {
            applied = applyOperation(edition, op);
          } catch (error) {
            if (!(error instanceof OperationError)) throw error;
            return; // refused: nothing changed (edition is frozen, so nothing could)
          }
          const result = validateEdition(applied.edition);
          if (!result.ok)
            throw new Error(
              `${op.type} left the edition invalid: ${JSON.stringify(result.issues.slice(0, 3))}`,
            );
          appliedTypes.add(op.type);
          edition = deepFreeze(applied.edition);
          inverses.push(JSON.parse(JSON.stringify(applied.inverse)) as Operation);
        });
        for (const inverse of inverses.reverse()) edition = applyOperation(edition, inverse).edition;
        expect(JSON.stringify(edition)).toBe(before);
      }),
      { numRuns: 200, seed: 20221221 },
    );
    // Every kind of operation succeeded at least once, so none was only ever refused.
    expect([...appliedTypes].sort()).toEqual([...builtTypes].sort());
    expect(builtTypes.size).toBe(50);
  });
});
