import './catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flavor, Server } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors } from '../../components/form/fieldErrors.ts';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { announceTask } from '../disks/announce.ts';
import { resizeServer, useEcsQuotas, useServerMutation } from './api.ts';
import { FlavorPicker } from './FlavorPicker.tsx';
import { ecsQuotaShortfall, flavorSpec, serverLabel } from './serverModel.ts';

/** The new flavor, checked against the vCPU and memory quotas for what it adds. */
export function ResizeDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const quotas = useEcsQuotas();
  const [flavor, setFlavor] = useState<Flavor | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<unknown>();
  const resize = useServerMutation((id: string) => resizeServer(server.id, id), (task) => announceTask(task, t));
  // Only the growth counts against the quotas: the server already holds its current flavor.
  const growth = flavor && { vcpus: Math.max(0, flavor.vcpus - (server.flavor.vcpus ?? 0)), ramMiB: Math.max(0, flavor.ramMiB - (server.flavor.ramMiB ?? 0)) };
  const shortfall = ecsQuotaShortfall(quotas.data ? { ...quotas.data, instances: { limit: null, used: 0 } } : undefined, growth, 1);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    if (!flavor) return setFieldError(t('servers.resize.choose'));
    if (shortfall.length > 0) return setFieldError(t('servers.quota.short', { what: shortfall.map((k) => t(`servers.quota.${k}`)).join(', ') }));
    resize.mutate(flavor.id, {
      onSuccess: onClose,
      onError: (error) => {
        if (!applyServerFieldErrors<{ flavorId: string }>(error, ['flavorId'], (_f, e) => setFieldError(e.message))) setRefusal(error);
      },
    });
  };

  return (
    <Modal
      wide
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('servers.resize.title', { name: serverLabel(server) })}
      description={t('servers.resize.current', { flavor: server.flavor.name, spec: flavorSpec(server.flavor, t) })}
    >
      <form noValidate onSubmit={submit} className="space-y-3">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <p role="note" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-200">
          {server.status === 'SHUTOFF' ? t('servers.resize.whenStopped') : t('servers.resize.whenRunning')}
        </p>
        <FlavorPicker
          zone={server.availabilityZone}
          current={server.flavor.id}
          value={flavor?.id}
          onChange={(f) => {
            setFlavor(f);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <FormButtons submitLabel={t('servers.actions.resize')} pending={resize.isPending} />
      </form>
    </Modal>
  );
}
