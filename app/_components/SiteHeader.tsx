// The top bar: brand, the navigation for the user's role, their name and sign-out. Used on server and client.
import Link from 'next/link';
import { roleLabel } from '@/lib/content/labels';
import type { Role } from '@/lib/roles';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './SignOutButton';
import { SiteNav } from './SiteNav';

export interface HeaderUser {
  name: string;
  role: Role;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link href="/" className="brand">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="16" cy="16" r="15" fill="#e8f3f1" stroke="currentColor" strokeWidth="2" />
            <path d="M9 18c2 3 4.5 4.5 7 4.5s5-1.5 7-4.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
            <circle cx="11.5" cy="12.5" r="1.8" fill="currentColor" />
            <circle cx="20.5" cy="12.5" r="1.8" fill="currentColor" />
          </svg>
          <span>Empathy Trainer</span>
        </Link>
        {user && <SiteNav items={navItemsFor(user.role)} />}
        {user && (
          <div className="user-menu">
            <span className="user-name">
              <Link href="/account">
                {user.name}
                <span className="visually-hidden">: my account</span>
              </Link>
              <span className="role-badge">{roleLabel(user.role)}</span>
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
