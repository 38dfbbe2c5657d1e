import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

/** Help and error under a field, tied to it for screen readers. */
function Notes({ id, help, error }: { id: string; help?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {help && <p id={`${id}-help`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{help}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </>
  );
}

/** What every labelled field takes besides its control's own attributes. */
export interface FieldText {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
}

/** The attributes that tie a control to its label, help and error. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

/**
 * The one field frame: the label above the control, help and error below it. `control` gets the
 * wiring; `controlClass` adds to the input look (a textarea's height and font).
 */
export function Field({ label, help, error, className = '', controlClass = '', control }: FieldText & { className?: string | undefined; controlClass?: string; control: (wiring: ControlWiring) => ReactNode }) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: `input mt-1 ${controlClass ? `${controlClass} ` : ''}${error ? 'input-invalid' : ''}` })}
      <Notes id={id} help={help} error={error} />
    </div>
  );
}

interface NumberFieldProps extends FieldText, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  ref?: Ref<HTMLInputElement>;
}

/** A labelled whole-number input with help (the allowed range) and error. */
export function NumberField({ label, help, error, ref, className, ...props }: NumberFieldProps) {
  return <Field label={label} help={help} error={error} className={className} control={(wiring) => <input ref={ref} type="number" inputMode="numeric" step={1} {...wiring} {...props} />} />;
}

interface TextAreaFieldProps extends FieldText, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, help, error, ref, className, ...props }: TextAreaFieldProps) {
  return <Field label={label} help={help} error={error} className={className} controlClass="h-auto py-1.5 font-mono" control={(wiring) => <textarea ref={ref} rows={3} {...wiring} {...props} />} />;
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
