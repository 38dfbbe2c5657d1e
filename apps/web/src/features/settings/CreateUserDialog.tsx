import './catalogue.ts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateUserSchema, RoleSchema, type CreateUser } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { createUser, useUserMutation } from './usersApi.ts';
import { describeUserConflict, newPasswordHints, usernameHints } from './userRules.ts';

function CreateUserForm({ self, onDone }: { self: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useUserMutation(createUser);
  const [refusal, setRefusal] = useState<{ error: unknown; message: string | undefined } | undefined>();
  const { register, handleSubmit, setError, control, formState } = useForm({
    resolver: zodResolver(CreateUserSchema),
    defaultValues: { username: '', role: 'viewer', password: '' } satisfies CreateUser,
  });
  const { errors } = formState;
  const role = useWatch({ control, name: 'role' });

  const submit = handleSubmit((values) => {
    setRefusal(undefined);
    create.mutate(values, {
      onSuccess: (user) => {
        showToast({ tone: 'success', title: t('settings.users.created', { username: user.username }) });
        onDone();
      },
      onError: (error) => {
        const message = describeUserConflict(error, 'create', values.username, { self }, t);
        const placed = applyServerFieldErrors(error, ['username', 'role', 'password'], setError, (field, text) => (field === 'username' && message ? message : text));
        if (!placed) setRefusal({ error, message });
      },
    });
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {refusal && <ErrorNotice title={t('settings.users.createFailed')} error={refusal.error} message={refusal.message} />}
      <TextField
        label={t('settings.users.username')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        {...register('username')}
        error={fieldErrorText(errors.username, t, usernameHints(t))}
      />
      <SelectField
        label={t('settings.users.role')}
        options={RoleSchema.options.map((value) => ({ value, label: t(`role.${value}`) }))}
        help={t(`roleHelp.${role}`)}
        {...register('role')}
        error={fieldErrorText(errors.role, t)}
      />
      <TextField
        label={t('settings.users.initialPassword')}
        type="password"
        autoComplete="new-password"
        {...register('password')}
        error={fieldErrorText(errors.password, t, newPasswordHints(t))}
      />
      <FormButtons submitLabel={t('settings.users.create')} pending={create.isPending} />
    </form>
  );
}

export function CreateUserDialog({ open, onOpenChange, self }: { open: boolean; onOpenChange: (open: boolean) => void; self: string }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={t('settings.users.createTitle')} description={t('settings.users.createDescription')}>
      <CreateUserForm self={self} onDone={() => onOpenChange(false)} />
    </Modal>
  );
}
