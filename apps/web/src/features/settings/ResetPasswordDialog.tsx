import './catalogue.ts';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ChangeOwnPasswordSchema, UpdateUserSchema, type User } from '@console/contract';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { updateUser, useUserMutation } from './usersApi.ts';
import { newPasswordHints } from './userRules.ts';

/** The contract's update rule, plus the repeat that guards against a typo nobody can see. */
const ResetPasswordForm = UpdateUserSchema.safeExtend({ confirmPassword: ChangeOwnPasswordSchema.shape.currentPassword }).refine(
  (values) => values.password === values.confirmPassword,
  { path: ['confirmPassword'], message: 'the passwords differ' },
);

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  // Only the password is sent: the repeat stays in the form.
  const update = useUserMutation(({ password }: { password?: string | undefined }) => updateUser(user.username, { password }));
  const form = useForm({
    resolver: zodResolver(ResetPasswordForm),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { register, formState } = form;
  const { errors } = formState;
  const announce = () => showToast({ tone: 'success', title: t('settings.users.passwordReset', { username: user.username }) });

  return (
    <MutationFormDialog form={form} mutation={update} fields={[]} onAccepted={announce}
      title={t('settings.users.resetTitle', { username: user.username })} refusalTitle={t('settings.users.changeFailed')}
      submitLabel={t('settings.users.resetPassword')} className="space-y-4" onClose={onClose}>
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
    </MutationFormDialog>
  );
}
