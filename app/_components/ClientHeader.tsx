'use client';
// The top bar on prerendered pages: the page is the same for everyone, so the user is fetched in the browser.
import { useEffect, useState } from 'react';
import { SiteHeader, type HeaderUser } from './SiteHeader';

export function ClientHeader() {
  const [user, setUser] = useState<HeaderUser | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/me')
      .then((r) => (r.ok ? (r.json() as Promise<{ user: HeaderUser }>) : null))
      .then((body) => live && setUser(body?.user ?? null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return <SiteHeader user={user} />;
}
