import { useState, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormButtons } from './FormButtons.tsx';
import { Modal } from '../Dialog.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { applyServerFieldErrors } from './fieldErrors.ts';

/**
 * The feature's own mutation (its task announcement and the caches it refreshes come with it);
 * a react-query mutation result fits as it is. Values the form holds but the request body shapes
 * differently are reshaped in the mutation's own function.
 */
export interface FormMutation<T, R = unknown> {
  mutate: (values: T, options: { onSuccess: (result: R) => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

export interface MutationFormProps<TFields extends FieldValues, TValues, TResult> {
  /** The form, with its contract schema as resolver; `TValues` is what the schema hands over. */
  form: UseFormReturn<TFields, unknown, TValues>;
  mutation: FormMutation<TValues, TResult>;
  /** Fields a BFF refusal may name: its errors go under them; any other refusal shows above the form. */
  fields: readonly Path<TFields>[];
  submitLabel: string;
  /** The submit button in the danger colour, for changes that destroy data. */
  danger?: boolean;
  /**
   * A check the schema cannot make, run on its checked values before anything is sent (this disk's
   * size range, the role rules): it marks the fields itself with `form.setError` and returns false
   * to send nothing. It may also close the dialog when there is nothing to send.
   */
  check?: (values: TValues) => boolean;
  /** What else follows an accepted change (a toast, opening what was made); the dialog has closed already. */
  onAccepted?: (result: TResult, values: TValues) => void;
  /** The refusal notice's title; by default "Refused". */
  refusalTitle?: string;
  /** The feature's words for a refusal it knows better (a 409's reason), in place of the generic text. */
  describeRefusal?: (error: unknown, values: TValues) => string | undefined;
  /** Words under a field the refusal names, from the BFF's and from `describeRefusal`'s; by default the BFF's. */
  fieldWording?: (field: Path<TFields>, serverMessage: string, described: string | undefined) => string;
  /** The form element's layout classes. */
  className?: string;
  /**
   * Classes of a box put around the refusal notice or the buttons where the form's layout needs
   * one: `sm:col-span-2` in a two-column grid, a margin in a form that leaves spacing to its fields.
   */
  boxes?: { refusal?: string; buttons?: string };
  /** Closes the dialog: called once the change is accepted, and by MutationFormDialog on cancel, Escape or its close button. */
  onClose: () => void;
  children: ReactNode;
}

interface Refusal {
  error: unknown;
  message: string | undefined;
}

function boxed(className: string | undefined, node: ReactNode) {
  return className ? <div className={className}>{node}</div> : node;
}

/**
 * A form that sends its checked values with one mutation and closes when it is accepted: the
 * dialog's body when the dialog shows something else until the form can start.
 */
export function MutationForm<TFields extends FieldValues, TValues, TResult>(props: MutationFormProps<TFields, TValues, TResult>) {
  const { form, mutation, fields, submitLabel, danger = false, check, onAccepted, refusalTitle, describeRefusal, fieldWording, className, boxes, onClose, children } = props;
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal>();
  const submit = form.handleSubmit((values) => {
    // A new attempt answers for itself: the earlier refusal goes.
    setRefusal(undefined);
    if (check && !check(values)) return;
    mutation.mutate(values, {
      onSuccess: (result) => {
        onClose();
        onAccepted?.(result, values);
      },
      onError: (error) => {
        const message = describeRefusal?.(error, values);
        const wording = fieldWording && ((field: Path<TFields>, text: string) => fieldWording(field, text, message));
        if (!applyServerFieldErrors(error, fields, form.setError, wording)) setRefusal({ error, message });
      },
    });
  });
  return (
    <form noValidate onSubmit={submit} className={className}>
      {refusal && boxed(boxes?.refusal, <ErrorNotice title={refusalTitle ?? t('common.refused')} error={refusal.error} message={refusal.message} />)}
      {children}
      {boxed(boxes?.buttons, <FormButtons submitLabel={submitLabel} pending={mutation.isPending} danger={danger} />)}
    </form>
  );
}

export interface MutationFormDialogProps<TFields extends FieldValues, TValues, TResult> extends MutationFormProps<TFields, TValues, TResult> {
  title: string;
  description?: string;
  /** The wider dialog, for forms with many or side-by-side fields. */
  wide?: boolean;
}

/** A modal form that sends its checked values with one mutation and closes when it is accepted. */
export function MutationFormDialog<TFields extends FieldValues, TValues, TResult>({ title, description, wide, ...form }: MutationFormDialogProps<TFields, TValues, TResult>) {
  return (
    <Modal open wide={wide} onOpenChange={(open) => !open && form.onClose()} title={title} description={description}>
      <MutationForm {...form} />
    </Modal>
  );
}
