/** What a tab row has room for: the widths are measured by the caller, in CSS pixels. */
export interface TabFitInput {
  /** The width of each tab, in the order the tabs are offered. */
  widths: readonly number[];
  /** The space between two tabs, and between the last tab and the overflow button. */
  gap: number;
  /** The width of the row. */
  available: number;
  /** The width of the button that opens the tabs that did not fit. */
  overflowWidth: number;
  /** The current tab (-1 for none): it is always in the row, so the page always says where it is. */
  activeIndex: number;
}

export interface TabFit {
  /** Indexes of the tabs shown in the row, in the order they are shown. */
  shown: number[];
  /** Indexes of the tabs offered in the overflow menu, in their own order. */
  overflow: number[];
}

// Sub-pixel widths summed over ten tabs can come out a hair over the row that holds them exactly.
const TOLERANCE = 0.5;

const rowWidth = (widths: readonly number[], indexes: readonly number[], gap: number) =>
  indexes.reduce((sum, index, position) => sum + (widths[index] ?? 0) + (position > 0 ? gap : 0), 0);

/**
 * Splits a tab row into the tabs that fit and the rest, keeping the tabs in their order. When the
 * current tab would be among the rest it takes the place of the last tabs that fit instead, as
 * the row is where a reader looks for it.
 */
export function fitTabs({ widths, gap, available, overflowWidth, activeIndex }: TabFitInput): TabFit {
  const all = widths.map((_, index) => index);
  if (rowWidth(widths, all, gap) <= available + TOLERANCE) return { shown: all, overflow: [] };

  const room = available - overflowWidth - gap + TOLERANCE;
  const shown: number[] = [];
  for (const index of all) {
    if (rowWidth(widths, [...shown, index], gap) > room) break;
    shown.push(index);
  }
  if (activeIndex >= 0 && activeIndex < widths.length && !shown.includes(activeIndex)) {
    while (shown.length > 0 && rowWidth(widths, [...shown, activeIndex], gap) > room) shown.pop();
    shown.push(activeIndex);
  }
  return { shown, overflow: all.filter((index) => !shown.includes(index)) };
}
