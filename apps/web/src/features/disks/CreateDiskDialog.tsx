import './catalogue.ts';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateDiskSchema, DESCRIPTION_MAX_CHARS, MAX_DISKS_PER_CREATE, NAME_MAX_CHARS, qosRange, type CreateDisk } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { MutationForm } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from './announce.ts';
import { createDisk, useDisk, useDiskTypes, useEvsQuotas, useSnapshots, useTaskMutation, useZones } from './api.ts';
import { createSizeRange } from './diskModel.ts';
import { CheckboxField, NumberField, toOptionalNumber, toOptionalText } from '../../components/form/fields.tsx';
import { QuotaBar } from './QuotaBar.tsx';
import { firstTagError, TagsField } from '../../components/form/TagsField.tsx';

// The form holds the schema's input (defaults not yet applied); zod is reached through the contract.
type FormInput = (typeof CreateDiskSchema)['_zod']['input'];
const fields = ['name', 'description', 'availabilityZone', 'type', 'sizeGiB', 'count', 'shared', 'iops', 'throughput', 'tags', 'snapshotId'] as const;

function CreateDiskForm({ snapshotId, firstZone, onDone }: { snapshotId: string | undefined; firstZone: string; onDone: () => void }) {
  const { t } = useTranslation();
  const zones = useZones();
  const types = useDiskTypes();
  const quotas = useEvsQuotas();
  const snapshots = useSnapshots({ limit: 1000 });
  const create = useTaskMutation(createDisk, (task) => announceTask(task, t));
  const form = useForm<FormInput, unknown, CreateDisk>({
    resolver: zodResolver(CreateDiskSchema),
    shouldUnregister: true,
    defaultValues: { availabilityZone: firstZone, type: 'SSD', sizeGiB: 40, count: 1, shared: false, tags: {}, snapshotId },
  });
  const { register, setError, setValue, control, formState } = form;
  const { errors } = formState;
  const [zone, type, size, count, iops, chosenSnapshot] = useWatch({ control, name: ['availabilityZone', 'type', 'sizeGiB', 'count', 'iops', 'snapshotId'] });

  const zoneItems = zones.data?.items ?? [];

  // A disk made from a snapshot takes its disk's type and zone, and at least its size.
  const snapshot = snapshots.data?.items.find((item) => item.id === chosenSnapshot);
  const source = useDisk(snapshot?.diskId);
  useEffect(() => {
    if (!source.data || !snapshot) return;
    setValue('type', source.data.type as CreateDisk['type']);
    setValue('availabilityZone', source.data.availabilityZone);
    setValue('sizeGiB', Math.max(snapshot.sizeGiB, source.data.sizeGiB));
  }, [source.data, snapshot, setValue]);

  const typeItems = types.data?.items ?? [];
  const typeInfo = types.data?.items.find((item) => item.name === type);
  const wanted = Number.isFinite(Number(count)) && Number(count) > 0 ? Number(count) : 1;
  const sizeRange = createSizeRange(typeInfo, quotas.data, wanted);
  const sizeNumber = Number(size) || 0;
  const qos = qosRange(type ?? '', sizeNumber || sizeRange.min, toOptionalNumber(iops));
  const quotaUsage = quotas.data?.byType[type ?? '']?.gigabytes?.limit != null ? quotas.data.byType[type ?? '']?.gigabytes : quotas.data?.gigabytes;

  // What the form knows beyond the schema: where the type is sold, the quota left, the snapshot's size.
  const fitsHere = (values: CreateDisk) => {
    if (typeInfo && (!typeInfo.availabilityZones.includes(values.availabilityZone) || typeInfo.soldOutIn.includes(values.availabilityZone))) {
      setError('type', { type: wordedErrorType, message: t('disks.form.typeUnavailable') }, { shouldFocus: true });
      return false;
    }
    if (values.sizeGiB > sizeRange.max) {
      setError('sizeGiB', { type: wordedErrorType, message: t('disks.form.overQuota', { max: sizeRange.max }) }, { shouldFocus: true });
      return false;
    }
    if (snapshot && values.sizeGiB < snapshot.sizeGiB) {
      setError('sizeGiB', { type: wordedErrorType, message: t('disks.form.belowSnapshot', { min: snapshot.sizeGiB }) }, { shouldFocus: true });
      return false;
    }
    return true;
  };

  const sizeHint = t('disks.form.sizeRange', { min: sizeRange.min, max: sizeRange.max });
  // Every type stays listed (the form's value must be among the options); those not sold here say so.
  const typeOption = (item: (typeof typeItems)[number]) => {
    const label = t(`disks.types.${item.name}`);
    if (zone && !item.availabilityZones.includes(zone)) return t('disks.form.typeNotHere', { type: label });
    if (zone && item.soldOutIn.includes(zone)) return t('disks.form.typeSoldOut', { type: label });
    return label;
  };

  return (
    <MutationForm form={form} mutation={create} fields={fields} check={fitsHere}
      submitLabel={t('disks.create.submit')} refusalTitle={t('disks.create.failed')} onClose={onDone}
      className="grid gap-4 sm:grid-cols-2" boxes={{ refusal: 'sm:col-span-2', buttons: 'sm:col-span-2' }}>
      <SelectField
        label={t('disks.form.zone')}
        options={zoneItems.map((item) => ({ value: item.name, label: item.available ? item.name : t('disks.form.zoneUnavailable', { name: item.name }) }))}
        {...register('availabilityZone')}
        error={fieldErrorText(errors.availabilityZone, t)}
      />
      <SelectField
        label={t('disks.form.type')}
        options={typeItems.map((item) => ({ value: item.name, label: typeOption(item) }))}
        help={typeInfo && (typeInfo.qos ? t('disks.form.typeHelpQos', { min: typeInfo.sizeGiB.min, max: typeInfo.sizeGiB.max, iopsMin: typeInfo.qos.iops.min, iopsMax: typeInfo.qos.iops.max }) : t('disks.form.typeHelp', { min: typeInfo.sizeGiB.min, max: typeInfo.sizeGiB.max }))}
        {...register('type')}
        error={fieldErrorText(errors.type, t)}
      />
      <div>
        <NumberField label={t('disks.form.size')} min={sizeRange.min} max={sizeRange.max} help={sizeHint} {...register('sizeGiB', { setValueAs: toOptionalNumber })} error={fieldErrorText(errors.sizeGiB, t, { too_small: sizeHint, too_big: sizeHint, invalid_type: sizeHint })} />
        <QuotaBar usage={quotaUsage} adding={sizeNumber * wanted} />
      </div>
      <NumberField
        label={t('disks.form.count')}
        min={1}
        max={MAX_DISKS_PER_CREATE}
        {...register('count', { setValueAs: toOptionalNumber })}
        error={fieldErrorText(errors.count, t, { too_small: t('disks.form.countRange', { max: MAX_DISKS_PER_CREATE }), too_big: t('disks.form.countRange', { max: MAX_DISKS_PER_CREATE }), invalid_type: t('disks.form.countRange', { max: MAX_DISKS_PER_CREATE }) })}
      />
      {qos && (
        <NumberField
          label={t('disks.form.iops')}
          help={t('disks.form.iopsRange', { min: qos.iops[0], max: qos.iops[1] })}
          {...register('iops', { setValueAs: toOptionalNumber })}
          error={fieldErrorText(errors.iops, t, { custom: t('disks.form.iopsRange', { min: qos.iops[0], max: qos.iops[1] }), invalid_type: t('disks.form.iopsRange', { min: qos.iops[0], max: qos.iops[1] }) })}
        />
      )}
      {qos?.throughput && (
        <NumberField
          label={t('disks.form.throughput')}
          help={t('disks.form.throughputRange', { min: qos.throughput[0], max: qos.throughput[1] })}
          {...register('throughput', { setValueAs: toOptionalNumber })}
          error={fieldErrorText(errors.throughput, t, { custom: t('disks.form.throughputRange', { min: qos.throughput[0], max: qos.throughput[1] }), invalid_type: t('disks.form.throughputRange', { min: qos.throughput[0], max: qos.throughput[1] }) })}
        />
      )}
      <SelectField
        label={t('disks.form.snapshot')}
        className="sm:col-span-2"
        options={[{ value: '', label: t('disks.form.noSnapshot') }, ...(snapshots.data?.items ?? []).filter((item) => item.status === 'available' || item.id === snapshotId).map((item) => ({ value: item.id, label: t('disks.form.snapshotOption', { name: item.name || item.id, size: item.sizeGiB }) }))]}
        help={snapshot ? t('disks.form.snapshotHelp') : undefined}
        {...register('snapshotId', { setValueAs: toOptionalText })}
        error={fieldErrorText(errors.snapshotId, t)}
      />
      <TextField label={t('disks.form.name')} autoComplete="off" {...register('name', { setValueAs: toOptionalText })} error={fieldErrorText(errors.name, t, { custom: t('disks.form.nameRule', { max: NAME_MAX_CHARS }) })} />
      <TextField label={t('disks.form.description')} autoComplete="off" {...register('description', { setValueAs: toOptionalText })} error={fieldErrorText(errors.description, t, { custom: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }) })} />
      <CheckboxField label={t('disks.form.shared')} help={t('disks.form.sharedHelp')} className="sm:col-span-2" {...register('shared')} />
      <Controller
        control={control}
        name="tags"
        render={({ field }) => (
          <TagsField className="sm:col-span-2" label={t('disks.form.tags')} help={t('disks.form.tagsHelp')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldErrorText(firstTagError(errors.tags), t, { custom: t('disks.form.tagsRule') })} />
        )}
      />
    </MutationForm>
  );
}

/** The selects need their options before the form starts, or they would show a choice the form does not hold. */
function CreateDiskLoader({ snapshotId, onDone }: { snapshotId: string | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const zones = useZones();
  const types = useDiskTypes();
  const snapshots = useSnapshots({ limit: 1000 });
  const failed = [zones, types, snapshots].find((query) => query.isError);
  if (failed) return <ErrorNotice title={t('disks.create.loadFailed')} error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!zones.data || !types.data || !snapshots.data) return <p className="text-sm">{t('common.loading')}</p>;
  const firstZone = zones.data.items.find((item) => item.available)?.name ?? zones.data.items[0]?.name ?? '';
  return <CreateDiskForm snapshotId={snapshotId} firstZone={firstZone} onDone={onDone} />;
}

export function CreateDiskDialog({ open, onOpenChange, snapshotId }: { open: boolean; onOpenChange: (open: boolean) => void; snapshotId?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Modal wide open={open} onOpenChange={onOpenChange} title={t('disks.create.title')} description={t('disks.create.description')}>
      <CreateDiskLoader snapshotId={snapshotId} onDone={() => onOpenChange(false)} />
    </Modal>
  );
}
