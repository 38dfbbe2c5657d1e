import '../vaults/catalogue.ts';
import { useMemo, useState } from 'react';
import { History, Plus } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VbsBackup, VbsPolicy } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import { UrlTabs, useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { DataProtectionNav } from '../vaults/DataProtectionNav.tsx';
import { CreateVbsBackupDialog, RestoreVbsDialog, VbsPolicyDialog } from './VbsDialogs.tsx';
import { VbsBindDialog } from './VbsBindDialog.tsx';
import { VbsPolicyFormDialog } from './VbsPolicyForm.tsx';
import { vbsBackupListConfig, vbsPolicyListConfig } from './vbsListConfigs.tsx';

const tabIds = ['backups', 'policies'] as const;
type Open = { kind: 'create' | 'createPolicy' } | { kind: 'restore'; backup: VbsBackup } | { kind: 'toggle' | 'delete' | 'edit' | 'bind' | 'unbind'; policy: VbsPolicy } | undefined;

/** The older disk-backup service, kept for tenants who still have data in it; new work belongs in vaults. */
export function VbsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('vbs.title'));
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const [tab, setTab] = useTabParam(tabIds);
  const [open, setOpen] = useState<Open>();
  const backups = useMemo(() => vbsBackupListConfig(canChange, (backup) => setOpen({ kind: 'restore', backup })), [canChange]);
  const policies = useMemo(() => vbsPolicyListConfig(canChange, {
    onEdit: (policy) => setOpen({ kind: 'edit', policy }), onBind: (policy) => setOpen({ kind: 'bind', policy }), onUnbind: (policy) => setOpen({ kind: 'unbind', policy }),
    onToggle: (policy) => setOpen({ kind: 'toggle', policy }), onDelete: (policy) => setOpen({ kind: 'delete', policy }),
  }), [canChange]);
  const close = () => setOpen(undefined);
  return (
    <div className="mx-auto max-w-7xl">
      <DataProtectionNav />
      <h1 className="flex items-center gap-2 text-xl font-semibold text-slate-900 dark:text-white">
        {t('vbs.title')}
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">{t('vbs.legacyBadge')}</span>
      </h1>
      <div role="note" className="mt-2 mb-4 flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
        <History aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>{t('vbs.legacyNote')} <Link to="/vaults" className="font-medium underline">{t('vbs.useVaults')}</Link></p>
      </div>
      <UrlTabs tabs={[{ id: 'backups', label: t('vbs.backupsTitle') }, { id: 'policies', label: t('vbs.policiesTitle') }]} value={tab} onValueChange={setTab} label={t('vbs.title')}>
        {tab === 'backups' && (
          <DataList config={backups} actions={canChange && (
            <button type="button" className="btn-primary mr-1" onClick={() => setOpen({ kind: 'create' })}><Plus aria-hidden className="size-4" />{t('vbs.create.open')}</button>
          )} />
        )}
        {tab === 'policies' && (
          <DataList config={policies} actions={canChange && (
            <button type="button" className="btn-primary mr-1" onClick={() => setOpen({ kind: 'createPolicy' })}><Plus aria-hidden className="size-4" />{t('vbs.actions.createPolicy')}</button>
          )} />
        )}
      </UrlTabs>
      {open?.kind === 'create' && <CreateVbsBackupDialog onClose={close} />}
      {open?.kind === 'restore' && <RestoreVbsDialog backup={open.backup} onClose={close} />}
      {open?.kind === 'toggle' && <VbsPolicyDialog policy={open.policy} onClose={close} />}
      {open?.kind === 'delete' && <VbsPolicyDialog policy={open.policy} remove onClose={close} />}
      {open?.kind === 'createPolicy' && <VbsPolicyFormDialog onClose={close} />}
      {open?.kind === 'edit' && <VbsPolicyFormDialog policy={open.policy} onClose={close} />}
      {(open?.kind === 'bind' || open?.kind === 'unbind') && <VbsBindDialog policy={open.policy} action={open.kind} onClose={close} />}
    </div>
  );
}
