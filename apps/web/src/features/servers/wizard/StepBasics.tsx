import '../catalogue.ts';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_SERVERS_PER_CREATE } from '@console/contract';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { useZones } from '../../disks/api.ts';
import { NumberField, toOptionalNumber } from '../../../components/form/fields.tsx';
import { useEcsQuotas, useFlavors } from '../api.ts';
import { FlavorPicker } from '../FlavorPicker.tsx';
import { serversLeft } from '../serverModel.ts';
import type { WizardForm } from './wizardModel.ts';

export function StepBasics({ form }: { form: UseFormReturn<WizardForm> }) {
  const { t } = useTranslation();
  const zones = useZones();
  const quotas = useEcsQuotas();
  const flavors = useFlavors();
  const { register, control, formState: { errors } } = form;
  const [zone, flavorId] = useWatch({ control, name: ['availabilityZone', 'flavorId'] });
  const flavor = flavors.data?.items.find((f) => f.id === flavorId);
  const left = serversLeft(quotas.data, flavor);
  return (
    <>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">{t('servers.wizard.steps.basics')}</h2>
      <SelectField
        label={t('servers.wizard.zone')}
        options={(zones.data?.items ?? []).map((z) => ({ value: z.name, label: z.available ? z.name : t('servers.wizard.zoneUnavailable', { name: z.name }) }))}
        {...register('availabilityZone')}
        error={errors.availabilityZone?.message}
      />
      <Controller
        control={control}
        name="flavorId"
        render={({ field }) => <FlavorPicker zone={zone} value={field.value} onChange={(f) => field.onChange(f.id)} error={errors.flavorId?.message} />}
      />
      <NumberField
        label={t('servers.wizard.count')}
        min={1}
        max={Math.min(MAX_SERVERS_PER_CREATE, left)}
        help={Number.isFinite(left) ? t('servers.wizard.countLeft', { count: left }) : t('servers.wizard.countHelp', { max: MAX_SERVERS_PER_CREATE })}
        {...register('count', { setValueAs: toOptionalNumber })}
        error={errors.count?.message}
      />
    </>
  );
}
