import type { ReactNode } from 'react';
import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { DialogActions, DialogClose, Modal } from './Dialog.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  /** Destructive actions get a red button, so they are not confirmed by habit. */
  danger?: boolean;
  pending?: boolean;
  disabled?: boolean;
  /** The refusal of the last attempt, in words. */
  error?: unknown;
  errorMessage?: string | undefined;
  onConfirm: () => void;
}

/** Asks before doing something that cannot be undone; the refusal stays in the dialog. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { open, onOpenChange, title, description, children, confirmLabel, danger, pending, disabled, error, errorMessage, onConfirm } = props;
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {children}
      {error !== undefined && error !== null && (
        <div className="mt-3">
          <ErrorNotice title={t('common.refused')} error={error} message={errorMessage} />
        </div>
      )}
      <DialogActions>
        <DialogClose className="btn-secondary">{t('common.cancel')}</DialogClose>
        <button
          type="button"
          className={danger ? 'btn-danger' : 'btn-primary'}
          disabled={pending || disabled}
          aria-busy={pending}
          onClick={onConfirm}
        >
          {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {confirmLabel}
        </button>
      </DialogActions>
    </Modal>
  );
}
