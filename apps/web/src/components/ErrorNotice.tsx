import { CircleAlert, RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText.ts';

interface ErrorNoticeProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, said in words, with a retry when the caller can offer one. */
export function ErrorNotice({ title, error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5 break-words">{errorText(error, t)}</p>
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
