import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
const coreDir = join(srcDir, 'i18n');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every catalogue: the core one (src/i18n/locales) and those of lazily loaded screens. */
const catalogues = readdirSync(srcDir, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name === 'en.json' && entry.parentPath.endsWith('locales'))
  .map((entry) => {
    const dir = dirname(entry.parentPath);
    const read = (lang: string) => flatten(JSON.parse(readFileSync(join(entry.parentPath, `${lang}.json`), 'utf8')) as Catalogue);
    return { name: relative(srcDir, dir) || '.', dir, english: read('en'), chinese: read('zh') };
  });
const core = catalogues.find((catalogue) => catalogue.dir === coreDir)!;

const allKeys = new Set(catalogues.flatMap((catalogue) => [...catalogue.english.keys()]));
const topLevel = new Set([...allKeys].map((key) => key.split('.')[0]));

/**
 * Keys a file uses: what it passes to t() literally (each must exist), any other quoted string
 * that is a key (configurations: column headers, filter labels, refusal reasons), and the fixed
 * start of keys it builds (t(`tasks.status.${status}`)).
 */
function usedKeys(text: string): { keys: string[]; prefixes: string[] } {
  const called = [...text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] ?? '');
  const quoted = [...text.matchAll(/'(\w+\.[\w.]+)'/g)].map((match) => match[1] ?? '').filter((key) => allKeys.has(key));
  return {
    keys: [...new Set([...called, ...quoted])],
    prefixes: [...new Set([...text.matchAll(/`(\w+\.[\w.]*)\$\{/g)].map((match) => match[1] ?? ''))].filter((prefix) => topLevel.has(prefix.split('.')[0])),
  };
}

describe('translation catalogues', () => {
  it('are found: the core one and the screens\' own', () => {
    expect(core).toBeDefined();
    expect(catalogues.map((catalogue) => catalogue.name).sort()).toEqual(['.', 'components', 'features/disks', 'features/home', 'app/palette', 'features/settings', 'features/tasks', 'features/emulator', 'features/calls', 'features/vaults', 'features/servers'].map((name) => (name === '.' ? 'i18n' : name)).sort());
  });

  it.each(catalogues.map((catalogue) => [catalogue.name, catalogue] as const))('%s: same keys in English and Chinese', (_name, catalogue) => {
    expect([...catalogue.chinese.keys()].sort()).toEqual([...catalogue.english.keys()].sort());
  });

  it('have a non-empty string for every key', () => {
    for (const catalogue of catalogues) {
      for (const [lang, entries] of [['en', catalogue.english], ['zh', catalogue.chinese]] as const) {
        for (const [key, value] of entries) {
          expect(typeof value === 'string' && value.trim() !== '', `${catalogue.name} ${lang}: ${key}`).toBe(true);
        }
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const catalogue of catalogues) {
      for (const [key, value] of catalogue.english) {
        expect(placeholders(String(catalogue.chinese.get(key) ?? '')), `${catalogue.name}: ${key}`).toEqual(placeholders(String(value)));
      }
    }
  });

  it('really translate the Chinese catalogues (Han characters, not copied English)', () => {
    for (const catalogue of catalogues) {
      for (const [key, value] of catalogue.chinese) {
        expect(/\p{Script=Han}/u.test(String(value)), `${catalogue.name}: ${key}`).toBe(true);
      }
    }
  });

  it('never define a key twice, which would make one catalogue silently override another', () => {
    const owners = new Map<string, string>();
    const duplicates: string[] = [];
    for (const catalogue of catalogues) {
      for (const key of catalogue.english.keys()) {
        if (owners.has(key)) duplicates.push(`${key}: ${owners.get(key)} and ${catalogue.name}`);
        owners.set(key, catalogue.name);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('contain every key the source uses, and a file using a screen\'s key imports that screen\'s catalogue', () => {
    const problems: string[] = [];
    let used = 0;
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/import\s+(?:[^'"]*from\s+)?'([^']+)'/g)].map((match) => resolve(dirname(file), match[1] ?? ''));
      const { keys, prefixes } = usedKeys(text);
      const check = (what: string, owns: (entries: Map<string, unknown>) => boolean) => {
        used += 1;
        if (owns(core.english)) return;
        const owner = catalogues.find((catalogue) => owns(catalogue.english));
        if (!owner) problems.push(`${relative(srcDir, file)}: ${what} is in no catalogue`);
        else if (!imports.includes(join(owner.dir, 'catalogue.ts'))) {
          problems.push(`${relative(srcDir, file)}: ${what} comes from ${owner.name}, whose catalogue.ts it does not import`);
        }
      };
      for (const key of keys) check(key, (entries) => entries.has(key));
      for (const prefix of prefixes) check(`${prefix}*`, (entries) => [...entries.keys()].some((key) => key.startsWith(prefix)));
    }
    expect(used).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
