import '../catalogue.ts';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import type { UseQueryResult } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { DISK_SIZE_GIB, IMAGE_OS_TYPES, MAX_DATA_DISKS_PER_SERVER, type ImageList } from '@console/contract';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { useDiskTypes } from '../../disks/api.ts';
import { CheckboxField, NumberField, toOptionalNumber } from '../../../components/form/fields.tsx';
import type { WizardForm } from './wizardModel.ts';

/** The image, then the disks made with each server: the system disk holds at least the image. */
export function StepImage({ form, images }: { form: UseFormReturn<WizardForm>; images: UseQueryResult<ImageList> }) {
  const { t } = useTranslation();
  const types = useDiskTypes();
  const { register, control, formState: { errors } } = form;
  const disks = useFieldArray({ control, name: 'dataDisks' });
  const [osType, imageId, zone] = useWatch({ control, name: ['osType', 'imageId', 'availabilityZone'] });
  const bootable = (images.data?.items ?? []).filter((i) => i.status === 'active' && (!osType || i.osType === osType));
  const image = images.data?.items.find((i) => i.id === imageId);
  const typeOptions = (types.data?.items ?? []).map((info) => ({
    value: info.name,
    label: !info.availabilityZones.includes(zone) ? t('servers.wizard.typeNotHere', { type: info.name }) : info.soldOutIn.includes(zone) ? t('servers.wizard.typeSoldOut', { type: info.name }) : info.name,
  }));
  const minRoot = Math.max(DISK_SIZE_GIB.system.min, image?.minDiskGiB ?? 0);
  return (
    <>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">{t('servers.wizard.steps.image')}</h2>
      {images.isError && <ErrorNotice title={t('servers.os.imagesFailed')} error={images.error} onRetry={() => void images.refetch()} />}
      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <SelectField label={t('servers.wizard.osType')} options={[{ value: '', label: t('servers.wizard.anyOs') }, ...IMAGE_OS_TYPES.map((o) => ({ value: o, label: o }))]} {...register('osType')} />
        <SelectField
          label={t('servers.os.image')}
          options={[{ value: '', label: images.isPending ? t('common.loading') : t('servers.os.chooseImage') }, ...bootable.map((i) => ({ value: i.id, label: i.osVersion && i.osVersion !== i.name ? `${i.name} · ${i.osVersion}` : i.name }))]}
          help={image ? t('servers.wizard.imageNeeds', { disk: image.minDiskGiB, ram: image.minRamMiB }) : undefined}
          {...register('imageId')}
          error={errors.imageId?.message}
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">{t('servers.wizard.systemDisk')}</legend>
        <SelectField label={t('servers.wizard.diskType')} options={typeOptions} {...register('rootType')} error={errors.rootType?.message} />
        <NumberField
          label={t('servers.wizard.diskSize')}
          min={minRoot}
          max={DISK_SIZE_GIB.system.max}
          help={t('servers.wizard.rootRange', { min: minRoot, max: DISK_SIZE_GIB.system.max })}
          {...register('rootSize', { setValueAs: toOptionalNumber })}
          error={errors.rootSize?.message}
        />
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">{t('servers.wizard.dataDisks')}</legend>
        {disks.fields.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t('servers.wizard.noDataDisks')}</p>}
        <ul className="space-y-3">
          {disks.fields.map((field, i) => (
            <li key={field.id} className="grid items-start gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto_auto] dark:border-slate-700">
              <SelectField label={t('servers.wizard.dataDiskType', { n: i + 1 })} options={typeOptions} {...register(`dataDisks.${i}.type`)} error={errors.dataDisks?.[i]?.type?.message} />
              <NumberField
                label={t('servers.wizard.dataDiskSize', { n: i + 1 })}
                min={DISK_SIZE_GIB.data.min}
                max={DISK_SIZE_GIB.data.max}
                {...register(`dataDisks.${i}.sizeGiB`, { setValueAs: toOptionalNumber })}
                error={errors.dataDisks?.[i]?.sizeGiB?.message}
              />
              <CheckboxField className="sm:mt-7" label={t('servers.wizard.shared')} {...register(`dataDisks.${i}.shared`)} />
              <button type="button" className="btn-icon size-9 sm:mt-6" aria-label={t('servers.wizard.removeDisk', { n: i + 1 })} title={t('servers.wizard.removeDisk', { n: i + 1 })} onClick={() => disks.remove(i)}>
                <Trash2 aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
        {errors.dataDisks?.message && <p className="mt-2 text-xs text-red-700 dark:text-red-400" role="alert">{errors.dataDisks.message}</p>}
        <button type="button" className="btn-secondary mt-3" disabled={disks.fields.length >= MAX_DATA_DISKS_PER_SERVER} onClick={() => disks.append({ type: 'SSD', sizeGiB: 100, shared: false })}>
          <Plus aria-hidden className="size-4" />
          {t('servers.wizard.addDisk')}
        </button>
      </fieldset>
    </>
  );
}
