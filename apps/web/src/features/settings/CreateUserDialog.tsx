import './catalogue.ts';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateUserSchema, RoleSchema, type CreateUser, type User } from '@console/contract';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { createUser, useUserMutation } from './usersApi.ts';
import { describeUserConflict, newPasswordHints, usernameHints } from './userRules.ts';

function CreateUserForm({ self, onClose }: { self: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useUserMutation(createUser);
  const form = useForm({
    resolver: zodResolver(CreateUserSchema),
    defaultValues: { username: '', role: 'viewer', password: '' } satisfies CreateUser,
  });
  const { register, control, formState } = form;
  const { errors } = formState;
  const role = useWatch({ control, name: 'role' });
  const announce = (user: User) => showToast({ tone: 'success', title: t('settings.users.created', { username: user.username }) });

  return (
    <MutationFormDialog form={form} mutation={create} fields={['username', 'role', 'password']} onAccepted={announce}
      title={t('settings.users.createTitle')} description={t('settings.users.createDescription')}
      refusalTitle={t('settings.users.createFailed')} describeRefusal={(error, values) => describeUserConflict(error, 'create', values.username, { self }, t)}
      fieldWording={(field, text, conflict) => (field === 'username' && conflict ? conflict : text)}
      submitLabel={t('settings.users.create')} className="space-y-4" onClose={onClose}>
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
    </MutationFormDialog>
  );
}

/** Mounted only while open, so every opening starts with an empty form. */
export function CreateUserDialog({ open, onOpenChange, self }: { open: boolean; onOpenChange: (open: boolean) => void; self: string }) {
  return open ? <CreateUserForm self={self} onClose={() => onOpenChange(false)} /> : null;
}
