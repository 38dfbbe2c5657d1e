import './catalogue.ts';
import { useState, type FormEvent } from 'react';
import type { EmulatorStatus } from '@console/contract';
import { ClockArrowUp, Pause, Play } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useClockAction } from './api.ts';
import { clockSpeeds, speedName, type ClockSpeedName } from './emulatorModel.ts';

const steps = [
  { seconds: 60, key: 'emulator.clock.plusMinute' },
  { seconds: 600, key: 'emulator.clock.plusTenMinutes' },
  { seconds: 3600, key: 'emulator.clock.plusHour' },
  { seconds: 86_400, key: 'emulator.clock.plusDay' },
] as const;
const maxAdvanceSeconds = 366 * 24 * 3600;

/** Freeze the clock to look at a transition half-way, advance it to make time-driven work due. */
export function ClockPanel({ status }: { status: EmulatorStatus }) {
  const { t } = useTranslation();
  const clock = useClockAction();
  const [seconds, setSeconds] = useState('');
  const [secondsError, setSecondsError] = useState<string>();
  const { frozen } = status.clock;
  const current = speedName(status.clock.speed);

  const advanceBy = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(seconds);
    if (seconds.trim() === '' || !Number.isFinite(value) || value <= 0 || value > maxAdvanceSeconds) {
      setSecondsError(t('emulator.clock.secondsRule', { max: maxAdvanceSeconds }));
      return;
    }
    setSecondsError(undefined);
    clock.mutate({ action: 'advance', seconds: value }, { onSuccess: () => setSeconds('') });
  };

  return (
    <Card title={t('emulator.clock.title')} icon={ClockArrowUp}>
      <div className="space-y-4 py-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">{frozen ? t('emulator.clock.frozenHelp') : t('emulator.clock.runningHelp')}</p>
        <div className="flex flex-wrap gap-2">
          {frozen ? (
            <button type="button" className="btn-secondary" disabled={clock.isPending} onClick={() => clock.mutate({ action: 'resume' })}>
              <Play aria-hidden className="size-4" />
              {t('emulator.clock.resume')}
            </button>
          ) : (
            <button type="button" className="btn-secondary" disabled={clock.isPending} onClick={() => clock.mutate({ action: 'freeze' })}>
              <Pause aria-hidden className="size-4" />
              {t('emulator.clock.freeze')}
            </button>
          )}
          {steps.map((step) => (
            <button key={step.seconds} type="button" className="btn-ghost border border-slate-200 dark:border-slate-700" disabled={clock.isPending} onClick={() => clock.mutate({ action: 'advance', seconds: step.seconds })}>
              {t(step.key)}
            </button>
          ))}
        </div>
        <form noValidate onSubmit={advanceBy} className="flex flex-wrap items-start gap-2">
          <TextField
            className="w-48"
            label={t('emulator.clock.seconds')}
            inputMode="numeric"
            autoComplete="off"
            value={seconds}
            onChange={(event) => setSeconds(event.target.value)}
            error={secondsError}
          />
          <button type="submit" className="btn-secondary mt-6" disabled={clock.isPending}>
            {t('emulator.clock.advance')}
          </button>
        </form>
        <SelectField
          className="w-64"
          label={t('emulator.clock.speed')}
          help={t('emulator.clock.speedHelp')}
          value={current ?? ''}
          disabled={clock.isPending}
          onChange={(event) => clock.mutate({ action: 'speed', speed: clockSpeeds[event.target.value as ClockSpeedName] })}
          options={[
            ...(current ? [] : [{ value: '', label: String(status.clock.speed) }]),
            ...(Object.keys(clockSpeeds) as ClockSpeedName[]).map((name) => ({ value: name, label: t(`emulator.speed.${name}`) })),
          ]}
        />
        {clock.isError && <ErrorNotice title={t('common.refused')} error={clock.error} />}
      </div>
    </Card>
  );
}
