import './catalogue.ts';
import type { TFunction } from 'i18next';

/** Splits seconds into the two largest units that matter at a glance ("3 d 4 h", "5 h 12 min"). */
export function uptimeParts(totalSeconds: number): { days: number; hours: number; minutes: number } {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return {
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3_600),
    minutes: Math.floor((seconds % 3_600) / 60),
  };
}

export function formatUptime(totalSeconds: number, t: TFunction): string {
  const { days, hours, minutes } = uptimeParts(totalSeconds);
  if (days > 0) return t('uptime.daysHours', { days, hours });
  if (hours > 0) return t('uptime.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('uptime.minutes', { minutes });
  return t('uptime.lessThanMinute');
}
