import { useContext } from 'react';
import { ScanSearch } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SessionContext } from '../auth/session.ts';

/** The inspector filtered to one upstream request id, or to one task's calls. */
export const callsOfRequest = (requestId: string) => `/calls?requestId=${encodeURIComponent(requestId)}`;
export const callsOfTask = (taskId: string) => `/calls?taskId=${encodeURIComponent(taskId)}`;

/**
 * From a refusal or a task to the upstream calls behind it, in the API-call inspector. Shown to
 * operators and admins only (viewers cannot open the inspector), and not before sign-in. Its
 * words are in the core catalogue: error notices are part of the first download.
 */
export function CallLink({ requestId, taskId, className = '' }: { requestId?: string | undefined; taskId?: string | undefined; className?: string }) {
  const { t } = useTranslation();
  const session = useContext(SessionContext);
  if (!session || session.user.role === 'viewer') return null;
  const to = requestId ? callsOfRequest(requestId) : taskId ? callsOfTask(taskId) : undefined;
  if (!to) return null;
  return (
    <Link to={to} className={`inline-flex items-center gap-1 font-medium underline-offset-2 hover:underline ${className}`}>
      <ScanSearch aria-hidden className="size-3.5" />
      {requestId ? t('callLink.request') : t('callLink.task')}
    </Link>
  );
}
