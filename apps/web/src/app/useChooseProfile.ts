import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../components/errorText.ts';
import { showToast } from '../components/toast/toastStore.ts';
import { meQueryKey } from '../features/auth/session.ts';
import { useSwitchProfile } from '../features/profiles/api.ts';
import { listAfterSwitch } from './profilePaths.ts';
import { appRoutes } from './routes.tsx';

/** Other tabs of this browser hear of a switch here: the BFF keeps one active profile per user. */
const channelName = 'console.profile';

/**
 * Switching the profile, from the header or the palette: the whole console then shows the other
 * cloud account. A page of one resource of the old account leaves for its list, and the other tabs
 * are told, so none of them keeps showing one account while acting on the other.
 */
export function useChooseProfile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const switchProfile = useSwitchProfile();
  const choose = (id: string) =>
    switchProfile.mutate(id, {
      onSuccess: (me) => {
        showToast({ tone: 'info', title: t('profile.switched', { name: me.profile.name }) });
        const list = listAfterSwitch(appRoutes, location.pathname);
        if (list) void navigate(list);
        if (typeof BroadcastChannel === 'function') {
          const channel = new BroadcastChannel(channelName);
          channel.postMessage(me.profile.id);
          channel.close();
        }
      },
      onError: (error) => showToast({ tone: 'error', title: t('profile.switchFailed'), description: errorText(error, t) }),
    });
  return { choose, pending: switchProfile.isPending };
}

/** In every tab: a switch made in another one reloads the session and everything shown. */
export function useProfileSync(): void {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(channelName);
    channel.onmessage = () => {
      const list = listAfterSwitch(appRoutes, window.location.pathname);
      if (list) void navigate(list);
      void client.invalidateQueries({ queryKey: meQueryKey });
      void client.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    };
    return () => channel.close();
  }, [client, navigate]);
}
