/** i18next with the shared UI strings; the language follows the preference or the system. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales } from '../../shared/services/locales';

export async function setupI18n(language: 'zh-Hans' | 'en'): Promise<i18n> {
  // The default instance: code outside React (the newsroom session's refusals) calls i18next.t
  // and must get this window's strings in this window's language, not raw keys.
  const instance = i18next;
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { translation: locales.en },
      'zh-Hans': { translation: locales['zh-Hans'] },
    },
    // Keys contain dots (command.file.open): do not treat them as nesting.
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
