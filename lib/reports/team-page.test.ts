import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, checkupPlans, checkupRuns, teamManagers, teamMembers, teams } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import type { SessionUser } from '@/lib/auth/access';
import { parseTeamQuery, teamPage } from './team-page';

const now = new Date(Date.UTC(2026, 5, 1, 12));
const asViewer = (u: { id: string; email: string; name: string; role: SessionUser['role'] }): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

describe('parseTeamQuery', () => {
  it('keeps what it knows and falls back to the defaults for anything else', () => {
    expect(parseTeamQuery({ team: 't1', basis: 'checkup', sort: 'reflecting', dir: 'desc', q: '  ann ', show: 'overdue' })).toEqual({
      team: 't1',
      basis: 'checkup',
      sort: 'reflecting',
      dir: 'desc',
      search: 'ann',
      show: 'overdue',
    });
    expect(parseTeamQuery({ basis: 'x', sort: 'drop table', dir: 'sideways', show: ['onboarding', 'all'], q: 'a'.repeat(500) })).toEqual({
      team: '',
      basis: 'recent',
      sort: 'name',
      dir: 'asc',
      search: 'a'.repeat(100),
      show: 'onboarding',
    });
  });
});

describe.each(testDrivers)('teamPage on %s', (driver) => {
  const t = blockDatabase(driver);
  let manager: SessionUser;
  let admin: SessionUser;
  let learner: SessionUser;
  let harbour: string;
  let other: string;

  beforeAll(async () => {
    const ann = await makeUser(t.db, { email: 'ann@example.com', name: 'Ann Archer' });
    const bob = await makeUser(t.db, { email: 'bob@example.com', name: 'Bob Baker' });
    const cat = await makeUser(t.db, { email: 'cat@example.com', name: 'Cat Cole' });
    learner = asViewer(ann);
    manager = asViewer(await makeUser(t.db, { email: 'mgr@example.com', role: 'manager' }));
    admin = asViewer(await makeUser(t.db, { email: 'adm@example.com', role: 'admin' }));
    const [h, o] = await t.db.insert(teams).values([{ name: 'Harbour' }, { name: 'Other' }]).returning();
    harbour = h!.id;
    other = o!.id;
    await t.db.insert(teamManagers).values({ teamId: harbour, userId: manager.id });
    await t.db.insert(teamMembers).values([ann, bob].map((u) => ({ teamId: harbour, userId: u.id })));
    await t.db.insert(teamMembers).values({ teamId: other, userId: cat.id });
    // Bob has a check-up scenario past its due date; Ann has none.
    const [plan] = await t.db.insert(checkupPlans).values({ teamId: harbour, name: 'Spring' }).returning();
    const [run] = await t.db.insert(checkupRuns).values({ planId: plan!.id, teamId: harbour, runNo: 1, seed: 1, startsAt: new Date(now.getTime() - 20 * 86_400_000), dueAt: new Date(now.getTime() - 13 * 86_400_000) }).returning();
    await t.db.insert(assignments).values({ runId: run!.id, userId: bob.id, itemId: 'double-charge', dueAt: run!.dueAt });
  });

  it('opens the viewer’s first team with every member, and sums up onboarding and overdue work', async () => {
    const page = await teamPage(t.db, manager, parseTeamQuery({}), now);
    if (page.kind !== 'team') throw new Error(`expected a team, got ${page.kind}`);
    expect(page.teams.map((x) => x.name)).toEqual(['Harbour']);
    expect(page.visible.map((m) => m.name)).toEqual(['Ann Archer', 'Bob Baker']);
    expect(page.summary.overdueLearners).toBe(1);
    expect(page.summary.onboarded).toBe(0);
    expect(page.summary.finishedRuns).toEqual([]);
  });

  it('filters by name or email and by overdue work, and sorts as asked', async () => {
    const byEmail = await teamPage(t.db, manager, parseTeamQuery({ q: 'BOB@' }), now);
    expect(byEmail.kind === 'team' && byEmail.visible.map((m) => m.name)).toEqual(['Bob Baker']);
    const overdue = await teamPage(t.db, manager, parseTeamQuery({ show: 'overdue' }), now);
    expect(overdue.kind === 'team' && overdue.visible.map((m) => m.name)).toEqual(['Bob Baker']);
    const reversed = await teamPage(t.db, manager, parseTeamQuery({ sort: 'name', dir: 'desc' }), now);
    expect(reversed.kind === 'team' && reversed.visible.map((m) => m.name)).toEqual(['Bob Baker', 'Ann Archer']);
  });

  it('opens only a team from the viewer’s own list; an admin sees every team', async () => {
    expect((await teamPage(t.db, manager, parseTeamQuery({ team: other }), now)).kind).toBe('not-found');
    const adminView = await teamPage(t.db, admin, parseTeamQuery({ team: other }), now);
    expect(adminView.kind === 'team' && adminView.visible.map((m) => m.name)).toEqual(['Cat Cole']);
    expect((await teamPage(t.db, learner, parseTeamQuery({}), now)).kind).toBe('no-team');
  });
});
