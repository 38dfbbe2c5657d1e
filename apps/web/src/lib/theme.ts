import { useCallback, useEffect, useState } from 'react';
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

/** The remembered theme choice; with 'system' it follows the OS live. */
export function useTheme(): [ThemePreference, (next: ThemePreference) => void] {
  const [preference, setPreference] = useState<ThemePreference>(() =>
    parseThemePreference(readStored(themeStorageKey)),
  );

  useEffect(() => {
    applyTheme(preference);
    if (preference !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(darkQuery);
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [preference]);

  const choose = useCallback((next: ThemePreference) => {
    writeStored(themeStorageKey, next);
    setPreference(next);
  }, []);

  return [preference, choose];
}
