import '../catalogue.ts';
import { ChevronDown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuCheckboxItem, MenuContent, MenuTrigger } from '../Menu.tsx';
import { CommitInput } from './CommitInput.tsx';
import type { ListFilter } from './types.ts';

interface ListFiltersProps {
  filters: readonly ListFilter[];
  values: Readonly<Record<string, readonly string[]>>;
  onChange: (param: string, values: string[]) => void;
}

const fieldClass = 'input h-8 min-w-0';

/** One control per filter; each writes its own query parameter. */
export function ListFilters({ filters, values, onChange }: ListFiltersProps) {
  const { t } = useTranslation();
  return (
    <>
      {filters.map((filter) => {
        switch (filter.kind) {
          case 'text':
            return (
              <CommitInput
                key={filter.param}
                type="text"
                className={`${fieldClass} w-44`}
                aria-label={t(filter.label)}
                placeholder={t(filter.label)}
                value={values[filter.param]?.[0] ?? ''}
                onCommit={(value) => onChange(filter.param, value ? [value] : [])}
              />
            );
          case 'select':
            return (
              <select
                key={filter.param}
                className={`${fieldClass} w-auto`}
                aria-label={t(filter.label)}
                value={values[filter.param]?.[0] ?? ''}
                onChange={(event) => onChange(filter.param, event.target.value ? [event.target.value] : [])}
              >
                <option value="">{t('list.filterAny', { name: t(filter.label) })}</option>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {t(option.label)}
                  </option>
                ))}
              </select>
            );
          case 'multi-select': {
            const chosen = values[filter.param] ?? [];
            return (
              <Menu key={filter.param}>
                <MenuTrigger className="btn-secondary">
                  {chosen.length ? t('list.filterChosen', { name: t(filter.label), count: chosen.length }) : t('list.filterAny', { name: t(filter.label) })}
                  <ChevronDown aria-hidden className="size-3.5 opacity-60" />
                </MenuTrigger>
                <MenuContent align="start">
                  {filter.options.map((option) => (
                    <MenuCheckboxItem
                      key={option.value}
                      checked={chosen.includes(option.value)}
                      onCheckedChange={(checked) =>
                        onChange(filter.param, checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))
                      }
                    >
                      {t(option.label)}
                    </MenuCheckboxItem>
                  ))}
                </MenuContent>
              </Menu>
            );
          }
          case 'date-range':
            return (
              <fieldset key={filter.sinceParam} className="flex items-center gap-1.5">
                <legend className="sr-only">{t(filter.label)}</legend>
                <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
                  {filter.untilParam ? t('list.from') : t(filter.label)}
                  <input
                    type="date"
                    className={`${fieldClass} w-auto`}
                    value={values[filter.sinceParam]?.[0] ?? ''}
                    onChange={(event) => onChange(filter.sinceParam, event.target.value ? [event.target.value] : [])}
                  />
                </label>
                {filter.untilParam && (
                  <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
                    {t('list.to')}
                    <input
                      type="date"
                      className={`${fieldClass} w-auto`}
                      value={values[filter.untilParam]?.[0] ?? ''}
                      onChange={(event) => onChange(filter.untilParam!, event.target.value ? [event.target.value] : [])}
                    />
                  </label>
                )}
              </fieldset>
            );
        }
      })}
    </>
  );
}
