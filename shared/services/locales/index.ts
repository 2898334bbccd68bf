/** UI strings by language, and the rule that picks a language. */
import { en, type MessageKey } from './en';
import { zhHans } from './zh-Hans';

export type { MessageKey };
export const locales: Record<'en' | 'zh-Hans', Record<MessageKey, string>> = { en, 'zh-Hans': zhHans };

/** The UI language for a preference: `system` follows the system language (Chinese if it starts with zh). */
export function resolveLanguage(
  preference: 'system' | 'zh-Hans' | 'en',
  systemLanguage: string,
): 'zh-Hans' | 'en' {
  if (preference !== 'system') return preference;
  return /^zh/i.test(systemLanguage) ? 'zh-Hans' : 'en';
}

/**
 * Looks up a string and fills `{{name}}` placeholders (for the main process
 * and shared code, which have no i18next). With a `count`, the plural form
 * `<key>_one` / `<key>_other` is used when the language has one, as i18next does.
 */
export function translate(
  language: 'zh-Hans' | 'en',
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const strings: Record<string, string> = locales[language];
  // A key from data (a stored finding) that this build does not know reads as itself, never as a crash.
  let text = strings[key] ?? key;
  if (typeof values.count === 'number') {
    const form = new Intl.PluralRules(language).select(values.count);
    text = strings[`${key}_${form}`] ?? text;
  }
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
