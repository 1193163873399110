import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhTW } from './zh-TW.js';

/** The languages of the interface (PLAT-1); zh-TW first. */
export const LANGUAGES = ['zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'govdesk.language';

/** The `lang` attribute of each language (BCP 47 with the script, as screen readers want). */
const HTML_LANG: Record<Language, string> = { 'zh-TW': 'zh-Hant-TW', en: 'en' };

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-TW';
  } catch {
    return 'zh-TW';
  }
}

/** Narrows i18next's language string to ours. */
export function asLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'zh-TW';
}

/** Switches the interface language, remembers it and updates <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = HTML_LANG[asLanguage(language)];
});

/** Starts i18next with the stored language. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'zh-TW',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = HTML_LANG[asLanguage(i18next.language)];
}
