import './catalogue.ts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ChangeOwnPasswordSchema, UpdateUserSchema, type User } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { updateUser, useUserMutation } from './usersApi.ts';
import { newPasswordHints } from './userRules.ts';

/** The contract's update rule, plus the repeat that guards against a typo nobody can see. */
const ResetPasswordForm = UpdateUserSchema.safeExtend({ confirmPassword: ChangeOwnPasswordSchema.shape.currentPassword }).refine(
  (values) => values.password === values.confirmPassword,
  { path: ['confirmPassword'], message: 'the passwords differ' },
);

function ResetPasswordFields({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUserMutation(({ password }: { password: string }) => updateUser(user.username, { password }));
  const [refusal, setRefusal] = useState<unknown>();
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(ResetPasswordForm),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { errors } = formState;

  const submit = handleSubmit(({ password }) => {
    setRefusal(undefined);
    if (!password) return;
    update.mutate(
      { password },
      {
        onSuccess: () => {
          showToast({ tone: 'success', title: t('settings.users.passwordReset', { username: user.username }) });
          onDone();
        },
        onError: setRefusal,
      },
    );
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {refusal !== undefined && <ErrorNotice title={t('settings.users.changeFailed')} error={refusal} />}
      <TextField
        label={t('settings.users.newPassword')}
        type="password"
        autoComplete="new-password"
        autoFocus
        {...register('password')}
        error={fieldErrorText(errors.password, t, newPasswordHints(t))}
      />
      <TextField
        label={t('settings.users.confirmPassword')}
        type="password"
        autoComplete="new-password"
        {...register('confirmPassword')}
        error={fieldErrorText(errors.confirmPassword, t, { custom: t('validation.mismatch') })}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('settings.users.signOutNote')}</p>
      <FormButtons submitLabel={t('settings.users.resetPassword')} pending={update.isPending} />
    </form>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('settings.users.resetTitle', { username: user.username })}>
      <ResetPasswordFields user={user} onDone={onClose} />
    </Modal>
  );
}
