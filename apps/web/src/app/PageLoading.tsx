import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/Spinner.tsx';

/** Shown while a screen's code arrives on the first visit. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-[50vh] items-center justify-center">
      <Spinner label={t('common.loading')} />
    </div>
  );
}
