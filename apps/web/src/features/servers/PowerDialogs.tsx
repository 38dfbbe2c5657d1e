import './catalogue.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Server } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { announceTask } from '../disks/announce.ts';
import { confirmResize, lockServer, revertResize, serverBatchAction, single, useServerMutation } from './api.ts';
import { serverLabel } from './serverModel.ts';

type Power = 'start' | 'stop' | 'reboot';

/** Start at once; stop and reboot ask whether the guest OS gets to shut down first. */
export function PowerDialog({ server, action, onClose }: { server: Server; action: Power; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useId();
  const [type, setType] = useState<'SOFT' | 'HARD'>('SOFT');
  const run = useServerMutation(
    () => single(serverBatchAction({ action, ids: [server.id], ...(action === 'start' ? {} : { type }) })),
    (task) => announceTask(task, t),
  );
  const titles = { start: t('servers.power.startTitle', { name: serverLabel(server) }), stop: t('servers.power.stopTitle', { name: serverLabel(server) }), reboot: t('servers.power.rebootTitle', { name: serverLabel(server) }) };
  const labels = { start: t('servers.actions.start'), stop: t('servers.actions.stop'), reboot: t('servers.actions.reboot') };
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={titles[action]}
      description={action === 'start' ? t('servers.power.startDescription') : undefined}
      confirmLabel={labels[action]}
      danger={action !== 'start' && type === 'HARD'}
      pending={run.isPending}
      error={run.error ?? undefined}
      onConfirm={() => run.mutate(undefined, { onSuccess: onClose })}
    >
      {action !== 'start' && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('servers.power.how')}</legend>
          {(['SOFT', 'HARD'] as const).map((choice) => (
            <label key={choice} className="flex items-start gap-2 text-sm">
              <input type="radio" name={name} className="mt-0.5 size-4 accent-blue-600" checked={type === choice} onChange={() => setType(choice)} />
              <span>
                <span className="font-medium">{choice === 'SOFT' ? t('servers.power.soft') : t(action === 'stop' ? 'servers.power.hardStop' : 'servers.power.hardReboot')}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{choice === 'SOFT' ? t('servers.power.softHelp') : t('servers.power.hardHelp')}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </ConfirmDialog>
  );
}

/** A resized server waits in VERIFY_RESIZE: keep the new flavor, or go back to the old one. */
export function ResizeEndDialog({ server, keep, onClose }: { server: Server; keep: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useServerMutation(() => (keep ? confirmResize(server.id) : revertResize(server.id)), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={keep ? t('servers.resize.confirmTitle', { flavor: server.flavor.name }) : t('servers.resize.revertTitle')}
      description={keep ? t('servers.resize.confirmDescription') : t('servers.resize.revertDescription')}
      confirmLabel={keep ? t('servers.actions.confirmResize') : t('servers.actions.revertResize')}
      pending={run.isPending}
      error={run.error ?? undefined}
      onConfirm={() => run.mutate(undefined, { onSuccess: onClose })}
    />
  );
}

export function LockDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const lock = !server.locked;
  const run = useServerMutation(() => lockServer(server.id, lock), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={lock ? t('servers.lock.lockTitle', { name: serverLabel(server) }) : t('servers.lock.unlockTitle', { name: serverLabel(server) })}
      description={lock ? t('servers.lock.lockDescription') : t('servers.lock.unlockDescription')}
      confirmLabel={lock ? t('servers.actions.lock') : t('servers.actions.unlock')}
      pending={run.isPending}
      error={run.error ?? undefined}
      onConfirm={() => run.mutate(undefined, { onSuccess: onClose })}
    />
  );
}
