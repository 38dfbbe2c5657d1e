import { describe, expect, it } from 'vitest';
import { fitTabs } from '../src/components/tabFit.ts';

// Ten tabs of 100px with 4px between them need 1036px; the overflow button is 80px.
const ten = Array.from({ length: 10 }, () => 100);
const fit = (available: number, activeIndex = 0, widths: number[] = ten) => fitTabs({ widths, gap: 4, available, overflowWidth: 80, activeIndex });

describe('fitting a tab row', () => {
  it('shows every tab, and no overflow button, when the row holds them all', () => {
    expect(fit(1036)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], overflow: [] });
    // sub-pixel widths that add up a hair over the row still fit
    expect(fit(1035.7)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], overflow: [] });
  });

  it('keeps room for the overflow button and the gap before it', () => {
    // 8 tabs (828) + gap + button (84) = 912
    expect(fit(912)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7], overflow: [8, 9] });
    expect(fit(911)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6], overflow: [7, 8, 9] });
  });

  it('stops at the first tab that does not fit rather than skipping to a narrower one later', () => {
    expect(fit(400, 0, [100, 300, 50, 50]).shown).toEqual([0]);
  });

  it('puts the current tab in the row in place of the last tabs that fit', () => {
    expect(fit(912, 9)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 9], overflow: [7, 8] });
    // a wide current tab pushes out as many as it needs
    expect(fit(912, 9, [...ten.slice(0, 9), 250])).toEqual({ shown: [0, 1, 2, 3, 4, 9], overflow: [5, 6, 7, 8] });
  });

  it('leaves the order alone when the current tab already fits', () => {
    expect(fit(912, 3)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7], overflow: [8, 9] });
  });

  it('always shows the current tab, even when nothing else fits', () => {
    expect(fit(150, 5)).toEqual({ shown: [5], overflow: [0, 1, 2, 3, 4, 6, 7, 8, 9] });
  });

  it('treats an address naming no offered tab as no current tab', () => {
    expect(fit(912, -1).shown).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
