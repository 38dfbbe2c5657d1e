import { ChevronDown, Cloud, FlaskConical, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '@console/contract';
import { Badge } from '../components/Badge.tsx';
import { errorText } from '../components/errorText.ts';
import { Menu, MenuContent, MenuLabel, MenuRadioGroup, MenuRadioItem, MenuTrigger } from '../components/Menu.tsx';
import { shortenId } from '../lib/format.ts';
import { useProfiles } from '../features/profiles/api.ts';
import { useChooseProfile, useProfileSync } from './useChooseProfile.ts';

function EmulatorBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="amber">
      <FlaskConical aria-hidden className="size-3" />
      {t('profile.emulator')}
    </Badge>
  );
}

/** The header's active-profile slot, which opens the list of profiles to switch to. */
export function ProfileSwitcher({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const profiles = useProfiles(open);
  const switchProfile = useChooseProfile();
  useProfileSync();

  const choose = (id: string) => {
    if (id !== profile.id) switchProfile.choose(id);
  };

  return (
    <div role="group" aria-label={t('profile.active')} className="min-w-0">
      <Menu open={open} onOpenChange={setOpen}>
        {/* Details give way as the header's room shrinks (a container query): the project ID first,
            then the region, then the emulator mark, then the name truncates; on a phone only the
            icon is left. The title and the accessible name keep what is hidden. */}
        <MenuTrigger
          className="flex max-w-full min-w-0 items-center gap-2 overflow-hidden rounded-md border border-slate-200 px-2 py-1 text-xs whitespace-nowrap hover:bg-slate-50 data-[state=open]:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800 dark:data-[state=open]:bg-slate-800"
          aria-label={t('profile.switch', { name: profile.name })}
          title={`${profile.name} · ${profile.region} · ${t('profile.projectIdTitle', { id: profile.projectId })}`}
          disabled={switchProfile.pending}
        >
          {switchProfile.pending ? (
            <LoaderCircle aria-hidden className="size-4 shrink-0 animate-spin text-slate-500" />
          ) : (
            <Cloud aria-hidden className="size-4 shrink-0 text-slate-500 dark:text-slate-400" />
          )}
          <span className="hidden min-w-[4rem] truncate font-medium text-slate-900 @[8rem]:inline dark:text-slate-100">{profile.name}</span>
          <span className="hidden shrink-0 text-slate-600 @xs:inline dark:text-slate-400">{profile.region}</span>
          <span className="hidden shrink-0 font-mono text-slate-600 @md:inline dark:text-slate-400">{shortenId(profile.projectId)}</span>
          {profile.emulator && (
            <span className="hidden shrink-0 @3xs:inline-flex">
              <EmulatorBadge />
            </span>
          )}
          <ChevronDown aria-hidden className="size-3.5 shrink-0 opacity-60" />
        </MenuTrigger>
        <MenuContent align="start" className="w-80">
          <MenuLabel>{t('profile.choose')}</MenuLabel>
          {profiles.isPending && <p className="px-2 py-1.5 text-sm text-slate-600 dark:text-slate-400">{t('common.loading')}</p>}
          {profiles.isError && <p className="px-2 py-1.5 text-sm text-red-700 dark:text-red-300">{errorText(profiles.error, t)}</p>}
          {profiles.data && (
            <MenuRadioGroup value={profile.id} onValueChange={choose}>
              {profiles.data.items.map((item) => (
                <MenuRadioItem key={item.id} value={item.id}>
                  <span className="flex min-w-0 flex-col gap-0.5">
                    <span className="flex items-center gap-2">
                      <span className="truncate font-medium">{item.name}</span>
                      {item.emulator && <EmulatorBadge />}
                    </span>
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {item.region} · <span className="font-mono">{shortenId(item.projectId, 12)}</span>
                    </span>
                  </span>
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
          )}
        </MenuContent>
      </Menu>
    </div>
  );
}
