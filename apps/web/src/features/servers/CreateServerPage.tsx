import './catalogue.ts';
import './liveServers.ts';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ChevronLeft } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { announceTask } from '../disks/announce.ts';
import { useDiskTypes, useEvsQuotas, useZones } from '../disks/api.ts';
import { createServers, useEcsQuotas, useFlavors, useServerMutation } from './api.ts';
import { useImages } from './networkApi.ts';
import { StepBasics } from './wizard/StepBasics.tsx';
import { StepImage } from './wizard/StepImage.tsx';
import { StepNetwork } from './wizard/StepNetwork.tsx';
import { StepSettings } from './wizard/StepSettings.tsx';
import { StepSummary } from './wizard/StepSummary.tsx';
import { Stepper } from './wizard/Stepper.tsx';
import { contextIssues, schemaIssues, stepOf, STEPS, wizardDefaults, type StepId, type WizardContext, type WizardForm } from './wizard/wizardModel.ts';
import { contextIssueText, wizardIssueText } from './wizard/wizardText.ts';

function Wizard({ zone }: { zone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<WizardForm>({ defaultValues: wizardDefaults(zone) });
  const [step, setStep] = useState<StepId>('basics');
  const [refusal, setRefusal] = useState<unknown>();
  const values = useWatch({ control: form.control }) as WizardForm;
  const flavors = useFlavors();
  const images = useImages();
  const diskTypes = useDiskTypes();
  const ecsQuotas = useEcsQuotas();
  const evsQuotas = useEvsQuotas();
  const context: WizardContext = {
    flavor: flavors.data?.items.find((f) => f.id === values.flavorId),
    image: images.data?.items.find((i) => i.id === values.imageId),
    diskTypes: diskTypes.data?.items ?? [],
    ecsQuotas: ecsQuotas.data,
    evsQuotas: evsQuotas.data,
  };
  const create = useServerMutation(createServers, (task) => announceTask(task, t));
  // A field's complaint goes away as soon as it is changed; the next check says whether it still holds.
  const { subscribe, clearErrors } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name, type }) => {
          if (name && type === 'change') clearErrors(name.split('.')[0] as FieldPath<WizardForm>);
        },
      }),
    [subscribe, clearErrors],
  );

  /** Marks what is wrong in the given steps; answers the first step with a problem. */
  const check = (steps: readonly StepId[]): StepId | undefined => {
    form.clearErrors();
    const v = form.getValues();
    const found = [
      ...schemaIssues(v).issues.map((i) => ({ field: i.field, message: wizardIssueText(i, t) })),
      ...contextIssues(v, context).map((i) => ({ field: i.field, message: contextIssueText(i, t) })),
    ].filter((i) => steps.includes(stepOf(i.field)));
    for (const issue of found) form.setError(issue.field as FieldPath<WizardForm>, { type: 'worded', message: issue.message });
    const first = found[0];
    return first ? stepOf(first.field) : undefined;
  };

  const index = STEPS.findIndex((s) => s.id === step);
  const next = () => {
    if (check([step]) === undefined) setStep(STEPS[index + 1]!.id);
  };
  const submit = () => {
    setRefusal(undefined);
    const wrong = check(STEPS.map((s) => s.id));
    if (wrong) return setStep(wrong);
    const { request } = schemaIssues(form.getValues());
    if (!request) return;
    create.mutate(request, {
      onSuccess: () => void navigate('/servers'),
      onError: (error) => {
        const placed = error instanceof ApiRequestError ? error.fields : [];
        if (placed.length === 0) return setRefusal(error);
        // The BFF names request paths; the wizard shows them at its own fields, on their step.
        const issues = placed.map((f) => ({ field: f.path.replace(/^body\./, ''), code: 'worded', message: f.message }));
        const mapped = issues.map((i) => ({ ...i, field: i.field === 'rootVolume.sizeGiB' ? 'rootSize' : i.field.startsWith('nics') ? 'subnetId' : i.field.split('.')[0]! }));
        for (const i of mapped) form.setError(i.field as FieldPath<WizardForm>, { type: 'worded', message: i.message });
        setStep(stepOf(mapped[0]!.field));
      },
    });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
      <Stepper current={step} onChoose={(id) => STEPS.findIndex((s) => s.id === id) < index && setStep(id)} />
      <form noValidate onSubmit={(event) => { event.preventDefault(); if (step === 'summary') submit(); else next(); }} className="card space-y-5 p-5">
        {refusal !== undefined && <ErrorNotice title={t('servers.create.failed')} error={refusal} />}
        {step === 'basics' && <StepBasics form={form} />}
        {step === 'image' && <StepImage form={form} images={images} />}
        {step === 'network' && <StepNetwork form={form} />}
        {step === 'settings' && <StepSettings form={form} />}
        {step === 'summary' && <StepSummary values={values} context={context} />}
        <div className="flex justify-between gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <button type="button" className="btn-secondary" disabled={index === 0} onClick={() => setStep(STEPS[index - 1]!.id)}>{t('servers.wizard.back')}</button>
          <button type="submit" className="btn-primary" disabled={create.isPending} aria-busy={create.isPending}>
            {step === 'summary' ? t('servers.create.submit', { count: values.count ?? 1 }) : t('servers.wizard.next')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The zone list must be there before the form starts, for its first choice. */
export function CreateServerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('servers.create.title'));
  const zones = useZones();
  const first = zones.data?.items.find((z) => z.available)?.name ?? zones.data?.items[0]?.name;
  return (
    <div className="mx-auto max-w-6xl">
      <Link to="/servers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
        <ChevronLeft aria-hidden className="size-4" />
        {t('servers.title')}
      </Link>
      <h1 className="mt-2 text-xl font-semibold text-slate-900 dark:text-white">{t('servers.create.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('servers.create.description')}</p>
      {zones.isError && <ErrorNotice title={t('servers.create.loadFailed')} error={zones.error} onRetry={() => void zones.refetch()} />}
      {zones.isPending ? <p className="text-sm">{t('common.loading')}</p> : first !== undefined && <Wizard zone={first} />}
    </div>
  );
}
