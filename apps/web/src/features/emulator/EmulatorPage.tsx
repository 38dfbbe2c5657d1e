import './catalogue.ts';
import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { canControlEmulator, useEmulatorStatus } from './api.ts';
import { ClockPanel } from './ClockPanel.tsx';
import { ClockStrip } from './ClockStrip.tsx';
import { DataPanel } from './DataPanel.tsx';
import { FaultForm } from './FaultForm.tsx';
import { FaultList } from './FaultList.tsx';
import { QuotaPanel } from './QuotaPanel.tsx';

/** The QA engineer's controls over the embedded emulator: its data, its clock and its faults. */
export function EmulatorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('emulator.title'));
  const session = useSession();
  const allowed = canControlEmulator(session);
  const status = useEmulatorStatus(allowed);

  let body;
  if (!allowed) {
    body = (
      <div role="alert" className="flex gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
        <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>{session.profile.emulator ? t('emulator.notForRole') : t('emulator.notEmulator', { name: session.profile.name })}</p>
      </div>
    );
  } else if (status.isPending) {
    body = <Spinner label={t('common.loading')} />;
  } else if (status.isError) {
    body = <ErrorNotice title={t('emulator.loadFailed')} error={status.error} onRetry={() => void status.refetch()} />;
  } else {
    body = (
      <div className="space-y-4">
        <ClockStrip status={status.data} receivedAt={status.dataUpdatedAt} />
        <div className="grid items-start gap-4 lg:grid-cols-2">
          <div className="space-y-4">
            <FaultForm />
            <FaultList status={status.data} />
          </div>
          <div className="space-y-4">
            <ClockPanel status={status.data} />
            <QuotaPanel />
            <DataPanel />
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('emulator.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('emulator.intro')}</p>
      {body}
    </div>
  );
}
