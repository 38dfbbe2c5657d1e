import './catalogue.ts';
import { useId, useState } from 'react';
import { KeyRound, LoaderCircle } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangeOwnPasswordSchema, type ChangeOwnPassword } from '@console/contract';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { apiRequest } from '../../lib/api.ts';
import { newPasswordHints } from './userRules.ts';

/** The contract's rule for the change, plus the repeated new password. */
const ChangePasswordFormSchema = ChangeOwnPasswordSchema.extend({ confirmPassword: ChangeOwnPasswordSchema.shape.currentPassword }).refine(
  (values) => values.newPassword === values.confirmPassword,
  { path: ['confirmPassword'], message: 'the passwords differ' },
);

const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const [refusal, setRefusal] = useState<unknown>();
  const change = useMutation({
    mutationFn: (body: ChangeOwnPassword) => apiRequest<void>('/api/v1/me/password', null, { method: 'PUT', body }),
  });
  const { register, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(ChangePasswordFormSchema),
    defaultValues: empty,
  });
  const { errors } = formState;

  const submit = handleSubmit(({ currentPassword, newPassword }) => {
    setRefusal(undefined);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          reset(empty);
          showToast({ tone: 'success', title: t('settings.account.passwordChanged'), description: t('settings.account.otherSessions') });
        },
        onError: (error) => {
          const placed = applyServerFieldErrors(error, ['currentPassword', 'newPassword'], setError, (field, message) =>
            field === 'currentPassword' ? t('settings.account.wrongPassword') : message,
          );
          if (!placed) setRefusal(error);
        },
      },
    );
  });

  return (
    <section aria-labelledby={headingId} className="card">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800">
        <KeyRound aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
        <h2 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-white">
          {t('settings.account.changePassword')}
        </h2>
      </header>
      <form noValidate onSubmit={submit} className="space-y-4 p-4">
        {refusal !== undefined && <ErrorNotice title={t('settings.account.changeFailed')} error={refusal} />}
        <TextField
          label={t('settings.account.currentPassword')}
          type="password"
          autoComplete="current-password"
          {...register('currentPassword')}
          error={fieldErrorText(errors.currentPassword, t)}
        />
        <TextField
          label={t('settings.account.newPassword')}
          type="password"
          autoComplete="new-password"
          {...register('newPassword')}
          error={fieldErrorText(errors.newPassword, t, newPasswordHints(t))}
        />
        <TextField
          label={t('settings.account.confirmPassword')}
          type="password"
          autoComplete="new-password"
          {...register('confirmPassword')}
          error={fieldErrorText(errors.confirmPassword, t, { custom: t('validation.mismatch') })}
        />
        <button type="submit" className="btn-primary" disabled={change.isPending} aria-busy={change.isPending}>
          {change.isPending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {t('settings.account.changePassword')}
        </button>
      </form>
    </section>
  );
}
