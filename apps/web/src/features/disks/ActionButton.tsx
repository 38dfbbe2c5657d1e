import type { LucideIcon } from 'lucide-react';

interface ActionButtonProps {
  label: string;
  icon: LucideIcon;
  /** Why the action is not possible now; the button then stays focusable and says so. */
  refusal?: string | undefined;
  danger?: boolean;
  onClick: () => void;
}

/**
 * A resource action. A refused one is aria-disabled rather than disabled, so keyboard users can
 * still reach it and hear why (its title and description carry the reason).
 */
export function ActionButton({ label, icon: Icon, refusal, danger = false, onClick }: ActionButtonProps) {
  return (
    <button
      type="button"
      className={`${danger ? 'btn-danger' : 'btn-secondary'} aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
      aria-disabled={refusal ? true : undefined}
      aria-description={refusal}
      title={refusal}
      onClick={() => {
        if (!refusal) onClick();
      }}
    >
      <Icon aria-hidden className="size-4" />
      {label}
    </button>
  );
}
