import './catalogue.ts';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SetVaultTagsSchema, UpdateVaultSchema, VAULT_SIZE_GIB, type UpdateVault, type Vault, type VaultTag } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { announceTask } from '../disks/announce.ts';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { firstTagError, TagListField } from '../../components/form/TagsField.tsx';
import { deleteVault, setVaultTags, updateVault, useCbrMutation } from './api.ts';
import { CapacityBar } from './VaultCells.tsx';
import { gib } from './vaultModel.ts';

/** Grow the vault: the cloud takes a new size in GiB, never below what its backups use. */
export function ExpandVaultDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const expand = useCbrMutation((change: UpdateVault) => updateVault(vault.id, change), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const min = vault.capacity.sizeGiB + 1;
  const hint = t('vaults.expand.range', { min, max: VAULT_SIZE_GIB.max });
  const { register, handleSubmit, setError, formState } = useForm<UpdateVault>({ resolver: zodResolver(UpdateVaultSchema), defaultValues: { sizeGiB: vault.capacity.sizeGiB * 2 } });
  const submit = handleSubmit((values) => {
    if ((values.sizeGiB ?? 0) < min) {
      setError('sizeGiB', { type: wordedErrorType, message: hint }, { shouldFocus: true });
      return;
    }
    expand.mutate({ sizeGiB: values.sizeGiB }, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['sizeGiB'], setError)) setRefusal(error); } });
  });
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('vaults.expand.title', { name: vault.name })} description={t('vaults.expand.description', { used: gib(vault.capacity.usedGiB), size: gib(vault.capacity.sizeGiB) })}>
      <form noValidate onSubmit={submit} className="space-y-4">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <CapacityBar capacity={vault.capacity} />
        <NumberField label={t('vaults.expand.newSize')} autoFocus min={min} help={hint} {...register('sizeGiB', { setValueAs: toOptionalNumber })} error={fieldErrorText(formState.errors.sizeGiB, t, { too_small: hint, too_big: hint, invalid_type: hint })} />
        <FormButtons submitLabel={t('vaults.actions.expand')} pending={expand.isPending} />
      </form>
    </Modal>
  );
}

/** Name, auto-bind (with its tag rules) and auto-expand; size has its own dialog, tags too. */
export function EditVaultDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useCbrMutation((change: UpdateVault) => updateVault(vault.id, change), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { register, control, handleSubmit, setError, formState } = useForm<UpdateVault>({
    resolver: zodResolver(UpdateVaultSchema),
    defaultValues: { name: vault.name, autoBind: vault.autoBind, bindRules: vault.bindRules, autoExpand: vault.autoExpand },
  });
  const autoBind = useWatch({ control, name: 'autoBind' });
  const submit = handleSubmit((values) =>
    update.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['name', 'bindRules'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('vaults.edit.title', { name: vault.name })}>
      <form noValidate onSubmit={submit} className="space-y-4">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <TextField label={t('vaults.form.name')} autoFocus autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { custom: t('vaults.form.nameRule'), too_big: t('vaults.form.nameRule') })} />
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoBind')} />{t('vaults.form.autoBind')}</label>
        {autoBind && (
          <Controller control={control} name="bindRules" render={({ field }) => (
            <TagListField label={t('vaults.form.bindRules')} help={t('vaults.form.bindRulesHelp')} value={field.value?.tags} onChange={(tags) => field.onChange({ tags })} error={fieldErrorText(firstTagError(formState.errors.bindRules?.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.bindRulesMax') })} />
          )} />
        )}
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoExpand')} />{t('vaults.form.autoExpand')}</label>
        <FormButtons submitLabel={t('vaults.edit.submit')} pending={update.isPending} />
      </form>
    </Modal>
  );
}

export function VaultTagsDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useCbrMutation((tags: VaultTag[]) => setVaultTags(vault.id, tags), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { control, handleSubmit, setError, formState } = useForm<{ tags: VaultTag[] }>({ resolver: zodResolver(SetVaultTagsSchema), defaultValues: { tags: vault.tags } });
  const submit = handleSubmit((values) =>
    save.mutate(values.tags, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['tags'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('vaults.tagsDialog.title', { name: vault.name })} description={t('vaults.tagsDialog.description')}>
      <form noValidate onSubmit={submit}>
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <Controller control={control} name="tags" render={({ field }) => (
          <TagListField label={t('vaults.form.tags')} help={t('vaults.form.tagsHelp')} value={field.value} onChange={field.onChange} error={fieldErrorText(firstTagError(formState.errors.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.tagsMax') })} />
        )} />
        <FormButtons submitLabel={t('vaults.tagsDialog.submit')} pending={save.isPending} />
      </form>
    </Modal>
  );
}

/** Deleting a vault deletes every backup in it: the name is typed to confirm. */
export function DeleteVaultDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const remove = useCbrMutation(() => deleteVault(vault.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('vaults.delete.title', { name: vault.name })}
      description={t('vaults.delete.text', { count: vault.resourceCount })}
      confirmLabel={t('vaults.actions.delete')}
      danger
      disabled={typed !== vault.name}
      pending={remove.isPending}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => { onClose(); void navigate('/vaults'); } })}
    >
      <TextField label={t('vaults.delete.typeName', { name: vault.name })} autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
    </ConfirmDialog>
  );
}
