import './catalogue.ts';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SetVaultTagsSchema, UpdateVaultSchema, VAULT_SIZE_GIB, type UpdateVault, type Vault, type VaultTag } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { firstTagError, TagListField } from '../../components/form/TagsField.tsx';
import { deleteVault, setVaultTags, updateVault, useCbrMutation } from './api.ts';
import { CapacityBar } from './VaultCells.tsx';
import { gib } from './vaultModel.ts';

/** Grow the vault: the cloud takes a new size in GiB, never below what its backups use. */
export function ExpandVaultDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const expand = useCbrMutation(({ sizeGiB }: UpdateVault) => updateVault(vault.id, { sizeGiB }), (task) => announceTask(task, t));
  const min = vault.capacity.sizeGiB + 1;
  const hint = t('vaults.expand.range', { min, max: VAULT_SIZE_GIB.max });
  const form = useForm<UpdateVault>({ resolver: zodResolver(UpdateVaultSchema), defaultValues: { sizeGiB: vault.capacity.sizeGiB * 2 } });
  const grows = (values: UpdateVault) => {
    if ((values.sizeGiB ?? 0) >= min) return true;
    form.setError('sizeGiB', { type: wordedErrorType, message: hint }, { shouldFocus: true });
    return false;
  };
  return (
    <MutationFormDialog form={form} mutation={expand} fields={['sizeGiB']} check={grows}
      title={t('vaults.expand.title', { name: vault.name })} description={t('vaults.expand.description', { used: gib(vault.capacity.usedGiB), size: gib(vault.capacity.sizeGiB) })}
      submitLabel={t('vaults.actions.expand')} className="space-y-4" onClose={onClose}>
      <CapacityBar capacity={vault.capacity} />
      <NumberField label={t('vaults.expand.newSize')} autoFocus min={min} help={hint} {...form.register('sizeGiB', { setValueAs: toOptionalNumber })} error={fieldErrorText(form.formState.errors.sizeGiB, t, { too_small: hint, too_big: hint, invalid_type: hint })} />
    </MutationFormDialog>
  );
}

/** Name, auto-bind (with its tag rules) and auto-expand; size has its own dialog, tags too. */
export function EditVaultDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useCbrMutation((change: UpdateVault) => updateVault(vault.id, change), (task) => announceTask(task, t));
  const form = useForm<UpdateVault>({
    resolver: zodResolver(UpdateVaultSchema),
    defaultValues: { name: vault.name, autoBind: vault.autoBind, bindRules: vault.bindRules, autoExpand: vault.autoExpand },
  });
  const { register, control, formState } = form;
  const autoBind = useWatch({ control, name: 'autoBind' });
  return (
    <MutationFormDialog form={form} mutation={update} fields={['name', 'bindRules']} title={t('vaults.edit.title', { name: vault.name })} submitLabel={t('vaults.edit.submit')} className="space-y-4" onClose={onClose}>
      <TextField label={t('vaults.form.name')} autoFocus autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { custom: t('vaults.form.nameRule'), too_big: t('vaults.form.nameRule') })} />
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoBind')} />{t('vaults.form.autoBind')}</label>
      {autoBind && (
        <Controller control={control} name="bindRules" render={({ field }) => (
          <TagListField label={t('vaults.form.bindRules')} help={t('vaults.form.bindRulesHelp')} value={field.value?.tags} onChange={(tags) => field.onChange({ tags })} error={fieldErrorText(firstTagError(formState.errors.bindRules?.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.bindRulesMax') })} />
        )} />
      )}
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoExpand')} />{t('vaults.form.autoExpand')}</label>
    </MutationFormDialog>
  );
}

export function VaultTagsDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useCbrMutation(({ tags }: { tags: VaultTag[] }) => setVaultTags(vault.id, tags), (task) => announceTask(task, t));
  const form = useForm<{ tags: VaultTag[] }>({ resolver: zodResolver(SetVaultTagsSchema), defaultValues: { tags: vault.tags } });
  const { errors } = form.formState;
  return (
    <MutationFormDialog form={form} mutation={save} fields={['tags']} title={t('vaults.tagsDialog.title', { name: vault.name })} description={t('vaults.tagsDialog.description')} submitLabel={t('vaults.tagsDialog.submit')} onClose={onClose}>
      <Controller control={form.control} name="tags" render={({ field }) => (
        <TagListField label={t('vaults.form.tags')} help={t('vaults.form.tagsHelp')} value={field.value} onChange={field.onChange} error={fieldErrorText(firstTagError(errors.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.tagsMax') })} />
      )} />
    </MutationFormDialog>
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
