import { useSession } from '../auth/session.ts';
import { HealthCard } from './HealthCard.tsx';
import { Overview } from './overview/Overview.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionCard } from './SessionCard.tsx';

/** Everything on Home below its title: one chunk of its own, fetched as Home renders. */
export function HomeBody() {
  const { user, profile } = useSession();
  return (
    <>
      <Overview />
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <ProfileCard profile={profile} />
        <SessionCard user={user} />
        <HealthCard />
      </div>
    </>
  );
}
