import './catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whyNotBackUpResource, type Vault } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { usePolicies } from '../policies/api.ts';
import { scheduleSummary } from '../policies/policyText.ts';
import { browserOffsetMinutes } from '../policies/schedule.ts';
import { addVaultResources, backUpVault, removeVaultPolicy, removeVaultResources, setVaultPolicy, useCbrMutation } from './api.ts';
import { ResourcePicker } from './ResourcePicker.tsx';
import { ProtectStatus } from './VaultCells.tsx';
import { cbrRefusalKey } from './vaultModel.ts';

/** Apply a backup policy (replacing the vault's current one) or take it off. */
export function VaultPolicyDialog({ vault, remove = false, onClose }: { vault: Vault; remove?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const policies = usePolicies();
  const [chosen, setChosen] = useState('');
  const change = useCbrMutation(() => (remove ? removeVaultPolicy(vault.id) : setVaultPolicy(vault.id, chosen)), (task) => announceTask(task, t));
  const offset = browserOffsetMinutes();
  const options = (policies.data?.items ?? []).filter((p) => p.type === 'backup' && p.id !== vault.policy?.id);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={remove ? t('vaults.policy.removeTitle', { name: vault.name }) : t('vaults.policy.applyTitle', { name: vault.name })}
      description={remove ? t('vaults.policy.removeText', { policy: vault.policy?.name ?? '' }) : vault.policy ? t('vaults.policy.replaceText', { policy: vault.policy.name }) : t('vaults.policy.applyText')}
      confirmLabel={remove ? t('vaults.actions.removePolicy') : t('vaults.actions.applyPolicy')}
      danger={remove}
      disabled={!remove && !chosen}
      pending={change.isPending}
      error={change.error ?? undefined}
      onConfirm={() => change.mutate(undefined, { onSuccess: onClose })}
    >
      {!remove && (
        <SelectField label={t('vaults.columns.policy')} autoFocus value={chosen} onChange={(e) => setChosen(e.target.value)}
          options={[{ value: '', label: policies.isPending ? t('common.loading') : t('vaults.create.choosePolicy') }, ...options.map((p) => ({ value: p.id, label: `${p.name} — ${scheduleSummary(p.schedule, offset, t)}` }))]} />
      )}
    </ConfirmDialog>
  );
}

/** Back up now: the whole vault, or the resources ticked; a busy resource says why it cannot be. */
export function BackupNowDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [incremental, setIncremental] = useState(true);
  const nameOk = name === '' || /^[A-Za-z0-9_-]{1,64}$/.test(name);
  const run = useCbrMutation(() => backUpVault(vault.id, { incremental, ...(whole ? {} : { resourceIds: chosen }), ...(name ? { name } : {}) }), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('vaults.backupNow.title', { name: vault.name })}
      description={t('vaults.backupNow.description')}
      confirmLabel={t('vaults.actions.backupNow')}
      disabled={!nameOk || (!whole && chosen.length === 0)}
      pending={run.isPending}
      error={run.error ?? undefined}
      onConfirm={() => run.mutate(undefined, { onSuccess: onClose })}
    >
      <div className="space-y-3 text-sm">
        <label className="flex items-center gap-2"><input type="radio" name="backup-scope" className="accent-blue-600" checked={whole} onChange={() => setWhole(true)} />{t('vaults.backupNow.whole', { count: vault.resourceCount })}</label>
        <label className="flex items-center gap-2"><input type="radio" name="backup-scope" className="accent-blue-600" checked={!whole} onChange={() => setWhole(false)} />{t('vaults.backupNow.chosen')}</label>
        {!whole && (
          <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
            {vault.resources.map((r) => {
              const why = cbrRefusalKey(whyNotBackUpResource(r));
              return (
                <li key={r.id} className="flex items-center gap-2">
                  <input id={`now-${r.id}`} type="checkbox" className="size-4 accent-blue-600" disabled={why !== undefined} checked={chosen.includes(r.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((x) => x !== r.id))} />
                  <label htmlFor={`now-${r.id}`} className="flex-1">{r.name || r.id}{why && <span className="block text-xs text-slate-500 dark:text-slate-400">{t(why)}</span>}</label>
                  <ProtectStatus status={r.protectStatus} />
                </li>
              );
            })}
          </ul>
        )}
        <TextField label={t('vaults.backupNow.name')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={nameOk ? undefined : t('vaults.backupNow.nameRule')} />
        <label className="flex items-center gap-2"><input type="checkbox" className="size-4 accent-blue-600" checked={incremental} onChange={(e) => setIncremental(e.target.checked)} />{t('vaults.backupNow.incremental')}</label>
      </div>
    </ConfirmDialog>
  );
}

export function AddResourcesDialog({ vault, onClose }: { vault: Vault; onClose: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const add = useCbrMutation(() => addVaultResources(vault.id, { resources: chosen.map((id) => ({ id })) }), (task) => announceTask(task, t));
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('vaults.resources.addTitle', { name: vault.name })} description={t('vaults.resources.addText')}
      confirmLabel={t('vaults.actions.addResources')} disabled={chosen.length === 0} pending={add.isPending} error={add.error ?? undefined} onConfirm={() => add.mutate(undefined, { onSuccess: onClose })}>
      <ResourcePicker type={vault.protectedType} value={chosen} onChange={setChosen} exclude={vault.resources.map((r) => r.id)} />
    </ConfirmDialog>
  );
}

/** Removing a resource deletes its backups in this vault: said before it is done. */
export function RemoveResourcesDialog({ vault, ids, onClose }: { vault: Vault; ids: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useCbrMutation(() => removeVaultResources(vault.id, ids), (task) => announceTask(task, t));
  const names = vault.resources.filter((r) => ids.includes(r.id)).map((r) => r.name || r.id).join(', ');
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('vaults.resources.removeTitle', { names })} description={t('vaults.resources.removeText')}
      confirmLabel={t('vaults.actions.removeResources')} danger pending={remove.isPending} error={remove.error ?? undefined} onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })} />
  );
}
