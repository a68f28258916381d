// A notice on every signed-in page while the demo accounts still sign in with the published password.
import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/access';

export function DemoBanner({ user, localOnly }: { user: SessionUser; localOnly: boolean }) {
  return (
    // An <aside> so the notice sits in a landmark, as axe asks of all page content.
    <aside className={`demo-banner${localOnly ? '' : ' demo-banner-open'}`} aria-label="Demo data">
      <p>
        <strong>Demo data.</strong>{' '}
        {localOnly
          ? 'The demo accounts use a published password, so this server only accepts connections from this computer.'
          : 'The demo accounts use a published password and this server accepts connections from other computers: anyone who can reach it can sign in as the demo admin.'}{' '}
        {user.role === 'admin' ? <Link href="/admin#demo">Remove the demo organisation</Link> : 'Ask your admin to remove the demo organisation before real use.'}
      </p>
    </aside>
  );
}
