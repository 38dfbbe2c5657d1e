import '../catalogue.ts';
import { Archive, Camera, CircleCheck, CircleX, HardDrive, ListTodo, LoaderCircle, Server, Vault } from 'lucide-react';
import { backupSuccessRate, type Overview } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../lib/format.ts';
import { diskStatusLabel } from '../../disks/diskText.ts';
import { openTasksParams, useTaskPage } from '../../tasks/api.ts';
import { formatCount, formatGiB } from './format.ts';
import { listHref, localDay } from './links.ts';
import { serverStatusLabel, statusEntries } from './statusModel.ts';
import { Tile, TileLine } from './Tile.tsx';

/** Failed tasks counted on the overview: beyond a page, "100+" says enough. */
const failedTasksLimit = 100;

/** Tasks shown and counted from the task caches the event stream keeps current. */
function TaskTile({ since }: { since: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const open = useTaskPage(openTasksParams);
  const failed = useTaskPage({ status: 'failed', since, limit: failedTasksLimit });
  const count = (page: typeof open.data) =>
    page === undefined ? undefined : page.nextBefore ? t('overview.tiles.atLeast', { count: page.items.length }) : formatCount(page.items.length, locale);
  const running = count(open.data);
  const failedCount = count(failed.data);
  const failedHref = listHref('/tasks', { status: 'failed', since: localDay(since) });
  return (
    <Tile
      title={t('overview.tiles.tasks')}
      icon={ListTodo}
      value={running}
      href={listHref('/tasks', { status: 'open' })}
      linkLabel={t('overview.tiles.showList', { what: t('overview.tiles.running'), count: running ?? '' })}
    >
      <TileLine href={listHref('/tasks', { status: 'open' })} count={running ?? '…'} label={t('overview.tiles.running')} icon={<LoaderCircle aria-hidden className="size-3 shrink-0" />} />
      <TileLine href={failedHref} count={failedCount ?? '…'} label={t('overview.tiles.failed24h')} icon={<CircleX aria-hidden className="size-3 shrink-0" />} />
    </Tile>
  );
}

export function StatTiles({ data, since }: { data: Overview | undefined; since: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const n = (value: number | undefined) => (value === undefined ? undefined : formatCount(value, locale));
  const show = (what: string, count: string | undefined) => t('overview.tiles.showList', { what, count: count ?? '' });
  const { disks, servers, snapshots, vaults, backups } = data ?? {};
  const rate = backups && backupSuccessRate(backups);
  const backupDay = backups ? localDay(backups.since) : undefined;

  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <Tile title={t('overview.tiles.disks')} icon={HardDrive} value={n(disks?.total)} href="/disks" linkLabel={show(t('overview.tiles.disks'), n(disks?.total))}>
        {disks && <p>{t('overview.tiles.capacity', { size: formatGiB(disks.sizeGiB, locale) })}</p>}
        {disks &&
          statusEntries(disks.byStatus)
            .slice(0, 3)
            .map(([status, count]) => <TileLine key={status} href={listHref('/disks', { status })} count={formatCount(count, locale)} label={diskStatusLabel(status, t)} />)}
      </Tile>
      <Tile title={t('overview.tiles.servers')} icon={Server} value={n(servers?.total)} href="/servers" linkLabel={show(t('overview.tiles.servers'), n(servers?.total))}>
        {servers &&
          statusEntries(servers.byStatus)
            .slice(0, 3)
            .map(([status, count]) => <TileLine key={status} href={listHref('/servers', { status })} count={formatCount(count, locale)} label={serverStatusLabel(status, t)} />)}
      </Tile>
      <Tile title={t('overview.tiles.snapshots')} icon={Camera} value={n(snapshots?.total)} href="/snapshots" linkLabel={show(t('overview.tiles.snapshots'), n(snapshots?.total))} />
      <Tile title={t('overview.tiles.vaults')} icon={Vault} value={n(vaults?.total)} href="/vaults" linkLabel={show(t('overview.tiles.vaults'), n(vaults?.total))}>
        {vaults && <p>{t('overview.tiles.vaultUsage', { used: formatGiB(vaults.usedGiB, locale), size: formatGiB(vaults.sizeGiB, locale) })}</p>}
      </Tile>
      <Tile
        title={t('overview.tiles.backups')}
        icon={Archive}
        value={n(backups?.total)}
        href={listHref('/backups', { since: backupDay })}
        linkLabel={show(t('overview.tiles.backups'), n(backups?.total))}
      >
        {backups && <p>{rate === undefined ? t('overview.tiles.noneFinished') : t('overview.tiles.successRate', { rate: new Intl.NumberFormat(locale).format(rate) })}</p>}
        {backups && (
          <>
            <TileLine href={listHref('/backups', { since: backupDay, status: 'available' })} count={formatCount(backups.succeeded, locale)} label={t('overview.tiles.succeeded')} icon={<CircleCheck aria-hidden className="size-3 shrink-0" />} />
            <TileLine href={listHref('/backups', { since: backupDay, status: 'error' })} count={formatCount(backups.failed, locale)} label={t('overview.tiles.failed')} icon={<CircleX aria-hidden className="size-3 shrink-0" />} />
          </>
        )}
      </Tile>
      <TaskTile since={since} />
    </div>
  );
}
