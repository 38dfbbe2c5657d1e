import './catalogue.ts';
import { useState } from 'react';
import { Archive, Expand, FilePlus2, FileX2, Pencil, Plus, Tags, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { VaultRefusals, whyNotDeleteVault, whyNotUseVault, type Vault } from '@console/contract';
import { ActionButton } from '../disks/ActionButton.tsx';
import { DeleteVaultDialog, EditVaultDialog, ExpandVaultDialog, VaultTagsDialog } from './VaultDialogs.tsx';
import { cbrRefusalKey } from './vaultModel.ts';
import { AddResourcesDialog, BackupNowDialog, VaultPolicyDialog } from './VaultWorkDialogs.tsx';

type Open = 'backup' | 'add' | 'expand' | 'edit' | 'apply' | 'remove' | 'tags' | 'delete' | undefined;

/** What can be done to the vault now; each refused action says why instead of vanishing. */
export function VaultActions({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const reason = (key: ReturnType<typeof cbrRefusalKey>) => (key ? t(key) : undefined);
  const usable = cbrRefusalKey(whyNotUseVault(vault, 'this'));
  const backupRefusal = usable ?? (vault.resourceCount === 0 ? cbrRefusalKey({ code: VaultRefusals.notInVault, message: '' }) : undefined);
  const close = () => setOpen(undefined);
  return (
    <>
      <ActionButton label={t('vaults.actions.backupNow')} icon={Archive} refusal={reason(backupRefusal)} onClick={() => setOpen('backup')} />
      <ActionButton label={t('vaults.actions.addResources')} icon={Plus} refusal={reason(usable)} onClick={() => setOpen('add')} />
      <ActionButton label={t('vaults.actions.expand')} icon={Expand} refusal={reason(usable)} onClick={() => setOpen('expand')} />
      <ActionButton label={t('vaults.actions.edit')} icon={Pencil} refusal={reason(usable)} onClick={() => setOpen('edit')} />
      <ActionButton label={t('vaults.actions.applyPolicy')} icon={FilePlus2} onClick={() => setOpen('apply')} />
      <ActionButton label={t('vaults.actions.removePolicy')} icon={FileX2} refusal={vault.policy ? undefined : t('vaults.refusal.noPolicy')} onClick={() => setOpen('remove')} />
      <ActionButton label={t('vaults.actions.tags')} icon={Tags} onClick={() => setOpen('tags')} />
      <ActionButton label={t('vaults.actions.delete')} icon={Trash2} danger refusal={reason(cbrRefusalKey(whyNotDeleteVault(vault)))} onClick={() => setOpen('delete')} />
      {open === 'backup' && <BackupNowDialog vault={vault} onClose={close} />}
      {open === 'add' && <AddResourcesDialog vault={vault} onClose={close} />}
      {open === 'expand' && <ExpandVaultDialog vault={vault} onClose={close} />}
      {open === 'edit' && <EditVaultDialog vault={vault} onClose={close} />}
      {open === 'apply' && <VaultPolicyDialog vault={vault} onClose={close} />}
      {open === 'remove' && <VaultPolicyDialog vault={vault} remove onClose={close} />}
      {open === 'tags' && <VaultTagsDialog vault={vault} onClose={close} />}
      {open === 'delete' && <DeleteVaultDialog vault={vault} onClose={close} />}
    </>
  );
}
