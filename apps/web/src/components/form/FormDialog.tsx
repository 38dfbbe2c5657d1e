import { useState, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormButtons } from './FormButtons.tsx';
import { Modal } from '../Dialog.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { applyServerFieldErrors } from './fieldErrors.ts';

/**
 * The feature's own mutation (its task announcement and the caches it refreshes come with it);
 * a react-query mutation result fits as it is.
 */
export interface FormMutation<T> {
  mutate: (values: T, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

interface MutationFormDialogProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  mutation: FormMutation<T>;
  /** Fields a BFF refusal may name: its errors go under them; any other refusal shows above the form. */
  fields: readonly Path<T>[];
  title: string;
  description?: string;
  submitLabel: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form that sends its checked values with one mutation and closes when it is accepted. */
export function MutationFormDialog<T extends FieldValues>({ form, mutation, fields, title, description, submitLabel, className, onClose, children }: MutationFormDialogProps<T>) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<unknown>();
  const submit = form.handleSubmit((values) =>
    mutation.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, fields, form.setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form noValidate onSubmit={submit} className={className}>
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        {children}
        <FormButtons submitLabel={submitLabel} pending={mutation.isPending} />
      </form>
    </Modal>
  );
}
