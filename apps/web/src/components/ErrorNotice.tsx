import { CircleAlert, RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../lib/api.ts';
import { CallLink } from '../features/calls/CallLink.tsx';
import { CopyButton } from './CopyButton.tsx';
import { errorText } from './errorText.ts';

interface ErrorNoticeProps {
  title: string;
  error: unknown;
  /** Words for this situation when the caller knows better than the generic text (a 409's reason). */
  message?: string | undefined;
  onRetry?: () => void;
}

/**
 * A failed load or a refused change, said in words, with the codes support needs: the console's
 * error code and, when the cloud refused, the cloud's code and request id (copyable).
 */
export function ErrorNotice({ title, error, message, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiRequestError ? error : undefined;
  const requestId = apiError?.upstream?.requestId;
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5 break-words">{message ?? errorText(error, t)}</p>
        {apiError && (
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-red-800/80 dark:text-red-200/80">
            <span>
              {t('errors.code')} <code className="font-mono">{apiError.upstream?.code ?? apiError.code}</code>
            </span>
            {requestId && (
              <span className="inline-flex items-center gap-1">
                {t('errors.requestId')} <code className="font-mono break-all">{requestId}</code>
                <CopyButton value={requestId} label={t('errors.copyRequestId')} />
              </span>
            )}
            {requestId && <CallLink requestId={requestId} />}
          </p>
        )}
        {onRetry && (
          <button type="button" onClick={onRetry} className="btn-secondary mt-2">
            <RotateCw aria-hidden className="size-3.5" />
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
