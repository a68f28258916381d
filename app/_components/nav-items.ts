// Which areas each role sees in the navigation.
import { canAuthor, canManage, type Role } from '@/lib/roles';

export interface NavItem {
  href: string;
  label: string;
}

const learnerItems: NavItem[] = [
  { href: '/learn', label: 'Learn' },
  { href: '/practice', label: 'Practice' },
  { href: '/checkups', label: 'Check-ups' },
  { href: '/progress', label: 'My progress' },
];

export function navItemsFor(role: Role): NavItem[] {
  const items = [...learnerItems];
  if (canManage(role)) items.push({ href: '/team', label: 'Team' });
  if (canAuthor(role)) items.push({ href: '/studio', label: 'Studio' });
  if (role === 'admin') items.push({ href: '/admin', label: 'Admin' });
  return items;
}
