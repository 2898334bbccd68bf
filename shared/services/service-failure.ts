/**
 * How a host reports a service call that failed: the English message (for
 * logs), and — when the problem is one the user can act on — the same
 * problem as a UI message key with values, so the app says it in the UI
 * language. Electron's IPC carries only an error's message, so main answers
 * a failed call with `{ [FAILURE]: … }` instead of throwing; the browser
 * host puts the same fields in its JSON error body.
 */
import { locales, type MessageKey } from './locales';
import { LocalizedError } from './locales/localized-error';

export interface ServiceFailure {
  message: string;
  text?: { key: string; values: Record<string, string | number> };
}

export const FAILURE = 'folio:failure';

/** True for the envelope a host answers a failed call with. */
export function isFailureEnvelope(value: unknown): value is { [FAILURE]: ServiceFailure } {
  return typeof value === 'object' && value !== null && FAILURE in value;
}

/** The error the renderer throws for a failed call: a LocalizedError when the host named the problem. */
export function failureError(failure: ServiceFailure): Error {
  const key = failure.text?.key;
  if (key && key in locales.en) return new LocalizedError(key as MessageKey, failure.text!.values);
  return new Error(failure.message);
}
