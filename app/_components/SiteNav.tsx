'use client';
// The main navigation: a row of links on wide screens, a menu button on phones.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useState } from 'react';
import type { NavItem } from './nav-items';

export function SiteNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The phone menu is open for one page only, so following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();

  return (
    <nav aria-label="Main" className="site-nav">
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        Menu
      </button>
      <ul id={listId} className="nav-list" data-open={open}>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
