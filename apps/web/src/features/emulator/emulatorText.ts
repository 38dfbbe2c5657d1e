import './catalogue.ts';
import type { TFunction } from 'i18next';
import type { EmulatorClock, Fault } from '@console/contract';
import { faultFields, speedName } from './emulatorModel.ts';

export function speedLabel(speed: EmulatorClock['speed'], t: TFunction): string {
  const name = speedName(speed);
  return name ? t(`emulator.speed.${name}`) : t('emulator.speed.custom', { speed: String(speed) });
}

/** Where a fault applies: a service and operation, a service, or every call. */
export function faultScope(fault: Fault, t: TFunction): string {
  const f = faultFields(fault);
  if (fault.kind === 'job') return t('emulator.faults.scopeJob', { jobType: f.jobType ?? '' });
  if (f.service && f.operation) return `${f.service.toUpperCase()} · ${f.operation}`;
  if (f.service) return t('emulator.faults.scopeService', { service: f.service.toUpperCase() });
  if (f.operation) return t('emulator.faults.scopeOperation', { operation: f.operation });
  return t('emulator.faults.scopeAll');
}

/** What a fault does, in one sentence. */
export function faultEffect(fault: Fault, t: TFunction): string {
  const f = faultFields(fault);
  // the catalogue carries the separator: a space in English, none before a full-width bracket
  const left = f.remaining ? t('emulator.faults.remaining', { count: Number(f.remaining) }) : '';
  if (fault.kind === 'latency') {
    return Number(f.jitterMs ?? 0) > 0
      ? t('emulator.faults.latencyJitter', { fixed: f.fixedMs ?? '0', jitter: f.jitterMs })
      : t('emulator.faults.latency', { fixed: f.fixedMs ?? '0' });
  }
  if (fault.kind === 'error') {
    return `${t('emulator.faults.error', { percent: Math.round(Number(f.rate ?? 0) * 100), status: f.status ?? '', code: f.code ?? '' })}${left}`;
  }
  return `${t('emulator.faults.job', { code: f.code ?? '' })}${left}`;
}
