import i18next, { type TFunction } from 'i18next';
import en from '../src/i18n/locales/en.json';
import zh from '../src/i18n/locales/zh.json';

/** A real i18next instance over the shipped catalogues, without the browser wiring of src/i18n. */
export async function translator(lng: 'en' | 'zh' = 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
