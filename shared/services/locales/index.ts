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

/** Looks up a string and fills `{{name}}` placeholders (for the main process, which has no i18next). */
export function translate(
  language: 'zh-Hans' | 'en',
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return locales[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
