// The admin area's sections (people, teams, import, learning platforms): its tabs, and the top of a page about one thing in a section.
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './admin.module.css';

const sections = [
  { href: '/admin', label: 'People' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/import', label: 'Import people' },
  { href: '/admin/lti', label: 'Learning platforms' },
] as const;

type Section = (typeof sections)[number]['href'];

export function AdminNav({ current }: { current: Section }) {
  return (
    <nav aria-label="Admin">
      <ul className={styles.tabs}>
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={s.href === current ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top of a page about one person or team: back to its section's list, its name, then the tabs with that section current. */
export function AdminDetailTop({ section, title }: { section: Section; title: ReactNode }) {
  const back = sections.find((s) => s.href === section)!;
  return (
    <>
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1>{title}</h1>
      <AdminNav current={section} />
    </>
  );
}
