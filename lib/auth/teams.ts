// Teams as a manager sees them: the teams they manage (admins: every team) and their members.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teamManagers, teamMembers, teams, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/access';

export interface TeamWithMembers {
  id: string;
  name: string;
  members: { id: string; name: string; email: string; active: boolean }[];
}

/** The teams a viewer may open (a manager's own, every team for an admin), without members. One query. */
export async function teamsVisibleTo(db: Db, viewer: SessionUser): Promise<{ id: string; name: string }[]> {
  if (viewer.role === 'admin') return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  if (viewer.role !== 'manager') return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .innerJoin(teamManagers, eq(teamManagers.teamId, teams.id))
    .where(eq(teamManagers.userId, viewer.id))
    .orderBy(asc(teams.name));
}

/** The same teams with their members. Two queries. */
export async function teamsFor(db: Db, viewer: SessionUser): Promise<TeamWithMembers[]> {
  const teamRows = await teamsVisibleTo(db, viewer);
  if (teamRows.length === 0) return [];
  const memberRows = await db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email, active: users.active })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, teamRows.map((t) => t.id)))
    .orderBy(asc(users.name));
  return teamRows.map((t) => ({
    ...t,
    members: memberRows.filter((m) => m.teamId === t.id).map(({ teamId: _teamId, ...m }) => m),
  }));
}
