import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme } from '../src/lib/theme.ts';
import { detectLanguage } from '../src/i18n/language.ts';
import { isSlashShortcut } from '../src/components/useSlashFocus.ts';

describe('theme preference', () => {
  it('reads a stored choice and treats anything else as following the system', () => {
    expect(parseThemePreference('dark')).toBe('dark');
    expect(parseThemePreference('light')).toBe('light');
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('sepia')).toBe('system');
  });

  it('resolves system to what the OS prefers and keeps explicit choices', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('language detection', () => {
  it('prefers the remembered choice', () => {
    expect(detectLanguage('zh', ['en-US'])).toBe('zh');
  });

  it('otherwise takes the first supported browser language', () => {
    expect(detectLanguage(null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(detectLanguage('klingon', ['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLanguage(null, ['fr', 'de'])).toBe('en');
  });
});

describe('slash shortcut', () => {
  const key = (overrides: Partial<Parameters<typeof isSlashShortcut>[0]> = {}) => ({
    key: '/',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: { tagName: 'BODY', isContentEditable: false } as unknown as EventTarget,
    ...overrides,
  });

  it('fires for a plain slash outside text fields', () => {
    expect(isSlashShortcut(key())).toBe(true);
  });

  it('stays out of the way while typing', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(isSlashShortcut(key({ target: { tagName } as unknown as EventTarget }))).toBe(false);
    }
    expect(isSlashShortcut(key({ target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget }))).toBe(false);
  });

  it('ignores other keys, modified slashes and handled events', () => {
    expect(isSlashShortcut(key({ key: '?' }))).toBe(false);
    expect(isSlashShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isSlashShortcut(key({ metaKey: true }))).toBe(false);
    expect(isSlashShortcut(key({ defaultPrevented: true }))).toBe(false);
  });
});
