import i18next, { type TFunction } from 'i18next';
import en from '../src/i18n/locales/en.json';
import zh from '../src/i18n/locales/zh.json';
import componentsEn from '../src/components/locales/en.json';
import componentsZh from '../src/components/locales/zh.json';
import tasksEn from '../src/features/tasks/locales/en.json';
import tasksZh from '../src/features/tasks/locales/zh.json';
import settingsEn from '../src/features/settings/locales/en.json';
import settingsZh from '../src/features/settings/locales/zh.json';
import homeEn from '../src/features/home/locales/en.json';
import homeZh from '../src/features/home/locales/zh.json';

/** A real i18next instance over all shipped catalogues, without the browser wiring of src/i18n. */
export async function translator(lng: 'en' | 'zh' = 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  for (const [language, catalogue] of [['en', componentsEn], ['en', tasksEn], ['en', settingsEn], ['en', homeEn], ['zh', componentsZh], ['zh', tasksZh], ['zh', settingsZh], ['zh', homeZh]] as const) {
    instance.addResourceBundle(language, 'translation', catalogue, true, false);
  }
  return instance.t;
}
