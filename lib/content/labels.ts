// Words for stored values shown to managers and learners, so every page names an outcome, a change or a role the same way.
import type { Role } from '@/lib/roles';

const outcomes: Record<string, string> = { success: 'Success', partial: 'Partly resolved', failure: 'Went wrong' };

/** A role-play ending's outcome in words; an outcome this list does not know is shown as stored rather than hidden. */
export const outcomeLabel = (outcome: string | null): string => outcomes[outcome ?? ''] ?? outcome ?? '';

/** Each role in words, one and many, in the order the pickers list them. */
export const roleLabels: readonly { role: Role; one: string; many: string }[] = [
  { role: 'learner', one: 'Learner', many: 'Learners' },
  { role: 'manager', one: 'Manager', many: 'Managers' },
  { role: 'author', one: 'Author', many: 'Authors' },
  { role: 'admin', one: 'Admin', many: 'Admins' },
];

/** A role in words, as a badge or a table cell shows it. */
export const roleLabel = (role: Role): string => roleLabels.find((r) => r.role === role)?.one ?? role;
