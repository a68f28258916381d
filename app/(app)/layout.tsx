// Pages rendered per request: the header comes from the session checked on the server.
import type { ReactNode } from 'react';
import { Announcer } from '@/app/_components/Announcer';
import { DemoBanner } from '@/app/_components/DemoBanner';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { cachedDemoExposure } from '@/lib/admin/demo';
import { currentUser } from '@/lib/auth/guards';
import { runDueCheckupsOnLoad } from '@/lib/checkups/due';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Any page load creates the check-up runs that have come due (cheap when none has). After the
  // session check, which marks the page dynamic, so the build's prerender never opens the database.
  await runDueCheckupsOnLoad();
  const demo = user ? await cachedDemoExposure() : undefined;
  return (
    <>
      <SiteHeader user={user} />
      {user && demo?.publishedPassword && <DemoBanner user={user} localOnly={process.env.TRAINER_LOCAL_ONLY === '1'} />}
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      {user && <Announcer />}
    </>
  );
}
