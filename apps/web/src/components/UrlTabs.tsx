import type { ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { useSearchParams } from 'react-router';

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

/**
 * Radix tabs whose current tab lives in the URL (a search parameter or a path segment, as the
 * caller decides), so a copied link or a reload opens the same tab and Back returns to the last.
 */
export function UrlTabs({ tabs, value, onValueChange, label, children }: UrlTabsProps) {
  return (
    <Tabs.Root value={value} onValueChange={onValueChange} activationMode="manual">
      <Tabs.List aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
        {tabs.map((tab) => (
          <Tabs.Trigger
            key={tab.id}
            value={tab.id}
            className="-mb-px inline-flex items-center gap-1.5 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:text-slate-900 data-[state=active]:border-blue-600 data-[state=active]:text-blue-700 dark:text-slate-300 dark:hover:text-white dark:data-[state=active]:border-blue-400 dark:data-[state=active]:text-blue-300"
          >
            {tab.label}
            {tab.count !== undefined && (
              <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{tab.count}</span>
            )}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
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
