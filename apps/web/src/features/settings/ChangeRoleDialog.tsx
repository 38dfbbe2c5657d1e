import './catalogue.ts';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { RoleSchema, UpdateUserSchema, type UpdateUser, type User } from '@console/contract';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { updateUser, useUserMutation } from './usersApi.ts';
import { describeUserConflict, whyNotChangeRole, type UserContext } from './userRules.ts';

export function ChangeRoleDialog({ user, context, onClose }: { user: User; context: UserContext; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUserMutation(({ role }: UpdateUser) => updateUser(user.username, { role }));
  const form = useForm({
    resolver: zodResolver(UpdateUserSchema),
    defaultValues: { role: user.role },
  });
  const role = useWatch({ control: form.control, name: 'role' }) ?? user.role;

  // The same role is no change: the dialog just closes. Another role must keep an admin who can sign in.
  const allowed = ({ role: chosen }: UpdateUser) => {
    if (!chosen || chosen === user.role) {
      onClose();
      return false;
    }
    const reason = whyNotChangeRole(user, chosen, context);
    if (reason) form.setError('role', { type: wordedErrorType, message: t(reason) });
    return !reason;
  };
  const announce = (changed: User) => showToast({ tone: 'success', title: t('settings.users.roleChanged', { username: user.username, role: t(`role.${changed.role}`) }) });

  return (
    <MutationFormDialog form={form} mutation={update} fields={[]} check={allowed} onAccepted={announce}
      title={t('settings.users.changeRoleTitle', { username: user.username })}
      refusalTitle={t('settings.users.changeFailed')} describeRefusal={(error) => describeUserConflict(error, 'update', user.username, context, t)}
      submitLabel={t('settings.users.saveRole')} className="space-y-4" onClose={onClose}>
      <SelectField
        label={t('settings.users.role')}
        options={RoleSchema.options.map((value) => ({ value, label: t(`role.${value}`) }))}
        help={t(`roleHelp.${role}`)}
        autoFocus
        {...form.register('role')}
        error={fieldErrorText(form.formState.errors.role, t)}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('settings.users.signOutNote')}</p>
    </MutationFormDialog>
  );
}
