import './catalogue.ts';
import { useMemo, useState } from 'react';
import { UserPlus } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { ChangeRoleDialog } from './ChangeRoleDialog.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { DeleteUserDialog } from './DeleteUserDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { usersQuery } from './usersApi.ts';
import { usersListConfig } from './usersListConfig.tsx';
import type { UserContext } from './userRules.ts';

type Editing = { kind: 'role' | 'password' | 'delete'; user: User } | undefined;

function UsersList() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  // The same cached list the table shows: the last-admin checks count its admins.
  const users = useQuery(usersQuery());
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const items = users.data?.items;
  const context = useMemo<UserContext>(() => ({ self: me.username, users: items ?? [] }), [me.username, items]);
  const config = useMemo(
    () =>
      usersListConfig(context, {
        onChangeRole: (user) => setEditing({ kind: 'role', user }),
        onResetPassword: (user) => setEditing({ kind: 'password', user }),
        onDelete: (user) => setEditing({ kind: 'delete', user }),
      }),
    [context],
  );
  const close = () => setEditing(undefined);

  return (
    <>
      <DataList
        config={config}
        actions={
          <button type="button" className="btn-primary mr-1" onClick={() => setCreating(true)}>
            <UserPlus aria-hidden className="size-4" />
            {t('settings.users.create')}
          </button>
        }
      />
      <CreateUserDialog open={creating} onOpenChange={setCreating} self={me.username} />
      {editing?.kind === 'role' && <ChangeRoleDialog user={editing.user} context={context} onClose={close} />}
      {editing?.kind === 'password' && <ResetPasswordDialog user={editing.user} onClose={close} />}
      {editing?.kind === 'delete' && <DeleteUserDialog user={editing.user} context={context} onClose={close} />}
    </>
  );
}

export function UsersSettings() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.users.title'));
  return (
    <AdminOnly>
      <UsersList />
    </AdminOnly>
  );
}
