import './catalogue.ts';
import type { Server } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Lock } from 'lucide-react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { shortenId } from '../../lib/format.ts';
import { flavorSpec, serverStatusLabel, serverStatusTones } from './serverModel.ts';

export const serverPath = (id: string) => `/servers/${encodeURIComponent(id)}`;

/** The status as the cloud's task state tells it: "Stopping" while still ACTIVE. */
export function ServerStatus({ server }: { server: Pick<Server, 'statusText' | 'status' | 'taskState'> }) {
  const { t } = useTranslation();
  const detail = server.taskState ? `${server.status} / ${server.taskState}` : server.status;
  return (
    <span title={detail} className="inline-flex">
      <StatusBadge status={server.statusText} label={serverStatusLabel(server.statusText, t)} map={serverStatusTones} />
    </span>
  );
}

export function ServerNameCell({ server }: { server: Server }) {
  const { t } = useTranslation();
  return (
    <span className="flex min-w-0 flex-col">
      <span className="inline-flex items-center gap-1">
        <Link to={serverPath(server.id)} className="font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">
          {server.name || shortenId(server.id)}
        </Link>
        {server.locked && <Lock aria-label={t('servers.locked')} className="size-3.5 text-amber-600 dark:text-amber-400" />}
      </span>
      <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
        <code className="font-mono" title={server.id}>{shortenId(server.id)}</code>
        <CopyButton value={server.id} label={t('servers.copyId')} />
      </span>
    </span>
  );
}

export function FlavorCell({ flavor }: { flavor: Server['flavor'] }) {
  const { t } = useTranslation();
  const spec = flavorSpec(flavor, t);
  return (
    <span className="flex flex-col whitespace-nowrap">
      <span>{flavor.name}</span>
      {spec && <span className="text-xs text-slate-500 dark:text-slate-400">{spec}</span>}
    </span>
  );
}

export function AddressesCell({ addresses }: { addresses: Server['addresses'] }) {
  const { t } = useTranslation();
  if (addresses.private.length + addresses.public.length === 0) return <span className="text-slate-500 dark:text-slate-400">{t('common.none')}</span>;
  return (
    <span className="flex flex-col font-mono text-xs whitespace-nowrap">
      {addresses.private.map((ip) => <span key={ip} title={t('servers.privateIp')}>{ip}</span>)}
      {addresses.public.map((ip) => <span key={ip} title={t('servers.publicIp')}>{`${ip} (${t('servers.publicShort')})`}</span>)}
    </span>
  );
}
