import { Cloud, FlaskConical } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '@console/contract';
import { Badge } from '../components/Badge.tsx';
import { shortenId } from '../lib/format.ts';

/**
 * The header's active-profile slot. It is laid out as a single control so that it can turn into
 * the profile switcher's trigger without moving anything around it.
 */
export function ProfileIndicator({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  return (
    <div
      className="flex min-w-0 items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-xs dark:border-slate-700"
      aria-label={t('profile.active')}
      role="group"
    >
      <Cloud aria-hidden className="size-4 shrink-0 text-slate-500 dark:text-slate-400" />
      <span className="min-w-[4rem] truncate font-medium text-slate-900 dark:text-slate-100" title={profile.name}>
        {profile.name}
      </span>
      <span className="hidden text-slate-500 sm:inline dark:text-slate-400">{profile.region}</span>
      <span
        className="hidden font-mono text-slate-500 lg:inline dark:text-slate-400"
        title={t('profile.projectIdTitle', { id: profile.projectId })}
      >
        {shortenId(profile.projectId)}
      </span>
      {profile.emulator && (
        <Badge tone="amber">
          <FlaskConical aria-hidden className="size-3" />
          {t('profile.emulator')}
        </Badge>
      )}
    </div>
  );
}
