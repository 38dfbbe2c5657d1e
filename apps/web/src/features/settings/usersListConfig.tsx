import './catalogue.ts';
import type { User, UserList } from '@console/contract';
import { KeyRound, ShieldCheck, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import type { ListConfig } from '../../components/list/types.ts';
import { usersQuery, deleteUser } from './usersApi.ts';
import { whyNotDelete, type UserContext } from './userRules.ts';
import { DateTime } from '../../components/DateTime.tsx';

function UserCell({ user, self }: { user: User; self: string }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-medium">{user.username}</span>
      {user.username === self && <Badge tone="blue">{t('settings.users.you')}</Badge>}
    </span>
  );
}

function RoleCell({ user }: { user: User }) {
  const { t } = useTranslation();
  return <Badge tone={user.role === 'admin' ? 'blue' : 'neutral'}>{t(`role.${user.role}`)}</Badge>;
}

export interface UserListHandlers {
  onChangeRole: (user: User) => void;
  onResetPassword: (user: User) => void;
  onDelete: (user: User) => void;
}

/** Console users: one short list from the API, so paging, sorting and search happen here. */
export function usersListConfig(context: UserContext, handlers: UserListHandlers): ListConfig<User, UserList> {
  return {
    id: 'users',
    title: 'settings.users.title',
    getId: (user) => user.username,
    itemLabel: (user) => user.username,
    paging: 'client',
    pageSizes: [20, 50, 100],
    defaultSort: { id: 'username', desc: false },
    search: { placeholder: 'settings.users.search', matches: (user, text) => user.username.includes(text) },
    filters: [
      {
        kind: 'multi-select',
        param: 'role',
        label: 'settings.users.role',
        options: [
          { value: 'admin', label: 'role.admin' },
          { value: 'operator', label: 'role.operator' },
          { value: 'viewer', label: 'role.viewer' },
        ],
      },
    ],
    clientFilter: (user, filters) => !filters.role?.length || filters.role.includes(user.role),
    columns: [
      { id: 'username', header: 'settings.users.username', alwaysVisible: true, sortable: true, sortValue: (user) => user.username, cell: (user) => <UserCell user={user} self={context.self} />, csv: (user) => user.username },
      { id: 'role', header: 'settings.users.role', sortable: true, sortValue: (user) => user.role, cell: (user) => <RoleCell user={user} />, csv: (user) => user.role },
      { id: 'created', header: 'settings.users.createdAt', sortable: true, sortValue: (user) => user.createdAt, cell: (user) => <DateTime iso={user.createdAt} />, csv: (user) => user.createdAt },
      { id: 'updated', header: 'settings.users.updatedAt', sortable: true, sortValue: (user) => user.updatedAt, cell: (user) => <DateTime iso={user.updatedAt} />, csv: (user) => user.updatedAt },
    ],
    query: () => usersQuery(),
    page: (raw) => ({ items: raw.items }),
    rowActions: [
      { id: 'role', label: 'settings.users.changeRole', icon: ShieldCheck, onSelect: handlers.onChangeRole },
      { id: 'password', label: 'settings.users.resetPassword', icon: KeyRound, onSelect: handlers.onResetPassword },
      { id: 'delete', label: 'settings.users.delete', icon: Trash2, danger: true, check: (user) => whyNotDelete(user, context), onSelect: handlers.onDelete },
    ],
    batchActions: [
      { id: 'delete', label: 'settings.users.delete', icon: Trash2, danger: true, check: (user) => whyNotDelete(user, context), run: (user) => deleteUser(user.username) },
    ],
    emptyText: 'settings.users.empty',
  };
}
