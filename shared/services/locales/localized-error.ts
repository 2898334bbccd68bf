/**
 * An error the user can be shown in their language: it carries a message
 * key and its values; `message` is the English text, for logs and the CLI.
 * The UI turns any error into text with `errorText`, so errors from code
 * that does not know the UI language still reach the user translated.
 */
import { translate, type MessageKey } from './index';

export class LocalizedError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(translate('en', key, values));
    this.name = 'LocalizedError';
  }
}

/** An error whose message is already in the UI language (made with the UI's own i18next): shown as it is. */
export class ShownError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShownError';
  }
}

/** The error as the user reads it in `language`; an error without a key keeps its own words, marked as unexpected. */
export function errorText(error: unknown, language: 'zh-Hans' | 'en'): string {
  if (error instanceof LocalizedError) return translate(language, error.key, error.values);
  if (error instanceof ShownError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return translate(language, 'error.internal', { detail: message });
}
