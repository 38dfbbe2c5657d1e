import './catalogue.ts';
import { useTranslation } from 'react-i18next';

export function ProtectedTypeText({ type }: { type: 'server' | 'disk' }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap">{t(`vaults.protectedType.${type}`)}</span>;
}

export function ProtectTypeText({ type }: { type: 'backup' | 'replication' }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap">{t(`vaults.protectType.${type}`)}</span>;
}

export function OperationText({ type }: { type: string }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap">{t(`vaults.ops.types.${type}`, { defaultValue: type })}</span>;
}
