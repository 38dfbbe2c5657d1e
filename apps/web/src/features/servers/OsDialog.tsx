import './catalogue.ts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ChangeServerOsSchema, ReinstallServerSchema, type ChangeServerOs, type Server } from '@console/contract';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { announceTask } from '../disks/announce.ts';
import { toOptionalText } from '../../components/form/fields.tsx';
import { changeServerOs, reinstallServer, useServerMutation } from './api.ts';
import { LoginFields, type LoginMode } from './LoginFields.tsx';
import { useImages } from './networkApi.ts';
import { serverLabel } from './serverModel.ts';

type OsForm = Partial<ChangeServerOs>;

/** Reinstall from the server's image, or change to another; the system disk is wiped either way. */
export function OsDialog({ server, change, onClose }: { server: Server; change: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const images = useImages({}, change);
  const [mode, setMode] = useState<LoginMode>(change ? 'keypair' : 'keep');
  const run = useServerMutation(
    (v: OsForm) => {
      const login = { ...(v.keyName ? { keyName: v.keyName } : {}), ...(v.adminPass !== undefined ? { adminPass: v.adminPass } : {}) };
      return change ? changeServerOs(server.id, { imageId: v.imageId!, ...login }) : reinstallServer(server.id, login);
    },
    (task) => announceTask(task, t),
  );
  const form = useForm<OsForm>({
    resolver: zodResolver(change ? ChangeServerOsSchema : ReinstallServerSchema) as never,
    shouldUnregister: true,
    defaultValues: { imageId: '' },
  });
  const { register, formState } = form;
  const { errors } = formState;
  // A key pair chosen as the way in must be named: the schema cannot know which way was chosen.
  const loginChosen = (values: OsForm) => {
    if (mode !== 'keypair' || values.keyName) return true;
    form.setError('keyName', { type: wordedErrorType, message: t('servers.login.chooseKeypair') }, { shouldFocus: true });
    return false;
  };
  const passRule = t('servers.login.passwordInvalid');
  const imageItems = (images.data?.items ?? []).filter((image) => image.status === 'active' && image.id !== server.image?.id);

  return (
    <MutationFormDialog form={form} mutation={run} fields={['imageId', 'keyName', 'adminPass']} check={loginChosen} danger
      title={change ? t('servers.os.changeTitle', { name: serverLabel(server) }) : t('servers.os.reinstallTitle', { name: serverLabel(server) })} description={t('servers.os.description', { image: server.image?.name ?? server.image?.id ?? '' })}
      submitLabel={change ? t('servers.actions.changeOs') : t('servers.actions.reinstall')} className="space-y-4" onClose={onClose}>
      <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">{t('servers.os.wipeWarning')}</p>
      {change && images.isError && <ErrorNotice title={t('servers.os.imagesFailed')} error={images.error} onRetry={() => void images.refetch()} />}
      {change && (
        <SelectField
          label={t('servers.os.image')}
          autoFocus
          options={[{ value: '', label: images.isPending ? t('common.loading') : t('servers.os.chooseImage') }, ...imageItems.map((image) => ({ value: image.id, label: `${image.name} (${image.osType})` }))]}
          {...register('imageId')}
          error={fieldErrorText(errors.imageId, t, { invalid_format: t('servers.os.chooseImage'), invalid_type: t('servers.os.chooseImage') })}
        />
      )}
      <LoginFields
        mode={mode}
        onModeChange={setMode}
        allowKeep={!change}
        keyField={register('keyName', { setValueAs: toOptionalText })}
        passField={register('adminPass')}
        keyError={fieldErrorText(errors.keyName, t, { too_small: t('servers.login.chooseKeypair'), custom: t('servers.login.chooseKeypair') })}
        passError={fieldErrorText(errors.adminPass, t, { custom: passRule, invalid_type: passRule })}
      />
    </MutationFormDialog>
  );
}
