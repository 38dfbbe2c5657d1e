import { useId, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';

/** A titled panel; the title names the region for assistive technology. */
export function Card({ title, icon: Icon, children }: { title: string; icon: LucideIcon; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800">
        <Icon aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
        <h2 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-white">
          {title}
        </h2>
      </header>
      <div className="px-4 py-1">{children}</div>
    </section>
  );
}
