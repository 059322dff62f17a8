/**
 * i18next setup shared by the web entries: zh-CN and en-US, the choice remembered in
 * localStorage. Before sign-in the browser language decides; after sign-in the user's
 * profile locale does, unless they switched by hand.
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'preboard.lang';

const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

/** The language chosen by hand earlier, if any. */
export function readStoredLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function detectBrowserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** Initialises i18next with the given resources (`{ 'zh-CN': {...}, 'en-US': {...} }`). */
export async function initI18n(messages: Record<Language, object>): Promise<typeof i18next> {
  const resources: Resource = {};
  for (const lng of LANGUAGES) resources[lng] = { translation: messages[lng] as Resource[string]['translation'] };
  await i18next.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage() ?? detectBrowserLanguage(),
    fallbackLng: 'en-US',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes on render
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => { document.documentElement.lang = lng; });
  return i18next;
}

/** Switches the language; `remember` stores it as the user's explicit choice. */
export async function changeLanguage(lng: Language, remember = true): Promise<void> {
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, lng); } catch { /* private mode: the choice lasts this visit */ }
  }
  await i18next.changeLanguage(lng);
}

/** Applies the signed-in user's profile locale unless a language was chosen by hand. */
export async function applyUserLocale(locale: Language): Promise<void> {
  if (!readStoredLanguage() && i18next.language !== locale) await i18next.changeLanguage(locale);
}

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en-US');
