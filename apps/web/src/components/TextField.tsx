import type { InputHTMLAttributes, Ref } from 'react';
import { Field } from './form/fields.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: string;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error is tied to it (aria-describedby), so screen readers read both. */
export function TextField({ label, error, ref, className, ...inputProps }: TextFieldProps) {
  return <Field label={label} error={error} className={className} control={(wiring) => <input ref={ref} {...wiring} {...inputProps} />} />;
}
