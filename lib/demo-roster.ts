// The demo organisation's people, teams and published password: data only, so the sign-in page and access rules can name them without the seeding code.
import type { Role } from '@/db/schema';

export const DEMO_PASSWORD = 'practice-empathy';

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
}

const learnerNames = [
  'Priya Raman', 'Tomás Herrera', 'Grace Okafor', 'Liam Walsh', 'Mei Chen', 'Samuel Adeyemi',
  'Hannah Becker', 'Omar Haddad', 'Chloe Martin', 'Diego Alvarez', 'Aisha Karimi', 'Noah Fischer',
];

export const demoPeople: DemoPerson[] = [
  { email: 'admin@example.com', name: 'Alex Morgan', role: 'admin' },
  { email: 'manager1@example.com', name: 'Jordan Lee', role: 'manager' },
  { email: 'manager2@example.com', name: 'Sam Patel', role: 'manager' },
  { email: 'manager3@example.com', name: 'Riley Brooks', role: 'manager' },
  { email: 'author@example.com', name: 'Casey Nguyen', role: 'author' },
  ...learnerNames.map((name, i) => ({ email: `learner${i + 1}@example.com`, name, role: 'learner' as const })),
];

export const demoTeams = [
  { name: 'Harbour Street Support', manager: 'manager1@example.com', learners: [1, 2, 3, 4, 5, 6] },
  { name: 'Northgate Contact Centre', manager: 'manager2@example.com', learners: [7, 8, 9, 10, 11, 12] },
];

/** A team with six months of practice and two check-ups, so dashboards have something to show. */
export const demoHistoryTeam = { name: 'Riverside Care Line', manager: 'manager3@example.com', emailPrefix: 'riverside', learners: 40, attempts: 2000 };
