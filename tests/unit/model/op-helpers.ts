import { expect } from 'vitest';
import { applyOperation, type Operation } from '../../../shared/model/operations';
import { validateEdition } from '../../../shared/model/validate';
import type { Edition } from '../../../shared/model/types';

/** Freezes a value deeply, so any mutation by code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Applies an operation to a frozen edition, checks the result is valid and
 * that the inverse gives back exactly the same JSON, and returns the result.
 */
export function applyAndUndo(edition: Edition, op: Operation): Edition {
  deepFreeze(edition);
  const before = JSON.stringify(edition);
  const { edition: after, inverse } = applyOperation(edition, op);
  const validity = validateEdition(after);
  expect(validity.ok ? [] : validity.issues).toEqual([]);
  expect(JSON.stringify(edition)).toBe(before); // input untouched
  const undone = applyOperation(after, JSON.parse(JSON.stringify(inverse)) as Operation).edition;
  expect(JSON.stringify(undone)).toBe(before);
  return after;
}
