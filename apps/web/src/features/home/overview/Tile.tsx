import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Link } from 'react-router';
import { screenExists } from '../../../app/resourceLinks.ts';

interface TileProps {
  title: string;
  icon: LucideIcon;
  /** The headline number, already formatted; undefined while it is not known. */
  value: string | undefined;
  href: string;
  /** What the link opens, for screen readers ("Show disks: 23"). */
  linkLabel: string;
  children?: ReactNode;
}

/** One count at a glance: the number opens the list it counts, details below it. */
export function Tile({ title, icon: Icon, value, href, linkLabel, children }: TileProps) {
  return (
    <div className="card flex min-w-0 flex-col gap-1 p-3">
      <p className="flex items-center gap-1.5 text-xs font-medium text-slate-600 dark:text-slate-300">
        <Icon aria-hidden className="size-3.5 shrink-0" />
        <span className="truncate">{title}</span>
      </p>
      {value === undefined ? (
        <div className="skeleton h-7 w-12" aria-hidden />
      ) : (
        <ScreenLink href={href} aria-label={linkLabel} className="w-fit text-2xl font-semibold text-slate-900 tabular-nums hover:underline dark:text-white">
          {value}
        </ScreenLink>
      )}
      {children && <div className="text-xs text-slate-600 dark:text-slate-300">{children}</div>}
    </div>
  );
}

/** A small "12 In use" line under a tile, linking to the list filtered by it. */
export function TileLine({ href, count, label, icon }: { href: string; count: string; label: string; icon?: ReactNode }) {
  return (
    <ScreenLink href={href} className="flex items-center gap-1 rounded hover:underline">
      {icon}
      <span className="font-medium text-slate-900 tabular-nums dark:text-white">{count}</span>
      <span className="truncate">{label}</span>
    </ScreenLink>
  );
}

/** A link to a list, or plain text while the console has no screen there yet. */
export function ScreenLink({ href, className, children, ...rest }: { href: string; className: string; children: ReactNode; 'aria-label'?: string }) {
  if (!screenExists(href)) return <span className={className.replace('hover:underline', '')}>{children}</span>;
  return (
    <Link to={href} className={className} {...rest}>
      {children}
    </Link>
  );
}
