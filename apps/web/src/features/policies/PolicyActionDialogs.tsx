import '../vaults/catalogue.ts';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Policy } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { announceTask } from '../disks/announce.ts';
import { useCbrMutation } from '../vaults/api.ts';
import { deletePolicy, updatePolicy } from './api.ts';

/** Enabling or disabling only starts or stops the schedule: vaults keep the policy either way. */
export function TogglePolicyDialog({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const { t } = useTranslation();
  const toggle = useCbrMutation(() => updatePolicy(policy.id, { enabled: !policy.enabled }), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={policy.enabled ? t('policies.toggle.disableTitle', { name: policy.name }) : t('policies.toggle.enableTitle', { name: policy.name })}
      description={policy.enabled ? t('policies.toggle.disableText', { count: policy.vaultIds.length }) : t('policies.toggle.enableText', { count: policy.vaultIds.length })}
      confirmLabel={policy.enabled ? t('policies.actions.disable') : t('policies.actions.enable')}
      pending={toggle.isPending}
      error={toggle.error ?? undefined}
      onConfirm={() => toggle.mutate(undefined, { onSuccess: onClose })}
    />
  );
}

export function DeletePolicyDialog({ policy, onClose, back = false }: { policy: Policy; onClose: () => void; back?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useCbrMutation(() => deletePolicy(policy.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('policies.delete.title', { name: policy.name })}
      description={t('policies.delete.text', { count: policy.vaultIds.length })}
      confirmLabel={t('policies.actions.delete')}
      danger
      pending={remove.isPending}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => { onClose(); if (back) void navigate('/policies'); } })}
    />
  );
}
