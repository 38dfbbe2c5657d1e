import { describe, expect, it } from 'vitest';
import { formatGiB, formatMiB, percentOf } from '../src/features/home/overview/format.ts';
import { listHref, localDay } from '../src/features/home/overview/links.ts';
import { statusEntries } from '../src/features/home/overview/statusModel.ts';
import { isPaletteShortcut, isPlainKey, isTyping, modifierLabel } from '../src/components/keys.ts';

const key = (over: Partial<Parameters<typeof isPlainKey>[0]> & { key: string }) => ({
  ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: null, ...over,
});

describe('overview numbers', () => {
  it('writes capacity in the unit that reads best', () => {
    expect(formatGiB(40, 'en')).toBe('40 GiB');
    expect(formatGiB(2.5, 'en')).toBe('2.5 GiB');
    expect(formatGiB(3072, 'en')).toBe('3 TiB');
    expect(formatGiB(1536, 'en')).toBe('1.5 TiB');
    expect(formatMiB(512, 'en')).toBe('512 MiB');
    expect(formatMiB(8192, 'en')).toBe('8 GiB');
  });

  it('gives the share of a limit, capped at the bar, and none without a limit', () => {
    expect(percentOf(25, 100)).toBe(25);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(5, null)).toBeUndefined();
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 0)).toBe(100);
  });

  it('orders statuses by count, then by name', () => {
    expect(statusEntries({ error: 1, available: 5, 'in-use': 5 })).toEqual([['available', 5], ['in-use', 5], ['error', 1]]);
  });

  it('links to lists with their filters as query parameters, leaving out empty ones', () => {
    expect(listHref('/disks')).toBe('/disks');
    expect(listHref('/disks', { status: 'in-use', type: undefined })).toBe('/disks?status=in-use');
    expect(listHref('/backups', { since: '2026-11-24', status: 'error' })).toBe('/backups?since=2026-11-24&status=error');
    const at = new Date(2026, 0, 5, 23, 30);
    expect(localDay(at.toISOString())).toBe('2026-01-05');
  });
});

describe('shortcut keys', () => {
  it('opens the palette with Ctrl-K or Cmd-K, even from a text field', () => {
    expect(isPaletteShortcut(key({ key: 'k', ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(key({ key: 'K', metaKey: true, target: { tagName: 'INPUT', type: 'text' } as unknown as EventTarget }))).toBe(true);
    expect(isPaletteShortcut(key({ key: 'k' }))).toBe(false);
    expect(isPaletteShortcut(key({ key: 'k', ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('takes single keys only when nobody is typing and no modifier is held', () => {
    expect(isPlainKey(key({ key: 'j' }), 'j')).toBe(true);
    expect(isPlainKey(key({ key: '?', target: { tagName: 'BUTTON' } as unknown as EventTarget }), '?')).toBe(true);
    expect(isPlainKey(key({ key: 'j', target: { tagName: 'INPUT', type: 'search' } as unknown as EventTarget }), 'j')).toBe(false);
    expect(isPlainKey(key({ key: 'j', target: { tagName: 'TEXTAREA' } as unknown as EventTarget }), 'j')).toBe(false);
    expect(isPlainKey(key({ key: 'x', ctrlKey: true }), 'x')).toBe(false);
    expect(isPlainKey(key({ key: 'x', defaultPrevented: true }), 'x')).toBe(false);
  });

  it('treats a checkbox as not typing, and contenteditable as typing', () => {
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTyping(null)).toBe(false);
  });

  it('names the modifier as the keyboard shows it', () => {
    expect(modifierLabel('MacIntel')).toBe('⌘');
    expect(modifierLabel('Linux x86_64')).toBe('Ctrl');
  });
});

describe('after a profile switch', () => {
  const routes = [
    {
      path: '/',
      children: [
        { index: true },
        { path: 'disks' },
        { path: 'disks/:id' },
        { path: 'servers/:id' },
        { path: 'tasks/:id' },
        { path: 'settings', children: [{ path: 'users' }] },
        { path: '*' },
      ],
    },
  ];

  it('leaves a page of one resource for its list, and keeps lists, tasks and settings', async () => {
    const { listAfterSwitch } = await import('../src/app/profilePaths.ts');
    expect(listAfterSwitch(routes, '/disks/abc')).toBe('/disks');
    expect(listAfterSwitch(routes, '/servers/x-1')).toBe('/servers');
    expect(listAfterSwitch(routes, '/disks')).toBeUndefined();
    expect(listAfterSwitch(routes, '/tasks/t1')).toBeUndefined();
    expect(listAfterSwitch(routes, '/settings/users')).toBeUndefined();
    expect(listAfterSwitch(routes, '/nowhere/at/all')).toBeUndefined();
  });
});
