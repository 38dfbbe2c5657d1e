// Runs before the first paint (a blocking classic script in <head>) so the page never flashes the
// wrong theme or language. Storage keys and the dark rule match src/lib/theme.ts and
// src/i18n/language.ts. A file rather than an inline script, so the CSP allows no inline script.
(function () {
  var root = document.documentElement, theme = null, language = null;
  try {
    theme = localStorage.getItem('console.theme');
    language = localStorage.getItem('console.language');
  } catch (_e) {
    // storage blocked: defaults apply
  }
  var dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  if (language === 'zh') root.lang = 'zh-CN';
})();
