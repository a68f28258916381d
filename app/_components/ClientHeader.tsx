'use client';
// The top bar on prerendered pages: the page is the same for everyone, so the user is fetched in the browser.
import { useEffect, useState } from 'react';
import { get } from '@/app/_lib/api';
import { SiteHeader, type HeaderUser } from './SiteHeader';

export function ClientHeader() {
  const [user, setUser] = useState<HeaderUser | null>(null);
  useEffect(() => {
    let live = true;
    // Signed out or unreachable, the header simply shows no one.
    void get<{ user: HeaderUser }>('/api/me').then((sent) => live && setUser(sent.ok ? (sent.data.user ?? null) : null));
    return () => {
      live = false;
    };
  }, []);
  return <SiteHeader user={user} />;
}
