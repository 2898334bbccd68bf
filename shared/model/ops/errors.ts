/** An operation that cannot apply to this edition; the edition is left unchanged. */
export class OperationError extends Error {
  constructor(
    readonly operationType: string,
    detail: string,
  ) {
    super(`${operationType}: ${detail}`);
    this.name = 'OperationError';
  }
}

/** Throws an OperationError unless `condition` holds. */
export function ensure(condition: unknown, operationType: string, detail: string): asserts condition {
  if (!condition) throw new OperationError(operationType, detail);
}
