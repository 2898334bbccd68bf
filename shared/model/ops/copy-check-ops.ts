/** The edition's copy-check settings: switches, house list, accepted words (one operation, exactly undone). */
import type { CopyCheckSettings, Edition } from '../types';
import { copyCheckSettingsSchema } from '../copy-check-settings';
import type { AppliedOperation, Operation } from './types';
import { checkShape } from './checks';

type CopyCheckOperation = Extract<Operation, { type: 'set_copy_checks' }>;

export function applyCopyCheckOperation(edition: Edition, op: CopyCheckOperation): AppliedOperation {
  const before = edition.copyChecks ?? null;
  const inverse: Operation = { type: 'set_copy_checks', settings: before };
  if (op.settings === null) {
    const { copyChecks: _dropped, ...rest } = edition;
    return { edition: rest, inverse };
  }
  const settings = checkShape(copyCheckSettingsSchema, op.settings, op.type, 'settings') as CopyCheckSettings;
  return { edition: { ...edition, copyChecks: settings }, inverse };
}
