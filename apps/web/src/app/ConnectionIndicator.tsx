import { LoaderCircle, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './LiveEvents.tsx';

/** Whether live updates are flowing: shown as words and an icon, not as a coloured dot alone. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const live = status === 'connected';
  const label = live ? t('live.connected') : status === 'reconnecting' ? t('live.reconnecting') : t('live.connecting');
  return (
    <span
      role="status"
      title={live ? t('live.connectedHelp') : t('live.reconnectingHelp')}
      className={`inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-xs font-medium ${
        live ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-300'
      }`}
    >
      {live ? <Radio aria-hidden className="size-4" /> : <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />}
      <span className="sr-only lg:not-sr-only">{label}</span>
    </span>
  );
}
