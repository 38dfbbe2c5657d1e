import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import type { User } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { deleteUser, useUserMutation } from './usersApi.ts';
import { describeUserConflict, type UserContext } from './userRules.ts';

export function DeleteUserDialog({ user, context, onClose }: { user: User; context: UserContext; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useUserMutation(() => deleteUser(user.username));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('settings.users.deleteTitle', { username: user.username })}
      description={t('settings.users.deleteDescription')}
      confirmLabel={t('settings.users.delete')}
      danger
      pending={remove.isPending}
      error={remove.error ?? undefined}
      errorMessage={remove.error ? describeUserConflict(remove.error, 'delete', user.username, context, t) : undefined}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            showToast({ tone: 'success', title: t('settings.users.deleted', { username: user.username }) });
            onClose();
          },
        })
      }
    />
  );
}
