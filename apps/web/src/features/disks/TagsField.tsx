import { useState, type Ref } from 'react';
import type { FieldError } from 'react-hook-form';
import { TextAreaField } from './fields.tsx';
import { parseTagLines, tagLines } from './diskModel.ts';

interface TagsFieldProps {
  label: string;
  help: string;
  value: Record<string, string> | undefined;
  onChange: (tags: Record<string, string>) => void;
  onBlur: () => void;
  error: string | undefined;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Tags as "key=value" lines: the text is kept as typed, the form gets the parsed set. */
export function TagsField({ value, onChange, ...props }: TagsFieldProps) {
  const [text, setText] = useState(() => tagLines(value ?? {}));
  return (
    <TextAreaField
      {...props}
      spellCheck={false}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseTagLines(event.target.value));
      }}
    />
  );
}

/** Tag errors sit under the offending key (or on the set): the field shows the first. */
export function firstTagError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('type' in error && typeof (error as FieldError).type === 'string') return error as FieldError;
  const nested = Object.values(error as Record<string, unknown>).find((entry) => entry && typeof entry === 'object' && 'type' in entry);
  return nested as FieldError | undefined;
}
