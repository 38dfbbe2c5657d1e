import './catalogue.ts';
import { useTranslation } from 'react-i18next';

export function RoleText({ role }: { role: 'system' | 'data' }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap">{role === 'system' ? t('disks.role.system') : t('disks.role.data')}</span>;
}
