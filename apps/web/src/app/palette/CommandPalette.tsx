import './catalogue.ts';
import { useState, type ReactNode } from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { Archive, Camera, Cloud, HardDrive, Keyboard, Languages, Monitor, Moon, Plus, Server, Sun, Vault, type LucideIcon } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchKind } from '@console/contract';
import { chooseLanguage } from '../../i18n/index.ts';
import { languageNames, languages } from '../../i18n/language.ts';
import { setThemePreference } from '../../lib/theme.ts';
import { useSession } from '../../features/auth/session.ts';
import { useProfiles } from '../../features/profiles/api.ts';
import { useChooseProfile } from '../useChooseProfile.ts';
import { navItemsFor } from '../navItems.ts';
import { resourcePath, screenExists } from '../resourceLinks.ts';
import { minSearchLength, useResourceSearch } from './paletteSearch.ts';

const kindIcons: Record<SearchKind, LucideIcon> = { disk: HardDrive, server: Server, snapshot: Camera, vault: Vault, backup: Archive };

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 data-[selected=true]:bg-blue-50 data-[selected=true]:text-blue-900 dark:text-slate-100 dark:data-[selected=true]:bg-blue-950/60 dark:data-[selected=true]:text-blue-100';
const groupClass =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-400';

function Item({ value, keywords, icon: Icon, onSelect, children }: { value: string; keywords?: string[]; icon: LucideIcon; onSelect: () => void; children: ReactNode }) {
  return (
    <Command.Item value={value} {...(keywords ? { keywords } : {})} onSelect={onSelect} className={itemClass}>
      <Icon aria-hidden className="size-4 shrink-0 text-slate-500 dark:text-slate-400" />
      {children}
    </Command.Item>
  );
}

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onShowHelp: () => void;
}

/** Jump to any screen, find a resource by name or ID, or run a common command, by keyboard. */
export function CommandPalette({ open, onOpenChange, onShowHelp }: CommandPaletteProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, profile } = useSession();
  const [text, setText] = useState('');
  const search = useResourceSearch(text);
  const profiles = useProfiles(open);
  const switchProfile = useChooseProfile();
  const canChange = user.role !== 'viewer';

  const run = (action: () => void) => {
    onOpenChange(false);
    setText('');
    action();
  };
  const go = (to: string) => run(() => void navigate(to));

  const hits = (search.data?.items ?? []).flatMap((hit) => {
    const path = resourcePath({ type: hit.type, id: hit.id, name: hit.name });
    return path ? [{ ...hit, path }] : [];
  });
  const otherProfiles = (profiles.data?.items ?? []).filter((item) => item.id !== profile.id);

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 dark:bg-black/60" />
        <RadixDialog.Content
          aria-describedby={undefined}
          className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
        >
          <RadixDialog.Title className="sr-only">{t('palette.title')}</RadixDialog.Title>
          <Command label={t('palette.title')} loop className="flex max-h-[70vh] flex-col">
            <Command.Input
              value={text}
              onValueChange={setText}
              placeholder={t('palette.placeholder')}
              className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-sm text-slate-900 outline-none placeholder:text-slate-500 dark:border-slate-700 dark:text-white dark:placeholder:text-slate-400"
            />
            <Command.List label={t('palette.results')} className="min-h-0 flex-1 overflow-y-auto p-2">
              <Command.Empty className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">
                {search.pending ? t('palette.searching') : t('palette.empty')}
              </Command.Empty>
              <Command.Group heading={t('palette.groups.screens')} className={groupClass}>
                {navItemsFor(user.role, profile.emulator).map((item) => (
                  <Item key={item.to} value={`screen ${t(item.labelKey)} ${item.to}`} icon={item.icon} onSelect={() => go(item.to)}>
                    {t(item.labelKey)}
                  </Item>
                ))}
              </Command.Group>
              {search.enabled && hits.length > 0 && (
                <Command.Group heading={t('palette.groups.resources')} className={groupClass}>
                  {hits.map((hit) => (
                    <Item key={`${hit.type}:${hit.id}`} value={`${hit.type} ${hit.name} ${hit.id}`} keywords={[text]} icon={kindIcons[hit.type]} onSelect={() => go(hit.path)}>
                      <span className="text-xs text-slate-500 dark:text-slate-400">{t(`palette.kinds.${hit.type}`)}</span>
                      <span className="truncate font-medium">{hit.name || hit.id}</span>
                      <code className="ml-auto truncate font-mono text-xs text-slate-500 dark:text-slate-400">{hit.id}</code>
                    </Item>
                  ))}
                </Command.Group>
              )}
              <Command.Group heading={t('palette.groups.actions')} className={groupClass}>
                {canChange && screenExists('/disks') && (
                  <Item value="action create disk" keywords={[t('palette.actions.createDisk')]} icon={Plus} onSelect={() => go('/disks?create')}>
                    {t('palette.actions.createDisk')}
                  </Item>
                )}
                <Item value={`action ${t('palette.actions.themeLight')}`} icon={Sun} onSelect={() => run(() => setThemePreference('light'))}>
                  {t('palette.actions.themeLight')}
                </Item>
                <Item value={`action ${t('palette.actions.themeDark')}`} icon={Moon} onSelect={() => run(() => setThemePreference('dark'))}>
                  {t('palette.actions.themeDark')}
                </Item>
                <Item value={`action ${t('palette.actions.themeSystem')}`} icon={Monitor} onSelect={() => run(() => setThemePreference('system'))}>
                  {t('palette.actions.themeSystem')}
                </Item>
                {languages.map((language) => (
                  <Item key={language} value={`action language ${languageNames[language]} ${language}`} icon={Languages} onSelect={() => run(() => void chooseLanguage(language))}>
                    {t('palette.actions.language', { language: languageNames[language] })}
                  </Item>
                ))}
                <Item value={`action ${t('palette.actions.shortcuts')}`} icon={Keyboard} onSelect={() => run(onShowHelp)}>
                  {t('palette.actions.shortcuts')}
                </Item>
              </Command.Group>
              {otherProfiles.length > 0 && (
                <Command.Group heading={t('palette.groups.profiles')} className={groupClass}>
                  {otherProfiles.map((item) => (
                    <Item
                      key={item.id}
                      value={`profile ${item.name} ${item.region} ${item.id}`}
                      icon={Cloud}
                      onSelect={() => run(() => switchProfile.choose(item.id))}
                    >
                      {t('palette.actions.profile', { name: item.name, region: item.region })}
                    </Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              {search.data && search.data.failed.length > 0
                ? t('palette.searchFailed', { kinds: search.data.failed.map((kind) => t(`palette.kinds.${kind}`)).join(', ') })
                : text.trim().length > 0 && text.trim().length < minSearchLength
                  ? t('palette.typeMore')
                  : t('palette.hint')}
            </p>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
