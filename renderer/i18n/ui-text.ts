/**
 * Text for the user that is put into words when it is shown, not when it is
 * made, so a notice or a dialog title follows a language switch: a message
 * key with values, an Error (a LocalizedError speaks the UI language; any
 * other is shown as unexpected, with its own words), or text that is final
 * already (a file path).
 */
import type { i18n } from 'i18next';
import { errorText } from '../../shared/services/locales/localized-error';

export type UiText =
  | string
  | Error
  | { key: string; values?: Record<string, string | number> }
  /** Text built from several strings (a list of shortcuts). */
  | ((instance: i18n) => string);

export function uiLanguage(instance: i18n): 'zh-Hans' | 'en' {
  return instance.language === 'zh-Hans' ? 'zh-Hans' : 'en';
}

export function renderUiText(text: UiText, instance: i18n): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'function') return text(instance);
  if (text instanceof Error) return errorText(text, uiLanguage(instance));
  return instance.t(text.key, text.values);
}
