import './catalogue.ts';
import { useState } from 'react';
import { Ellipsis, HardDriveDownload, Lock, LockOpen, Maximize2, Pencil, Play, PowerOff, RefreshCcw, RotateCw, Tags, Trash2, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  whyNotDeleteServer, whyNotRebootServer, whyNotReinstallServer, whyNotResizeServer, whyNotStartServer, whyNotStopServer, type Server,
} from '@console/contract';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../../components/Menu.tsx';
import type { TranslationKey } from '../../i18n/keys.ts';
import { ActionButton } from '../disks/ActionButton.tsx';
import { DeleteServerDialog, EditServerDialog, ServerTagsDialog } from './EditDialogs.tsx';
import { OsDialog } from './OsDialog.tsx';
import { LockDialog, PowerDialog } from './PowerDialogs.tsx';
import { ResizeDialog } from './ResizeDialog.tsx';
import { serverRefusalKey } from './serverModel.ts';

type Open = 'start' | 'stop' | 'reboot' | 'resize' | 'reinstall' | 'changeOs' | 'edit' | 'tags' | 'lock' | 'delete' | undefined;

interface MoreItem {
  id: Exclude<Open, undefined>;
  label: string;
  icon: LucideIcon;
  refusal: string | undefined;
}

/** What can be done to the server now; a refused action says why instead of vanishing. */
export function ServerActions({ server }: { server: Server }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const why = (key: TranslationKey | undefined) => (key ? t(key) : undefined);
  const close = () => setOpen(undefined);
  const osRefusal = why(serverRefusalKey(whyNotReinstallServer(server), 'servers.refusal.osNeedsStopped'));
  const more: MoreItem[] = [
    { id: 'reinstall', label: t('servers.actions.reinstall'), icon: RefreshCcw, refusal: osRefusal },
    { id: 'changeOs', label: t('servers.actions.changeOs'), icon: HardDriveDownload, refusal: osRefusal },
    { id: 'edit', label: t('servers.actions.edit'), icon: Pencil, refusal: undefined },
    { id: 'tags', label: t('servers.actions.tags'), icon: Tags, refusal: undefined },
    { id: 'lock', label: server.locked ? t('servers.actions.unlock') : t('servers.actions.lock'), icon: server.locked ? LockOpen : Lock, refusal: undefined },
  ];
  return (
    <>
      <ActionButton label={t('servers.actions.start')} icon={Play} refusal={why(serverRefusalKey(whyNotStartServer(server), 'servers.refusal.needsStopped'))} onClick={() => setOpen('start')} />
      <ActionButton label={t('servers.actions.stop')} icon={PowerOff} refusal={why(serverRefusalKey(whyNotStopServer(server), 'servers.refusal.needsRunning'))} onClick={() => setOpen('stop')} />
      <ActionButton label={t('servers.actions.reboot')} icon={RotateCw} refusal={why(serverRefusalKey(whyNotRebootServer(server), 'servers.refusal.needsRunning'))} onClick={() => setOpen('reboot')} />
      <ActionButton label={t('servers.actions.resize')} icon={Maximize2} refusal={why(serverRefusalKey(whyNotResizeServer(server), 'servers.refusal.needsRunningOrStopped'))} onClick={() => setOpen('resize')} />
      <Menu>
        <MenuTrigger className="btn-secondary">
          <Ellipsis aria-hidden className="size-4" />
          {t('servers.actions.more')}
        </MenuTrigger>
        <MenuContent>
          {more.map((item) => (
            <MenuItem key={item.id} disabled={item.refusal !== undefined} onSelect={() => setOpen(item.id)}>
              <item.icon aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
              <span className="flex flex-col">
                <span>{item.label}</span>
                {item.refusal && <span className="max-w-60 text-xs text-slate-500 dark:text-slate-400">{item.refusal}</span>}
              </span>
            </MenuItem>
          ))}
        </MenuContent>
      </Menu>
      <ActionButton label={t('servers.actions.delete')} icon={Trash2} danger refusal={why(serverRefusalKey(whyNotDeleteServer(server), 'servers.refusal.busy'))} onClick={() => setOpen('delete')} />
      {(open === 'start' || open === 'stop' || open === 'reboot') && <PowerDialog server={server} action={open} onClose={close} />}
      {open === 'resize' && <ResizeDialog server={server} onClose={close} />}
      {(open === 'reinstall' || open === 'changeOs') && <OsDialog server={server} change={open === 'changeOs'} onClose={close} />}
      {open === 'edit' && <EditServerDialog server={server} onClose={close} />}
      {open === 'tags' && <ServerTagsDialog server={server} onClose={close} />}
      {open === 'lock' && <LockDialog server={server} onClose={close} />}
      {open === 'delete' && <DeleteServerDialog server={server} onClose={close} />}
    </>
  );
}
