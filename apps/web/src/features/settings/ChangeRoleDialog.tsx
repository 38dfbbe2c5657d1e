import './catalogue.ts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { RoleSchema, UpdateUserSchema, type Role, type User } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { updateUser, useUserMutation } from './usersApi.ts';
import { describeUserConflict, whyNotChangeRole, type UserContext } from './userRules.ts';

function ChangeRoleForm({ user, context, onDone }: { user: User; context: UserContext; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUserMutation(({ role }: { role: Role }) => updateUser(user.username, { role }));
  const [refusal, setRefusal] = useState<{ error: unknown; message: string | undefined } | undefined>();
  const { register, handleSubmit, setError, control, formState } = useForm({
    resolver: zodResolver(UpdateUserSchema),
    defaultValues: { role: user.role },
  });
  const role = useWatch({ control, name: 'role' }) ?? user.role;

  const submit = handleSubmit(({ role: chosen }) => {
    setRefusal(undefined);
    if (!chosen || chosen === user.role) return onDone();
    const reason = whyNotChangeRole(user, chosen, context);
    if (reason) return setError('role', { type: wordedErrorType, message: t(reason) });
    update.mutate(
      { role: chosen },
      {
        onSuccess: () => {
          showToast({ tone: 'success', title: t('settings.users.roleChanged', { username: user.username, role: t(`role.${chosen}`) }) });
          onDone();
        },
        onError: (error) => setRefusal({ error, message: describeUserConflict(error, 'update', user.username, context, t) }),
      },
    );
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {refusal && <ErrorNotice title={t('settings.users.changeFailed')} error={refusal.error} message={refusal.message} />}
      <SelectField
        label={t('settings.users.role')}
        options={RoleSchema.options.map((value) => ({ value, label: t(`role.${value}`) }))}
        help={t(`roleHelp.${role}`)}
        autoFocus
        {...register('role')}
        error={fieldErrorText(formState.errors.role, t)}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('settings.users.signOutNote')}</p>
      <FormButtons submitLabel={t('settings.users.saveRole')} pending={update.isPending} />
    </form>
  );
}

export function ChangeRoleDialog({ user, context, onClose }: { user: User; context: UserContext; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('settings.users.changeRoleTitle', { username: user.username })}>
      <ChangeRoleForm user={user} context={context} onDone={onClose} />
    </Modal>
  );
}
