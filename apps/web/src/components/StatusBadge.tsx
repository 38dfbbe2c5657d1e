import { CircleCheck, CircleDashed, CircleX, LoaderCircle, TriangleAlert, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from './Badge.tsx';

/** How one status of a resource looks: its colour, and whether something is still happening. */
export interface StatusLook {
  tone: BadgeTone;
  /** An operation is under way: shown with a spinner instead of a still icon. */
  transitional?: boolean;
}

/** Each resource maps its own statuses; anything it does not know is shown neutral. */
export type StatusToneMap = Readonly<Record<string, StatusLook>>;

const stillIcons: Record<BadgeTone, LucideIcon> = {
  green: CircleCheck,
  red: CircleX,
  amber: TriangleAlert,
  blue: CircleDashed,
  neutral: CircleDashed,
};

export function statusLook(map: StatusToneMap, status: string): StatusLook {
  return map[status] ?? { tone: 'neutral' };
}

/**
 * A status as text with an icon, never colour alone: the words say it, the icon's shape repeats
 * it (check, cross, warning), and a spinning icon marks a status that will change by itself.
 */
export function StatusBadge({ status, label, map }: { status: string; label: string; map: StatusToneMap }) {
  const look = statusLook(map, status);
  const Icon = look.transitional ? LoaderCircle : stillIcons[look.tone];
  return (
    <Badge tone={look.tone}>
      <Icon aria-hidden className={`size-3 shrink-0 ${look.transitional ? 'motion-safe:animate-spin' : ''}`} />
      {label}
    </Badge>
  );
}
