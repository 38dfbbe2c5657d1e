import { useState, type Ref } from 'react';
import type { VaultTag } from '@console/contract';
import { TextAreaField } from '../disks/fields.tsx';
import { parseTagList, tagListLines } from './vaultModel.ts';

interface VaultTagsFieldProps {
  label: string;
  help: string;
  value: readonly VaultTag[] | undefined;
  onChange: (tags: VaultTag[]) => void;
  onBlur?: () => void;
  error: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Tags as "key=value" lines, kept as typed; the form gets the parsed list (duplicates included, so the schema can refuse them). */
export function VaultTagsField({ value, onChange, ...props }: VaultTagsFieldProps) {
  const [text, setText] = useState(() => tagListLines(value ?? []));
  return (
    <TextAreaField
      {...props}
      spellCheck={false}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseTagList(event.target.value));
      }}
    />
  );
}
