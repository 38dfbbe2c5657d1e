import './catalogue.ts';
import type { Disk } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { resourcePath } from '../../app/resourceLinks.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { shortenId } from '../../lib/format.ts';
import { diskStatusTones } from './diskModel.ts';
import { diskStatusLabel } from './diskText.ts';

export function DiskStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={diskStatusLabel(status, t)} map={diskStatusTones} />;
}

export function DiskNameCell({ disk }: { disk: Disk }) {
  const { t } = useTranslation();
  return (
    <span className="flex min-w-0 flex-col">
      <Link to={`/disks/${encodeURIComponent(disk.id)}`} className="font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">
        {disk.name || shortenId(disk.id)}
      </Link>
      <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
        <code className="font-mono" title={disk.id}>{shortenId(disk.id)}</code>
        <CopyButton value={disk.id} label={t('disks.copyId')} />
      </span>
    </span>
  );
}

/** The servers a disk is attached to: linked where the console has a server page. */
export function AttachedTo({ disk }: { disk: Pick<Disk, 'attachments'> }) {
  const { t } = useTranslation();
  if (disk.attachments.length === 0) return <span className="text-slate-500 dark:text-slate-400">{t('disks.notAttached')}</span>;
  return (
    <span className="flex flex-col gap-0.5">
      {disk.attachments.map((attachment) => {
        const name = attachment.serverName ?? shortenId(attachment.serverId);
        const path = resourcePath({ type: 'server', id: attachment.serverId });
        return (
          <span key={attachment.serverId} className="whitespace-nowrap">
            {path ? (
              <Link to={path} className="text-blue-700 hover:underline dark:text-blue-300">
                {name}
              </Link>
            ) : (
              <span title={attachment.serverId}>{name}</span>
            )}{' '}
            <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{attachment.device}</code>
          </span>
        );
      })}
    </span>
  );
}

export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <span>{value ? t('disks.yes') : t('disks.no')}</span>;
}

