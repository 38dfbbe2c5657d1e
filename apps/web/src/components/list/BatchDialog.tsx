import '../catalogue.ts';
import { useState } from 'react';
import { CircleCheck, CircleX, LoaderCircle, Ban } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DialogActions, DialogClose, Modal } from '../Dialog.tsx';
import { errorText } from '../errorText.ts';
import { Link } from 'react-router';
import { BatchItemError, partitionBatch, runBatch, runBatchTask, type BatchResult } from './batch.ts';
import type { BatchAction } from './types.ts';

interface BatchDialogProps<T> {
  action: BatchAction<T>;
  items: readonly T[];
  itemLabel: (item: T) => string;
  getId: (item: T) => string;
  onClose: (ran: boolean) => void;
}

/**
 * Before: which selected items the action will be sent for, and why the others will not.
 * After: one result per item, the refusals in words.
 */
export function BatchDialog<T>({ action, items, itemLabel, getId, onClose }: BatchDialogProps<T>) {
  const { t } = useTranslation();
  const [{ allowed, refused }] = useState(() => partitionBatch(items, action.check));
  const [results, setResults] = useState<BatchResult<T>[] | undefined>();
  const [running, setRunning] = useState(false);
  const [taskId, setTaskId] = useState<string | undefined>();

  const start = () => {
    setRunning(true);
    setResults([]);
    const runMany = action.runMany;
    const sent = runMany
      ? runBatchTask(allowed, runMany, getId).then(({ task, results: all }) => {
          setTaskId(task?.id);
          setResults(all);
        })
      : runBatch(allowed, action.run, (result) => setResults((previous) => [...(previous ?? []), result]));
    void sent.finally(() => setRunning(false));
  };

  const finished = results !== undefined && !running;
  const failures = results?.filter((result) => !result.ok).length ?? 0;

  return (
    <Modal
      open
      wide
      onOpenChange={(open) => {
        if (!open && !running) onClose(results !== undefined);
      }}
      title={t('list.batchTitle', { action: t(action.label), count: items.length })}
      description={
        finished
          ? t('list.batchDone', { ok: (results?.length ?? 0) - failures, failed: failures })
          : t('list.batchSummary', { allowed: allowed.length, refused: refused.length })
      }
    >
      <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-700">
        {allowed.map((item) => {
          const result = results?.find((candidate) => getId(candidate.item) === getId(item));
          const pending = running && !result;
          return (
            <li key={getId(item)} className="flex items-start gap-2 px-3 py-2">
              {result?.ok ? (
                <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
              ) : result ? (
                <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
              ) : pending ? (
                <LoaderCircle aria-hidden className="mt-0.5 size-4 shrink-0 animate-spin text-slate-400" />
              ) : (
                <span aria-hidden className="mt-0.5 size-4 shrink-0" />
              )}
              <span className="min-w-0 flex-1">
                <span className="font-medium">{itemLabel(item)}</span>
                <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
                  {result?.ok ? t('list.itemDone') : result ? t('list.itemFailed') : pending ? t('list.itemRunning') : t('list.itemReady')}
                </span>
                {result && !result.ok && <span className="block text-xs text-red-700 dark:text-red-300">{itemErrorText(result.error, t)}</span>}
              </span>
            </li>
          );
        })}
        {refused.map(({ item, reason }) => (
          <li key={getId(item)} className="flex items-start gap-2 bg-slate-50 px-3 py-2 dark:bg-slate-800/50">
            <Ban aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
            <span className="min-w-0 flex-1">
              <span className="font-medium">{itemLabel(item)}</span>
              <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{t('list.itemSkipped')}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">{t(reason)}</span>
            </span>
          </li>
        ))}
      </ul>
      {finished && taskId && (
        <p className="mt-3 text-sm">
          <Link className="font-medium text-blue-700 hover:underline dark:text-blue-300" to={`/tasks/${encodeURIComponent(taskId)}`} onClick={() => onClose(true)}>
            {t('list.viewTask')}
          </Link>
        </p>
      )}
      <DialogActions>
        {finished ? (
          <DialogClose className="btn-primary">{t('common.close')}</DialogClose>
        ) : (
          <>
            <DialogClose className="btn-secondary" disabled={running}>
              {t('common.cancel')}
            </DialogClose>
            <button
              type="button"
              className={action.danger ? 'btn-danger' : 'btn-primary'}
              disabled={running || allowed.length === 0}
              aria-busy={running}
              onClick={start}
            >
              {running && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
              {t('list.batchRun', { action: t(action.label), count: allowed.length })}
            </button>
          </>
        )}
      </DialogActions>
    </Modal>
  );
}

function itemErrorText(error: unknown, t: TFunction): string {
  if (error instanceof BatchItemError && error.taskError.code === 'NO_ANSWER') return t('list.itemNoAnswer');
  return errorText(error, t);
}
