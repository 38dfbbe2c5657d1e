import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

/** Help and error under a field, tied to it for screen readers like TextField's. */
function Notes({ id, help, error }: { id: string; help?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {help && <p id={`${id}-help`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{help}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </>
  );
}

const describedBy = (id: string, help: unknown, error: unknown) => [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

interface NumberFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled whole-number input with help (the allowed range) and error. */
export function NumberField({ label, help, error, ref, className = '', ...props }: NumberFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{label}</label>
      <input ref={ref} id={id} type="number" inputMode="numeric" step={1} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={`input mt-1 ${error ? 'input-invalid' : ''}`} {...props} />
      <Notes id={id} help={help} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, help, error, ref, className = '', ...props }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{label}</label>
      <textarea ref={ref} id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={`input mt-1 h-auto py-1.5 font-mono ${error ? 'input-invalid' : ''}`} {...props} />
      <Notes id={id} help={help} error={error} />
    </div>
  );
}

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  help?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function CheckboxField({ label, help, ref, className = '', ...props }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input ref={ref} id={id} type="checkbox" className="size-4 accent-blue-600" aria-describedby={help ? `${id}-help` : undefined} {...props} />
        <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-200">{label}</label>
      </div>
      <Notes id={id} help={help} />
    </div>
  );
}

/** Empty inputs are "not given", so optional numbers stay undefined instead of NaN. */
export const toOptionalNumber = (value: unknown): number | undefined => (value === '' || value === undefined || value === null ? undefined : Number(value));
export const toOptionalText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
