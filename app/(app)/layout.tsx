// Pages rendered per request: the header comes from the session checked on the server.
import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { currentUser } from '@/lib/auth/guards';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
