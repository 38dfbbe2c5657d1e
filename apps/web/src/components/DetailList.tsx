import type { ReactNode } from 'react';

/** A two-column term/value list, the dense layout consoles use for resource details. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">{children}</dl>;
}

export function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-center gap-3 py-2">
      <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}
