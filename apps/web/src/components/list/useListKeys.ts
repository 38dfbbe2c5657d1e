import { useEffect, useRef, type RefObject } from 'react';
import { isPlainKey } from '../keys.ts';

/** Something that owns the keyboard for now: its own keys come first. */
const overlaySelector = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/**
 * Page-wide keys of a list: `j`/`k` from outside the table step into its first row (inside it,
 * the rows handle them), and `Esc` clears the selection. Only the first list on a page answers.
 */
export function useListKeys(root: RefObject<HTMLElement | null>, selected: number, clearSelection: () => void): void {
  // The handler reads the latest values without re-subscribing on every selection change.
  const latest = useRef({ selected, clearSelection });
  useEffect(() => {
    latest.current = { selected, clearSelection };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const element = root.current;
      if (!element || document.querySelector('[data-list]') !== element || document.querySelector(overlaySelector)) return;
      if (isPlainKey(event, 'j') || isPlainKey(event, 'k')) {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest('[data-row]')) return;
        const first = element.querySelector<HTMLElement>('tr[data-row]');
        if (!first) return;
        event.preventDefault();
        first.focus();
      } else if (event.key === 'Escape' && !event.defaultPrevented && latest.current.selected > 0) {
        latest.current.clearSelection();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [root]);
}
