import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
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
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

const initial: Lang = storedLang() ?? 'vi';
dayjs.locale(initial === 'vi' ? 'vi' : 'en');
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
