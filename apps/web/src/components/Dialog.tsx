import { useRef, type ReactNode } from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';

// Radix brings the modal behaviour (focus trap, Escape, focus return, inert background, labelled
// by its title); these wrappers only lay it out, as a centred dialog or as a side sheet.

interface DialogFrameProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** One sentence under the title; also the dialog's accessible description. */
  description?: ReactNode;
  children: ReactNode;
}

const overlayClass = 'fixed inset-0 z-40 bg-slate-900/50 dark:bg-black/60';

/**
 * Radix returns focus to its own Trigger; ours are often plain buttons or menu items, so the
 * element focused when the dialog opened gets the focus back instead (if it is still there).
 */
function useFocusReturn() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      if (opener.current?.isConnected) opener.current.focus();
    },
  };
}

function CloseButton() {
  const { t } = useTranslation();
  return (
    <RadixDialog.Close className="btn-icon size-8" aria-label={t('common.close')} title={t('common.close')}>
      <X aria-hidden className="size-4" />
    </RadixDialog.Close>
  );
}

/** How a frame is laid out: the dialog box, its header row, the description under the title, and the body. */
interface FrameLook {
  content: string;
  header: string;
  description: string;
  body: string;
}

function DialogFrame({ open, onOpenChange, title, description, children, look, headerExtra }: DialogFrameProps & { look: FrameLook; headerExtra?: ReactNode }) {
  const focusReturn = useFocusReturn();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClass} />
        <RadixDialog.Content {...focusReturn} {...(description ? {} : { 'aria-describedby': undefined })} className={look.content}>
          <div className={look.header}>
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="text-base font-semibold text-slate-900 dark:text-white">{title}</RadixDialog.Title>
              {description && <RadixDialog.Description className={look.description}>{description}</RadixDialog.Description>}
            </div>
            {headerExtra}
            <CloseButton />
          </div>
          <div className={look.body}>{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

const modalLook = (wide: boolean): FrameLook => ({
  content: `fixed top-[10vh] left-1/2 z-50 max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-700 dark:bg-slate-900 ${wide ? 'max-w-2xl' : 'max-w-md'}`,
  header: 'flex items-start gap-3',
  description: 'mt-1 text-sm text-slate-600 dark:text-slate-300',
  body: 'mt-4',
});

const sheetLook: FrameLook = {
  content: 'fixed inset-y-0 right-0 z-50 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900',
  header: 'flex items-center gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800',
  description: 'text-xs text-slate-500 dark:text-slate-400',
  body: 'min-h-0 flex-1 overflow-y-auto',
};

/** A centred modal dialog, for forms and confirmations. */
export function Modal({ wide = false, ...frame }: DialogFrameProps & { wide?: boolean }) {
  return <DialogFrame {...frame} look={modalLook(wide)} />;
}

/** A panel sliding over the right edge of the page, for things consulted while working elsewhere. */
export function Sheet({ headerExtra, ...frame }: DialogFrameProps & { headerExtra?: ReactNode }) {
  return <DialogFrame {...frame} look={sheetLook} headerExtra={headerExtra} />;
}

/** The row of buttons at the bottom of a dialog: secondary first, the main action last. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex justify-end gap-2">{children}</div>;
}

export const DialogClose = RadixDialog.Close;
