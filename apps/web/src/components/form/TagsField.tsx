import { useState, type Ref } from 'react';
import type { FieldError } from 'react-hook-form';
import { TextAreaField } from './fields.tsx';
import { parseTagList, parseTagLines, tagLines, tagListLines } from './tagText.ts';
import type { VaultTag } from '@console/contract';

interface LinesFieldProps<T> {
  label: string;
  help: string;
  value: T | undefined;
  onChange: (value: T) => void;
  onBlur?: () => void;
  error: string | undefined;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A value edited as lines of text: the text is kept as typed, the form gets what it parses to. */
function LinesField<T>({ value, onChange, format, parse, ...props }: LinesFieldProps<T> & { format: (value: T | undefined) => string; parse: (text: string) => T }) {
  const [text, setText] = useState(() => format(value));
  return (
    <TextAreaField
      {...props}
      spellCheck={false}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

/** Disk and server tags as "key=value" lines, parsed to a set. */
export function TagsField(props: LinesFieldProps<Record<string, string>>) {
  return <LinesField {...props} format={(tags) => tagLines(tags ?? {})} parse={parseTagLines} />;
}

/** Vault tags as "key=value" lines, parsed to a list (duplicates kept, so the schema can refuse them). */
export function TagListField(props: LinesFieldProps<VaultTag[]>) {
  return <LinesField {...props} format={(tags) => tagListLines(tags ?? [])} parse={parseTagList} />;
}

/** Tag errors sit under the offending key (or on the set): the field shows the first. */
export function firstTagError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('type' in error && typeof (error as FieldError).type === 'string') return error as FieldError;
  const nested = Object.values(error as Record<string, unknown>).find((entry) => entry && typeof entry === 'object' && 'type' in entry);
  return nested as FieldError | undefined;
}
