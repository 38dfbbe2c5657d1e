import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { DialogActions, DialogClose } from '../Dialog.tsx';

/** Cancel and submit for a form in a dialog; the submit button shows the request in flight. */
export function FormButtons({ submitLabel, pending, danger = false }: { submitLabel: string; pending: boolean; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <DialogActions>
      <DialogClose type="button" className="btn-secondary">
        {t('common.cancel')}
      </DialogClose>
      <button type="submit" className={danger ? 'btn-danger' : 'btn-primary'} disabled={pending} aria-busy={pending}>
        {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
        {submitLabel}
      </button>
    </DialogActions>
  );
}
