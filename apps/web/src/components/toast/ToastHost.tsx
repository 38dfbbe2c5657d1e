import { lazy, Suspense } from 'react';
import { useToasts } from './toastStore.ts';

// The renderer (and Radix Toast with it) is fetched with the first toast, not with the page.
const Toaster = lazy(() => import('./Toaster.tsx'));

export function ToastHost() {
  const toasts = useToasts();
  if (toasts.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Toaster toasts={toasts} />
    </Suspense>
  );
}
