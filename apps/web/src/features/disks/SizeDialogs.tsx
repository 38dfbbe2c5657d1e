import './catalogue.ts';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { DiskQosSchema, ExpandDiskSchema, qosIssues, qosRange, type Disk, type DiskQos, type ExpandDisk } from '@console/contract';
import { fieldErrorText, wordedErrorType } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { announceTask } from './announce.ts';
import { expandDisk, setDiskQos, useEvsQuotas, useTaskMutation } from './api.ts';
import { expandRange } from './diskModel.ts';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { QuotaBar } from './QuotaBar.tsx';

export function ExpandDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const quotas = useEvsQuotas();
  const range = expandRange(disk, quotas.data);
  const expand = useTaskMutation((input: ExpandDisk) => expandDisk(disk.id, input), (task) => announceTask(task, t));
  const form = useForm<ExpandDisk>({ resolver: zodResolver(ExpandDiskSchema), defaultValues: { newSizeGiB: disk.sizeGiB + 10 } });
  const { register, control, formState } = form;
  const hint = t('disks.expand.range', { min: range.min, max: range.max });
  const adding = Math.max(0, (Number(useWatch({ control, name: 'newSizeGiB' })) || 0) - disk.sizeGiB);
  const inRange = ({ newSizeGiB }: ExpandDisk) => {
    if (newSizeGiB >= range.min && newSizeGiB <= range.max) return true;
    form.setError('newSizeGiB', { type: wordedErrorType, message: hint }, { shouldFocus: true });
    return false;
  };
  return (
    <MutationFormDialog form={form} mutation={expand} fields={['newSizeGiB']} check={inRange}
      title={t('disks.expand.title', { name: disk.name || disk.id })} description={t('disks.expand.description', { size: disk.sizeGiB })}
      submitLabel={t('disks.actions.expand')} onClose={onClose}>
      <NumberField label={t('disks.expand.newSize')} autoFocus min={range.min} max={range.max} help={hint} {...register('newSizeGiB', { setValueAs: toOptionalNumber })} error={fieldErrorText(formState.errors.newSizeGiB, t, { too_small: hint, too_big: hint, invalid_type: hint })} />
      <QuotaBar usage={quotas.data?.gigabytes} adding={adding} />
    </MutationFormDialog>
  );
}

export function QosDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useTaskMutation((input: DiskQos) => setDiskQos(disk.id, input), (task) => announceTask(task, t));
  const form = useForm<DiskQos>({
    resolver: zodResolver(DiskQosSchema),
    defaultValues: { iops: disk.iops ?? 3000, ...(disk.throughput === undefined ? {} : { throughput: disk.throughput }) },
  });
  const { register, control, formState } = form;
  const range = qosRange(disk.type, disk.sizeGiB, Number(useWatch({ control, name: 'iops' })) || undefined);
  const iopsHint = range && t('disks.form.iopsRange', { min: range.iops[0], max: range.iops[1] });
  const throughputHint = range?.throughput && t('disks.form.throughputRange', { min: range.throughput[0], max: range.throughput[1] });
  const withinQos = (values: DiskQos) => {
    // The contract's rule with this disk's size and type; its paths name the fields to mark.
    const issues = qosIssues({ type: disk.type, sizeGiB: disk.sizeGiB, iops: values.iops, throughput: values.throughput, currentThroughput: disk.throughput }, 'modify');
    for (const [index, issue] of issues.entries()) {
      const field = issue.path === 'throughput' ? 'throughput' : 'iops';
      form.setError(field, { type: wordedErrorType, message: (field === 'iops' ? iopsHint : throughputHint) ?? t('validation.invalid') }, { shouldFocus: index === 0 });
    }
    return issues.length === 0;
  };
  return (
    <MutationFormDialog form={form} mutation={change} fields={['iops', 'throughput']} check={withinQos}
      title={t('disks.qos.title', { name: disk.name || disk.id })} description={t('disks.qos.description')}
      submitLabel={t('disks.qos.submit')} className="space-y-4" onClose={onClose}>
      <NumberField label={t('disks.form.iops')} autoFocus help={iopsHint} {...register('iops', { setValueAs: toOptionalNumber })} error={fieldErrorText(formState.errors.iops, t, iopsHint ? { invalid_type: iopsHint, too_small: iopsHint } : {})} />
      {range?.throughput && (
        <NumberField label={t('disks.form.throughput')} help={throughputHint} {...register('throughput', { setValueAs: toOptionalNumber })} error={fieldErrorText(formState.errors.throughput, t, throughputHint ? { invalid_type: throughputHint, too_small: throughputHint } : {})} />
      )}
    </MutationFormDialog>
  );
}
