// The shell around every page: skip link, brand, navigation for the signed-in role, and the user's menu.
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentUser } from '@/lib/auth/guards';
import { navItemsFor } from './_components/nav-items';
import { SignOutButton } from './_components/SignOutButton';
import { SiteNav } from './_components/SiteNav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Empathy Trainer', template: '%s · Empathy Trainer' },
  description: 'Learn and practise empathy with customers: short lessons, then role-plays with simulated customers.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4e5f' };

const roleLabel = { learner: 'Learner', manager: 'Manager', admin: 'Admin' } as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
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
                  {user.name}
                  <span className="role-badge">{roleLabel[user.role]}</span>
                </span>
                <SignOutButton />
              </div>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
