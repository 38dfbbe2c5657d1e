import './catalogue.ts';
import type { ReactNode } from 'react';
import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';

/** Admin screens say plainly that they are not for this role instead of failing on every call. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role === 'admin') return children;
  return (
    <div role="alert" className="flex gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>{t('settings.adminOnly')}</p>
    </div>
  );
}
