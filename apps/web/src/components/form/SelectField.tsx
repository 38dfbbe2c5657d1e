import type { Ref, SelectHTMLAttributes } from 'react';
import { Field } from './fields.tsx';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: string;
  options: readonly { value: string; label: string }[];
  /** Says what the choice means, under the field. */
  help?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled select; like TextField, its help and error are tied to it for screen readers. */
export function SelectField({ label, options, help, error, ref, className, ...selectProps }: SelectFieldProps) {
  return (
    <Field
      label={label}
      help={help}
      error={error}
      className={className}
      control={(wiring) => (
        <select ref={ref} {...wiring} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
