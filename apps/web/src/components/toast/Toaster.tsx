import * as Toast from '@radix-ui/react-toast';
import { CircleCheck, CircleX, Info, X } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dismissToast, type ToastMessage, type ToastTone } from './toastStore.ts';

const looks: Record<ToastTone, { icon: typeof Info; className: string }> = {
  success: { icon: CircleCheck, className: 'text-emerald-600 dark:text-emerald-400' },
  error: { icon: CircleX, className: 'text-red-600 dark:text-red-400' },
  info: { icon: Info, className: 'text-blue-600 dark:text-blue-400' },
};

/** Failures stay longer: they usually need reading, and maybe a click through to the details. */
const durations: Record<ToastTone, number> = { success: 8000, info: 6000, error: 15000 };

/** Renders the queued toasts; Radix handles the live region, swipe, hover pause and F8 focus. */
export default function Toaster({ toasts }: { toasts: readonly ToastMessage[] }) {
  const { t } = useTranslation();
  return (
    <Toast.Provider label={t('toast.region')}>
      {toasts.map((toast) => {
        const look = looks[toast.tone];
        const Icon = look.icon;
        return (
          <Toast.Root
            key={toast.id}
            duration={durations[toast.tone]}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) dismissToast(toast.id);
            }}
            className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${look.className}`} />
            <div className="min-w-0 flex-1">
              <Toast.Title className="font-medium text-slate-900 dark:text-white">{toast.title}</Toast.Title>
              {toast.description && (
                <Toast.Description className="mt-0.5 break-words text-slate-600 dark:text-slate-300">{toast.description}</Toast.Description>
              )}
              {toast.link && (
                <Toast.Action altText={toast.link.label} asChild>
                  <Link to={toast.link.to} className="mt-1 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {toast.link.label}
                  </Link>
                </Toast.Action>
              )}
            </div>
            <Toast.Close className="btn-icon size-6" aria-label={t('common.close')}>
              <X aria-hidden className="size-3.5" />
            </Toast.Close>
          </Toast.Root>
        );
      })}
      <Toast.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-96 max-w-[100vw] list-none flex-col gap-2 p-4 outline-none" />
    </Toast.Provider>
  );
}
