import i18next from 'i18next';

type Catalogue = Record<string, unknown>;

/**
 * Adds a screen's strings to the one translation namespace. The core catalogue (sign-in, the
 * frame, Home) ships with the first download; each lazily loaded screen brings its own, calling
 * this from a module its components import, so its strings are there before it renders.
 */
export function addCatalogue(catalogue: { en: Catalogue; zh: Catalogue }): void {
  const add = () => {
    i18next.addResourceBundle('en', 'translation', catalogue.en, true, false);
    i18next.addResourceBundle('zh', 'translation', catalogue.zh, true, false);
  };
  // The app initialises i18next before any screen loads; code loaded on its own (tests) waits.
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
