import '../catalogue.ts';
import { Ellipsis } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../Menu.tsx';
import type { RowAction } from './types.ts';

/** A row's actions; one that does not apply says why right under its name. */
export function RowActionsMenu<T>({ item, label, actions }: { item: T; label: string; actions: readonly RowAction<T>[] }) {
  const { t } = useTranslation();
  return (
    <Menu>
      <MenuTrigger className="btn-icon size-7" aria-label={t('list.rowActions', { name: label })} title={t('list.actions')}>
        <Ellipsis aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent>
        {actions.map((action) => {
          const reason = action.check?.(item);
          const Icon = action.icon;
          return (
            <MenuItem key={action.id} disabled={reason !== undefined} onSelect={() => action.onSelect(item)}>
              {Icon && <Icon aria-hidden className={`size-4 ${action.danger ? 'text-red-600 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`} />}
              <span className="flex flex-col">
                <span className={action.danger ? 'text-red-700 dark:text-red-300' : ''}>{t(action.label)}</span>
                {reason && <span className="text-xs text-slate-500 dark:text-slate-400">{t(reason)}</span>}
              </span>
            </MenuItem>
          );
        })}
      </MenuContent>
    </Menu>
  );
}
