// Which key presses are the console's own shortcuts. Pure, so they are tested without a browser.

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const textInputTypes = new Set(['', 'text', 'search', 'email', 'password', 'number', 'url', 'tel', 'date', 'datetime-local', 'time']);

/** Focus is in something that takes typed characters: single-key shortcuts are then just characters. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as ElementLike | null;
  if (!element) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && textInputTypes.has((element.type ?? '').toLowerCase());
}

/** Ctrl-K (Cmd-K on a Mac) opens the palette from anywhere, a text field included. */
export function isPaletteShortcut(event: KeyLike): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.defaultPrevented;
}

/** A single key with no modifier (Shift aside, which `?` needs), pressed while not typing. */
export function isPlainKey(event: KeyLike, key: string): boolean {
  return event.key === key && !event.ctrlKey && !event.metaKey && !event.altKey && !event.defaultPrevented && !isTyping(event.target);
}

/** The modifier people press with K: ⌘ on Apple keyboards, Ctrl elsewhere. */
export function modifierLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}
