import type { TaskError } from '@console/contract';
import { CircleX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import { CallLink } from '../calls/CallLink.tsx';
import { qualifiedCode } from './taskModel.ts';

/** Why a task (or one of its items) failed: the reason, and the codes the cloud's support asks for. */
export function TaskErrorBox({ error, compact = false }: { error: TaskError; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`rounded-md border border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200 ${compact ? 'p-2 text-xs' : 'p-3 text-sm'}`}>
      <p className="flex gap-1.5">
        <CircleX aria-hidden className="mt-0.5 size-3.5 shrink-0" />
        <span className="break-words">{error.message}</span>
      </p>
      <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 text-xs text-red-800/90 dark:text-red-200/80">
        <dt>{t('errors.code')}</dt>
        <dd className="font-mono break-all">{qualifiedCode(error)}</dd>
        {error.requestId && (
          <>
            <dt>{t('errors.requestId')}</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <code className="font-mono break-all">{error.requestId}</code>
              <CopyButton value={error.requestId} label={t('errors.copyRequestId')} />
            </dd>
          </>
        )}
      </dl>
      {error.requestId && <CallLink requestId={error.requestId} className="mt-1 text-xs" />}
    </div>
  );
}
