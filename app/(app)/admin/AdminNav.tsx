// The admin area's sections: people, teams, import.
import Link from 'next/link';
import styles from './admin.module.css';

const sections = [
  { href: '/admin', label: 'People' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/import', label: 'Import people' },
] as const;

export function AdminNav({ current }: { current: (typeof sections)[number]['href'] }) {
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
