import 'dayjs/locale/vi';
import type { Locale as AntdLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './messages';
import { vi } from './vi';

export type Lang = 'vi' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'nennep.lang';

/** The language the user chose on this device, if any. */
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'vi' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switches the UI language, remembers it on this device and keeps dayjs and <html lang> in step. */
export async function applyLang(lang: Lang, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  await loadLang(lang);
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/**
 * Vietnamese (the fallback) is in the first download; English is its own chunk, fetched when chosen, so
 * the sign-in page carries one language's texts (issue 14).
 */
async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'vi' || i18n.hasResourceBundle(lang, 'translation')) return;
  const [{ en }, antd] = await Promise.all([import('./en'), import('antd/locale/en_US')]);
  antdEnglish = antd.default;
  i18n.addResourceBundle('en', 'translation', en);
}

let antdEnglish: AntdLocale | undefined;

/** antd's English texts, once English was loaded (app/providers.tsx; Vietnamese until then). */
export const antdEnglishLocale = (): AntdLocale | undefined => antdEnglish;

const initial: Lang = storedLang() ?? 'vi';
dayjs.locale(initial === 'vi' ? 'vi' : 'en');
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the texts of the device's language are in (main.tsx renders after it). */
export const i18nReady: Promise<void> = initial === 'vi' ? Promise.resolve() : applyLang(initial, false);

export { i18n };
