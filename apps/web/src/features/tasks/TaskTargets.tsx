import './catalogue.ts';
import type { ResourceRef } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { resourcePath } from '../../app/resourceLinks.ts';
import { shortenId } from '../../lib/format.ts';
import { resourceTypeLabel } from './taskDetailsText.ts';

/** A resource a task acted on: a link where the console has its page, otherwise its name and id. */
export function ResourceRefView({ target, onNavigate, shortId = false }: { target: ResourceRef; onNavigate?: (() => void) | undefined; shortId?: boolean }) {
  const { t } = useTranslation();
  const path = resourcePath(target);
  const type = resourceTypeLabel(target.type, t);
  const name = target.name ?? target.id;
  return (
    <span className="flex max-w-full min-w-0 items-baseline gap-1 overflow-hidden whitespace-nowrap">
      <span className="text-xs text-slate-500 dark:text-slate-400">{type}</span>
      {path ? (
        <Link to={path} onClick={onNavigate} className="shrink-0 font-medium text-blue-700 hover:underline dark:text-blue-300">
          {name}
        </Link>
      ) : (
        <span className="shrink-0 font-medium" title={target.id}>
          {name}
        </span>
      )}
      {target.name && (
        <code className="min-w-0 truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={target.id}>
          {shortId ? shortenId(target.id) : target.id}
        </code>
      )}
    </span>
  );
}

interface TaskTargetsProps {
  targets: readonly ResourceRef[];
  onNavigate?: () => void;
  max?: number;
  /** In tables: ids shortened (the full id is in the title). */
  shortIds?: boolean;
}

export function TaskTargets({ targets, onNavigate, max = 3, shortIds = false }: TaskTargetsProps) {
  const { t } = useTranslation();
  if (targets.length === 0) return <span className="text-slate-400">{t('common.none')}</span>;
  const shown = targets.slice(0, max);
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      {shown.map((target) => (
        <ResourceRefView key={`${target.type}:${target.id}`} target={target} onNavigate={onNavigate} shortId={shortIds} />
      ))}
      {targets.length > max && <span className="text-xs text-slate-500 dark:text-slate-400">{t('tasks.moreTargets', { count: targets.length - max })}</span>}
    </span>
  );
}
