import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { firstTagError, TagsField } from './TagsField.tsx';
import { fieldErrorText } from './fieldErrors.ts';
import { MutationFormDialog, type FormMutation } from './FormDialog.tsx';

/** The contract's body for setting a disk's or a server's complete tag set. */
export interface TagSetBody {
  tags: Record<string, string>;
}

export interface TagsDialogText {
  title: string;
  description: string;
  label: string;
  help: string;
  /** The tag rules in the reader's language, shown when the contract's schema refuses a tag. */
  rule: string;
  submit: string;
}

interface TagsDialogProps {
  /** The resource's tags schema, as `zodResolver(SetXTagsSchema)`. */
  resolver: Resolver<TagSetBody>;
  current: Record<string, string>;
  mutation: FormMutation<TagSetBody>;
  text: TagsDialogText;
  onClose: () => void;
}

/** The complete tag set of a resource as "key=value" lines; what is left out is removed. */
export function TagsDialog({ resolver, current, mutation, text, onClose }: TagsDialogProps) {
  const { t } = useTranslation();
  const form = useForm<TagSetBody>({ resolver, defaultValues: { tags: current } });
  const { errors } = form.formState;
  return (
    <MutationFormDialog form={form} mutation={mutation} fields={['tags']} title={text.title} description={text.description} submitLabel={text.submit} onClose={onClose}>
      <Controller
        control={form.control}
        name="tags"
        render={({ field }) => (
          <TagsField label={text.label} help={text.help} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldErrorText(firstTagError(errors.tags), t, { custom: text.rule })} />
        )}
      />
    </MutationFormDialog>
  );
}
