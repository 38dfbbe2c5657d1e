import '../vaults/catalogue.ts';
import '../vaults/liveCbr.ts';
import { useMemo, useState } from 'react';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { DataProtectionNav } from '../vaults/DataProtectionNav.tsx';
import { DeletePolicyDialog, TogglePolicyDialog } from './PolicyActionDialogs.tsx';
import { PolicyDialog } from './PolicyDialog.tsx';
import { policyListConfig } from './policyListConfig.tsx';

type Open = { kind: 'edit' | 'toggle' | 'delete'; policy: Policy } | { kind: 'create' } | undefined;

export function PoliciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('policies.title'));
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const [open, setOpen] = useState<Open>();
  const config = useMemo(() => policyListConfig(canChange, {
    onEdit: (policy) => setOpen({ kind: 'edit', policy }),
    onToggle: (policy) => setOpen({ kind: 'toggle', policy }),
    onDelete: (policy) => setOpen({ kind: 'delete', policy }),
  }), [canChange]);
  const close = () => setOpen(undefined);
  return (
    <div className="mx-auto max-w-7xl">
      <DataProtectionNav />
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('policies.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('policies.intro')}</p>
      <DataList
        config={config}
        actions={canChange && (
          <button type="button" className="btn-primary mr-1" onClick={() => setOpen({ kind: 'create' })}>
            <Plus aria-hidden className="size-4" />
            {t('policies.create.open')}
          </button>
        )}
      />
      {open?.kind === 'create' && <PolicyDialog onClose={close} />}
      {open?.kind === 'edit' && <PolicyDialog policy={open.policy} onClose={close} />}
      {open?.kind === 'toggle' && <TogglePolicyDialog policy={open.policy} onClose={close} />}
      {open?.kind === 'delete' && <DeletePolicyDialog policy={open.policy} onClose={close} />}
    </div>
  );
}
