import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../TextField.tsx';
import { fieldErrorText } from './fieldErrors.ts';
import { MutationFormDialog, type FormMutation } from './FormDialog.tsx';

/** The contract's update body of a disk, server or snapshot: either field may be left out. */
export interface NameAndDescription {
  name?: string | undefined;
  description?: string | undefined;
}

export interface RenameDialogText {
  title: string;
  nameLabel: string;
  descriptionLabel: string;
  /** The rules in the reader's language, shown when the contract's schema refuses a field. */
  nameRule: string;
  descriptionRule: string;
  submit: string;
}

interface RenameDialogProps {
  /** The resource's update schema, as `zodResolver(UpdateXSchema)`. */
  resolver: Resolver<NameAndDescription>;
  current: { name: string; description: string };
  mutation: FormMutation<NameAndDescription>;
  text: RenameDialogText;
  onClose: () => void;
}

/** Name and description of a resource, checked by its contract schema before they are sent. */
export function RenameDialog({ resolver, current, mutation, text, onClose }: RenameDialogProps) {
  const { t } = useTranslation();
  const form = useForm<NameAndDescription>({ resolver, defaultValues: { name: current.name, description: current.description } });
  const { errors } = form.formState;
  return (
    <MutationFormDialog form={form} mutation={mutation} fields={['name', 'description']} title={text.title} submitLabel={text.submit} className="space-y-4" onClose={onClose}>
      <TextField label={text.nameLabel} autoFocus autoComplete="off" {...form.register('name')} error={fieldErrorText(errors.name, t, { custom: text.nameRule })} />
      <TextField label={text.descriptionLabel} autoComplete="off" {...form.register('description')} error={fieldErrorText(errors.description, t, { custom: text.descriptionRule })} />
    </MutationFormDialog>
  );
}
