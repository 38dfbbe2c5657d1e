import { useEffect, type RefObject } from 'react';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
}

const typingTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** `/` jumps to search unless the person is typing somewhere (where `/` is just a character). */
export function isSlashShortcut(event: KeyLike): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  const target = event.target as ElementLike | null;
  if (!target) return true;
  return !(target.isContentEditable || typingTags.has(target.tagName ?? ''));
}

/**
 * Pressing `/` anywhere on the page focuses the given input (a list screen's search box), the
 * shortcut people know from many consoles and code hosts.
 */
export function useSlashFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSlashShortcut(event) || !ref.current) return;
      event.preventDefault();
      ref.current.focus();
      ref.current.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
