import './catalogue.ts';
import type { EmulatorStatus } from '@console/contract';
import { Clock, Pause, Play, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { useNow } from '../../components/useNow.ts';
import { formatDateTime } from '../../lib/format.ts';
import { emulatorNow } from './emulatorModel.ts';
import { speedLabel } from './emulatorText.ts';

/**
 * The emulator's time, ticking while it runs, and what is in force: it stays at the top of the
 * panel while the controls below scroll, because every control's effect is read against it.
 */
export function ClockStrip({ status, receivedAt }: { status: EmulatorStatus; receivedAt: number }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const at = new Date(emulatorNow(status.clock, receivedAt, now)).toISOString();
  const faults = status.faults.length;
  return (
    <div
      role="status"
      aria-label={t('emulator.clock.strip')}
      className="sticky top-12 z-10 -mx-1 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur dark:border-slate-800 dark:bg-slate-900/95"
    >
      <span className="inline-flex items-center gap-2">
        <Clock aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
        <span className="text-slate-600 dark:text-slate-300">{t('emulator.clock.time')}</span>
        <time dateTime={at} className="font-mono font-semibold text-slate-900 tabular-nums dark:text-white" data-testid="emulator-time">
          {formatDateTime(at, i18n.language)}
        </time>
      </span>
      {status.clock.frozen ? (
        <Badge tone="blue">
          <Pause aria-hidden className="size-3" />
          {t('emulator.clock.frozen')}
        </Badge>
      ) : (
        <Badge tone="green">
          <Play aria-hidden className="size-3" />
          {t('emulator.clock.running')}
        </Badge>
      )}
      <span className="text-slate-600 dark:text-slate-300">{t('emulator.clock.speedIs', { speed: speedLabel(status.clock.speed, t) })}</span>
      {faults > 0 ? (
        <Badge tone="amber">
          <TriangleAlert aria-hidden className="size-3" />
          {t('emulator.faults.count', { count: faults })}
        </Badge>
      ) : (
        <span className="text-slate-500 dark:text-slate-400">{t('emulator.faults.none')}</span>
      )}
    </div>
  );
}
