import './catalogue.ts';
import { useState, type FormEvent } from 'react';
import { SeedRequestSchema } from '@console/contract';
import { Database, Eraser, Sprout } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { useReset, useSeed } from './api.ts';

const maxScale = 100_000;
const count = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Start over: an empty emulator, the demo set, or thousands of disks and servers for scale. */
export function DataPanel() {
  const { t } = useTranslation();
  const reset = useReset();
  const seed = useSeed();
  const [confirm, setConfirm] = useState<'reset' | 'demo'>();
  const [disks, setDisks] = useState('');
  const [servers, setServers] = useState('');
  const [scaleError, setScaleError] = useState<string>();
  const close = () => {
    setConfirm(undefined);
    reset.reset();
    seed.reset();
  };

  const seedScale = (event: FormEvent) => {
    event.preventDefault();
    const request = { set: 'scale' as const, ...(count(disks) === undefined ? {} : { disks: count(disks) }), ...(count(servers) === undefined ? {} : { servers: count(servers) }) };
    if (!SeedRequestSchema.safeParse(request).success || (request.disks === undefined && request.servers === undefined)) {
      setScaleError(t('emulator.data.scaleRule', { max: maxScale }));
      return;
    }
    setScaleError(undefined);
    seed.mutate(request, {
      onSuccess: () => {
        showToast({ tone: 'success', title: t('emulator.data.scaleAdded', { disks: request.disks ?? 0, servers: request.servers ?? 0 }) });
        setDisks('');
        setServers('');
      },
    });
  };

  return (
    <Card title={t('emulator.data.title')} icon={Database}>
      <div className="space-y-4 py-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('emulator.data.intro')}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" onClick={() => setConfirm('demo')}>
            <Sprout aria-hidden className="size-4" />
            {t('emulator.data.seedDemo')}
          </button>
          <button type="button" className="btn-danger" onClick={() => setConfirm('reset')}>
            <Eraser aria-hidden className="size-4" />
            {t('emulator.data.reset')}
          </button>
        </div>
        <form noValidate onSubmit={seedScale} className="space-y-2" aria-label={t('emulator.data.scaleTitle')}>
          <p className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('emulator.data.scaleTitle')}</p>
          <div className="flex flex-wrap items-start gap-2">
            <TextField className="w-36" label={t('emulator.data.disks')} inputMode="numeric" autoComplete="off" value={disks} onChange={(event) => setDisks(event.target.value)} />
            <TextField className="w-36" label={t('emulator.data.servers')} inputMode="numeric" autoComplete="off" value={servers} onChange={(event) => setServers(event.target.value)} />
            <button type="submit" className="btn-secondary mt-6" disabled={seed.isPending} aria-busy={seed.isPending && !confirm}>
              {t('emulator.data.addScale')}
            </button>
          </div>
          {scaleError && <p className="text-xs text-red-700 dark:text-red-400">{scaleError}</p>}
          {seed.isError && !confirm && <ErrorNotice title={t('common.refused')} error={seed.error} />}
        </form>
      </div>
      <ConfirmDialog
        open={confirm === 'reset'}
        onOpenChange={(open) => !open && close()}
        title={t('emulator.data.resetTitle')}
        description={t('emulator.data.resetDescription')}
        confirmLabel={t('emulator.data.reset')}
        danger
        pending={reset.isPending}
        error={reset.error ?? undefined}
        onConfirm={() => reset.mutate(undefined, { onSuccess: () => { close(); showToast({ tone: 'success', title: t('emulator.data.wasReset') }); } })}
      />
      <ConfirmDialog
        open={confirm === 'demo'}
        onOpenChange={(open) => !open && close()}
        title={t('emulator.data.demoTitle')}
        description={t('emulator.data.demoDescription')}
        confirmLabel={t('emulator.data.seedDemo')}
        danger
        pending={seed.isPending}
        error={seed.error ?? undefined}
        onConfirm={() => seed.mutate({ set: 'demo', reset: true }, { onSuccess: () => { close(); showToast({ tone: 'success', title: t('emulator.data.wasSeeded') }); } })}
      />
    </Card>
  );
}
