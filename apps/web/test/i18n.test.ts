import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.json';
import zh from '../src/i18n/locales/zh.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [nested, leaf] of flatten(value, path)) entries.set(nested, leaf);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const srcDir = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const english = flatten(en);
const chinese = flatten(zh);

describe('translation catalogues', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have a non-empty string for every key', () => {
    for (const [name, catalogue] of [['en', english], ['zh', chinese]] as const) {
      for (const [key, value] of catalogue) {
        expect(typeof value === 'string' && value.trim() !== '', `${name}: ${key}`).toBe(true);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of english) {
      expect(placeholders(String(chinese.get(key) ?? '')), key).toEqual(placeholders(String(value)));
    }
  });

  it('really translate the Chinese catalogue (Han characters, not copied English)', () => {
    for (const [key, value] of chinese) {
      expect(/\p{Script=Han}/u.test(String(value)), key).toBe(true);
    }
  });

  it('contain every key the source passes to t() literally', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1] ?? '');
      // Dynamic keys such as t(`role.${role}`) are checked by the compiler against the catalogue type.
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });
});
