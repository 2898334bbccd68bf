/**
 * The model's one apply path, as the store uses it. The operations module
 * (shared/model/operations.ts) is being built alongside; until it is present
 * the store runs read-only and panels say so.
 */
import type { ApplyOperation } from '../state/editor-store';

export const applyEditionOperation: ApplyOperation | null = null;
