import './catalogue.ts';
import { useEffect, useRef, type ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { ChevronDown } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Menu, MenuContent, MenuItem, MenuTrigger } from './Menu.tsx';
import { fitTabs } from './tabFit.ts';
import { useTabRowMeasures } from './useTabRowMeasures.ts';

export interface TabSpec {
  id: string;
  label: string;
  /** A count shown next to the label (sub-tasks of a batch). */
  count?: number | undefined;
}

interface UrlTabsProps {
  tabs: readonly TabSpec[];
  value: string;
  onValueChange: (id: string) => void;
  /** Names the tab list for screen readers. */
  label: string;
  /** The body of the current tab; the others are not rendered until chosen. */
  children: ReactNode;
}

/** The space between tabs (Tailwind's gap-1), which the row's fit counts in. */
const GAP_PX = 4;
const tabShape = '-mb-px inline-flex items-center gap-1.5 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap';
const tabColours =
  'text-slate-600 hover:text-slate-900 data-[state=active]:border-blue-600 data-[state=active]:text-blue-700 dark:text-slate-300 dark:hover:text-white dark:data-[state=active]:border-blue-400 dark:data-[state=active]:text-blue-300';

function TabLabel({ tab }: { tab: TabSpec }) {
  return (
    <>
      {tab.label}
      {tab.count !== undefined && (
        <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{tab.count}</span>
      )}
    </>
  );
}

/**
 * Radix tabs whose current tab lives in the URL (a search parameter or a path segment, as the
 * caller decides), so a copied link or a reload opens the same tab and Back returns to the last.
 *
 * The row never scrolls sideways: tabs that do not fit its width go, in order, into a menu at its
 * end, and the current tab always stays in the row. Widths are measured, not guessed, so the row
 * follows the window, the language and the counts.
 */
export function UrlTabs({ tabs, value, onValueChange, label, children }: UrlTabsProps) {
  const { t } = useTranslation();
  const rowRef = useRef<HTMLDivElement>(null);
  const rulerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // A tab chosen from the menu gets the focus once it is in the row, instead of the menu button.
  const focusOnShow = useRef<string | undefined>(undefined);
  const keepFocusFromButton = useRef(false);
  const overflowLabel = t('tabs.overflow');
  const signature = `${tabs.map((tab) => `${tab.id}\u0000${tab.label}\u0000${tab.count ?? ''}`).join('\u0001')}\u0002${overflowLabel}`;
  const measures = useTabRowMeasures(rowRef, rulerRef, signature);
  const activeIndex = tabs.findIndex((tab) => tab.id === value);
  const fit =
    measures && measures.widths.length === tabs.length
      ? fitTabs({ widths: measures.widths, gap: GAP_PX, available: measures.available, overflowWidth: measures.overflowWidth, activeIndex })
      : { shown: tabs.map((_, index) => index), overflow: [] };
  const shown = fit.shown.flatMap((index) => tabs[index] ?? []);
  const overflow = fit.overflow.flatMap((index) => tabs[index] ?? []);

  useEffect(() => {
    if (focusOnShow.current !== value) return;
    focusOnShow.current = undefined;
    listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(value)}"]`)?.focus();
  }, [value]);

  return (
    <Tabs.Root value={value} onValueChange={onValueChange} activationMode="manual">
      <div ref={rowRef} className="relative flex items-end gap-1 border-b border-slate-200 dark:border-slate-800">
        <Tabs.List ref={listRef} aria-label={label} className="flex min-w-0 gap-1">
          {shown.map((tab) => (
            <Tabs.Trigger key={tab.id} value={tab.id} data-tab-id={tab.id} className={`${tabShape} ${tabColours}`}>
              <TabLabel tab={tab} />
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {overflow.length > 0 && (
          <Menu>
            <MenuTrigger className={`${tabShape} ${tabColours} data-[state=open]:text-slate-900 dark:data-[state=open]:text-white`}>
              {overflowLabel}
              <ChevronDown aria-hidden className="size-4 opacity-70" />
            </MenuTrigger>
            <MenuContent
              onCloseAutoFocus={(event) => {
                if (!keepFocusFromButton.current) return;
                keepFocusFromButton.current = false;
                event.preventDefault();
              }}
            >
              {overflow.map((tab) => (
                <MenuItem
                  key={tab.id}
                  onSelect={() => {
                    focusOnShow.current = tab.id;
                    keepFocusFromButton.current = true;
                    onValueChange(tab.id);
                  }}
                >
                  <TabLabel tab={tab} />
                </MenuItem>
              ))}
            </MenuContent>
          </Menu>
        )}
        {/* Every tab and the menu button at their natural width, unseen, for the fit above. */}
        <div aria-hidden className="pointer-events-none invisible absolute inset-x-0 top-0 h-0 overflow-hidden">
          <div ref={rulerRef} className="flex w-max">
            {tabs.map((tab) => (
              <span key={tab.id} className={tabShape}>
                <TabLabel tab={tab} />
              </span>
            ))}
            <span className={tabShape}>
              {overflowLabel}
              <ChevronDown aria-hidden className="size-4" />
            </span>
          </div>
        </div>
      </div>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.id} value={tab.id} className="pt-4 outline-none">
          {tab.id === value ? children : null}
        </Tabs.Content>
      ))}
      {/* An address naming no offered tab (a page this role may not see) still gets its body, which explains. */}
      {!tabs.some((tab) => tab.id === value) && <div className="pt-4">{children}</div>}
    </Tabs.Root>
  );
}

/** The current tab from `?tab=` (an unknown or absent value is the first tab) and a setter. */
export function useTabParam(ids: readonly string[], param = 'tab'): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get(param);
  const current = requested !== null && ids.includes(requested) ? requested : (ids[0] ?? '');
  const choose = (id: string) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id === ids[0]) next.delete(param);
        else next.set(param, id);
        return next;
      },
      { replace: false },
    );
  };
  return [current, choose];
}
