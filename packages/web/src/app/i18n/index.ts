import 'dayjs/locale/vi';
import type { Locale as AntdLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './messages';
import { viCore } from './vi-core';

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
 * Vietnamese (the fallback) is in the first download, but only the texts of the sign-in page and the
 * frame (vi-core.ts); the rest is fetched with the first page after it (`loadAppTexts`). English is one
 * chunk with all its texts, fetched when chosen, so the sign-in page carries one language's texts
 * (issues 14 and 18).
 */
async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'vi') {
    if (appTextsWanted) await loadViAppTexts();
    return;
  }
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const [{ en }, antd] = await Promise.all([import('./en'), import('antd/locale/en_US')]);
  antdEnglish = antd.default;
  i18n.addResourceBundle('en', 'translation', en);
}

let antdEnglish: AntdLocale | undefined;

/** Set once a page past the sign-in page asked for its texts: switching to Vietnamese then needs them too. */
let appTextsWanted = false;
let viAppTexts: Promise<void> | undefined;

function loadViAppTexts(): Promise<void> {
  viAppTexts ??= import('./vi').then(
    ({ vi }) => {
      i18n.addResourceBundle('vi', 'translation', vi, true, true);
    },
    (error: unknown) => {
      // A failed fetch (network, a new deployment) may be retried by the next page.
      viAppTexts = undefined;
      throw error;
    },
  );
  return viAppTexts;
}

/**
 * Resolves once the texts of every page are in, for the current language (English has them all in its
 * one chunk). The shell and each page await it with their own chunk (app/router.tsx `page()`), so no page
 * renders a bare key; the sign-in page does not, so that its first download stays small (issue 18).
 */
export function loadAppTexts(): Promise<void> {
  appTextsWanted = true;
  return currentLang() === 'vi' ? loadViAppTexts() : Promise.resolve();
}

/** antd's English texts, once English was loaded (app/providers.tsx; Vietnamese until then). */
export const antdEnglishLocale = (): AntdLocale | undefined => antdEnglish;

const initial: Lang = storedLang() ?? 'vi';
dayjs.locale(initial === 'vi' ? 'vi' : 'en');
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viCore } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the texts of the device's language are in (main.tsx renders after it). */
export const i18nReady: Promise<void> = initial === 'vi' ? Promise.resolve() : applyLang(initial, false);

export { i18n };
