import { useLayoutEffect, useState, type RefObject } from 'react';

/** The widths a tab row is laid out from; see fitTabs. */
export interface TabRowMeasures {
  available: number;
  /** Each tab's width, then the overflow button's. */
  widths: number[];
  overflowWidth: number;
}

const same = (a: TabRowMeasures, b: TabRowMeasures) =>
  a.available === b.available && a.overflowWidth === b.overflowWidth && a.widths.length === b.widths.length && a.widths.every((w, i) => w === b.widths[i]);

/**
 * Measures the row and a ruler holding every tab (then the overflow button) at its natural width,
 * again whenever either changes size: the window, the side navigation, the language, a count, or
 * a web font arriving. The first measurement happens before the row is first painted.
 * `signature` names what the ruler shows, so a new set of tabs is measured afresh.
 */
export function useTabRowMeasures(row: RefObject<HTMLElement | null>, ruler: RefObject<HTMLElement | null>, signature: string): TabRowMeasures | undefined {
  const [measures, setMeasures] = useState<TabRowMeasures>();
  useLayoutEffect(() => {
    const rowElement = row.current;
    const rulerElement = ruler.current;
    if (!rowElement || !rulerElement) return;
    const measure = () => {
      const widths = Array.from(rulerElement.children, (child) => child.getBoundingClientRect().width);
      const overflowWidth = widths.pop() ?? 0;
      const next = { available: rowElement.getBoundingClientRect().width, widths, overflowWidth };
      setMeasures((previous) => (previous && same(previous, next) ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(rowElement);
    observer.observe(rulerElement);
    return () => observer.disconnect();
  }, [row, ruler, signature]);
  return measures;
}
