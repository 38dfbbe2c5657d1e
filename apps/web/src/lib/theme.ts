import { useEffect, useSyncExternalStore } from 'react';
import { readStored, writeStored } from './storage.ts';

export const themePreferences = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof themePreferences)[number];

/** Shared with the inline script in index.html, which applies the theme before the first paint. */
export const themeStorageKey = 'console.theme';
const darkQuery = '(prefers-color-scheme: dark)';

export function parseThemePreference(value: string | null): ThemePreference {
  return (themePreferences as readonly string[]).includes(value ?? '') ? (value as ThemePreference) : 'system';
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches;
}

function applyTheme(preference: ThemePreference): void {
  const theme = resolveTheme(preference, systemPrefersDark());
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  // Native controls (scrollbars, date pickers) follow the page rather than the OS.
  root.style.colorScheme = theme;
}

// One choice for the whole page: the header menu and the command palette change the same one.
let current: ThemePreference | undefined;
const listeners = new Set<() => void>();

function currentPreference(): ThemePreference {
  current ??= parseThemePreference(readStored(themeStorageKey));
  return current;
}

/** Remembers and applies a theme choice, wherever it is made. */
export function setThemePreference(next: ThemePreference): void {
  writeStored(themeStorageKey, next);
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The remembered theme choice; with 'system' it follows the OS live. */
export function useTheme(): [ThemePreference, (next: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribe, currentPreference, currentPreference);

  useEffect(() => {
    applyTheme(preference);
    if (preference !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(darkQuery);
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [preference]);

  return [preference, setThemePreference];
}
