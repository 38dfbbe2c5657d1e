import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zh from './locales/zh.json';
import { htmlLang, initialLanguage, isLanguage, rememberLanguage, type Language } from './language.ts';

export const resources = { en: { translation: en }, zh: { translation: zh } } as const;

function reflectLanguage(language: string): void {
  if (!isLanguage(language)) return;
  document.documentElement.lang = htmlLang[language];
  document.title = i18next.t('app.name');
}

i18next.on('languageChanged', reflectLanguage);

// Resources are bundled, so initialisation completes synchronously before the first render.
void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh'],
  initAsync: false,
  interpolation: { escapeValue: false },
});
reflectLanguage(i18next.language);

/** An explicit choice from the language menu: applied now and remembered for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
}

export default i18next;
