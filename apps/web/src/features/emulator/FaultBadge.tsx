import { TriangleAlert } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { canControlEmulator, useEmulatorStatus } from './api.ts';

/**
 * The header's warning that the emulator is misbehaving on purpose: while any fault is active,
 * on every page, for everyone who can clear it. Its strings are in the core catalogue, because
 * the header is part of the first download.
 */
export function FaultBadge() {
  const { t } = useTranslation();
  const session = useSession();
  const enabled = canControlEmulator(session);
  const status = useEmulatorStatus(enabled);
  const count = status.data?.faults.length ?? 0;
  if (!enabled || count === 0) return null;
  return (
    <Link
      to="/emulator"
      className="mr-1 inline-flex h-7 items-center gap-1.5 rounded-full bg-amber-100 px-2.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-400 ring-inset hover:bg-amber-200 dark:bg-amber-500/20 dark:text-amber-100 dark:ring-amber-500/60 dark:hover:bg-amber-500/30"
      aria-label={t('faultBadge.label', { count })}
      title={t('faultBadge.title')}
    >
      <TriangleAlert aria-hidden className="size-3.5" />
      {/* the header is crowded below wide screens: there the count says it, the label names it */}
      <span className="hidden 2xl:inline">{t('faultBadge.short', { count })}</span>
      <span className="tabular-nums 2xl:hidden">{count}</span>
    </Link>
  );
}
