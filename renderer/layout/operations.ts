/** The model's one apply path, as the store uses it (the inverse is recomputed by the undo history). */
import { applyOperation } from '../../shared/model/operations';
import type { ApplyOperation } from '../state/editor-store';

export const applyEditionOperation: ApplyOperation = (edition, operation) =>
  applyOperation(edition, operation).edition;
