import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, attempts, checkupPlans, checkupRuns, decisions, moduleProgress, teamMembers, teams } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import type { LearningPath } from '@/lib/content/paths';
import { ScenarioSchema } from '@/lib/scenario/schema';
import { choiceRows, nodeStats } from './choices';
import { neutralise, teamCsv } from './export';
import { sortMembers, teamOverview, type MemberRow } from './team';

const path: LearningPath = {
  id: 'onboarding',
  title: 'Onboarding',
  items: [
    { kind: 'module', id: 'reflecting-emotion' },
    { kind: 'scenario', id: 'double-charge' },
    { kind: 'module', id: 'apologizing' },
  ],
};

const now = new Date(Date.UTC(2026, 5, 1, 12));
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe.each(testDrivers)('team reports on %s', (driver) => {
  const t = blockDatabase(driver);
  let teamId: string;
  let otherTeamId: string;
  let ann: { id: string };
  let bob: { id: string };
  let outsider: { id: string };
  let runId: string;

  async function attempt(userId: string, opts: { at: Date; scenarioId?: string; score?: number; outcome?: string; assignmentId?: string; picks: [string, string, Record<string, number>, string?][] }) {
    const [a] = await t.db
      .insert(attempts)
      .values({
        userId,
        scenarioId: opts.scenarioId ?? 'double-charge',
        contentHash: 'h',
        mode: opts.assignmentId ? 'checkup' : 'practice',
        assignmentId: opts.assignmentId,
        status: opts.score === undefined ? 'in_progress' : 'completed',
        score: opts.score,
        outcome: opts.outcome,
        startedAt: opts.at,
      })
      .returning();
    await t.db.insert(decisions).values(opts.picks.map(([nodeId, choiceId, scores, replyText], seq) => ({ attemptId: a!.id, seq, nodeId, choiceId, scores, replyText, createdAt: new Date(opts.at.getTime() + seq * 1000) })));
    return a!;
  }

  beforeAll(async () => {
    ann = await makeUser(t.db, { email: 'ann@example.com', name: 'Ann Archer' });
    bob = await makeUser(t.db, { email: 'bob@example.com', name: '=HYPERLINK("http://x")' });
    outsider = await makeUser(t.db, { email: 'out@example.com', name: 'Out Sider' });
    const manager = await makeUser(t.db, { email: 'mgr@example.com', role: 'manager' });
    const [team, other] = await t.db.insert(teams).values([{ name: 'Harbour' }, { name: 'Other' }]).returning();
    teamId = team!.id;
    otherTeamId = other!.id;
    await t.db.insert(teamMembers).values([
      { teamId, userId: ann.id },
      { teamId, userId: bob.id },
      { teamId, userId: manager.id },
      { teamId: otherTeamId, userId: outsider.id },
    ]);
    const [plan] = await t.db.insert(checkupPlans).values({ teamId, name: 'Quarterly' }).returning();
    const [run] = await t.db.insert(checkupRuns).values({ planId: plan!.id, teamId, runNo: 1, seed: 1, startsAt: daysAgo(20), dueAt: daysAgo(6) }).returning();
    runId = run!.id;
    const [annAsg, , bobOpen] = await t.db
      .insert(assignments)
      .values([
        { userId: ann.id, itemId: 'double-charge', runId, dueAt: run!.dueAt, completedAt: daysAgo(10) },
        { userId: ann.id, itemId: 'late-parcel', runId, dueAt: run!.dueAt, completedAt: daysAgo(9) },
        { userId: bob.id, itemId: 'double-charge', runId, dueAt: run!.dueAt },
      ])
      .returning();
    void bobOpen;
    // Ann: a strong check-up, an old weak practice outside the 90 days.
    await attempt(ann.id, { at: daysAgo(10), score: 90, outcome: 'success', assignmentId: annAsg!.id, picks: [['open', 'feel', { reflecting: 3 }], ['fix', 'own', { ownership: 2 }]] });
    await attempt(ann.id, { at: daysAgo(200), score: 10, outcome: 'failure', picks: [['open', 'process', { reflecting: -3 }], ['fix', 'stall', { ownership: -2 }]] });
    // Bob: recent practice only.
    await attempt(bob.id, { at: daysAgo(3), score: 40, outcome: 'failure', picks: [['open', 'process', { reflecting: -1 }], ['fix', 'stall', { ownership: -3 }]] });
    await attempt(bob.id, { at: daysAgo(2), picks: [['open', 'process', { reflecting: -1 }, 'What is the account number, please?']] });
    // The outsider's picks must never appear in this team's figures.
    await attempt(outsider.id, { at: daysAgo(1), score: 100, outcome: 'success', picks: [['open', 'feel', { reflecting: 3 }], ['fix', 'own', { ownership: 3 }]] });
    await t.db.insert(moduleProgress).values([{ userId: ann.id, moduleId: 'reflecting-emotion', status: 'completed', completedAt: daysAgo(30), updatedAt: daysAgo(30) }]);
  });

  it('shows learners only, with onboarding, activity and overdue check-ups', async () => {
    const o = (await teamOverview(t.db, teamId, path, 'recent', now))!;
    // Sorted by name: Ann Archer before the formula-named Bob ("=" sorts first).
    expect(o.members.map((m) => m.email)).toEqual(['bob@example.com', 'ann@example.com']);
    const byEmail = new Map(o.members.map((m) => [m.email, m]));
    expect([...byEmail.keys()].sort()).toEqual(['ann@example.com', 'bob@example.com']);
    const annRow = byEmail.get('ann@example.com')!;
    const bobRow = byEmail.get('bob@example.com')!;
    // Ann finished the module and (through her check-up) the scenario.
    expect(annRow.onboardingDone).toBe(2);
    expect(bobRow.onboardingDone).toBe(1);
    expect(annRow.lastActivity!.getTime()).toBe(daysAgo(10).getTime() + 1000);
    expect(bobRow.overdue).toBe(1);
    expect(annRow.overdue).toBe(0);
    expect(o.pathLength).toBe(3);
  });

  it('scores the last 90 days or the latest check-up, as asked', async () => {
    const recent = (await teamOverview(t.db, teamId, path, 'recent', now))!;
    const annRecent = recent.members.find((m) => m.id === ann.id)!;
    // The old failure is outside the window.
    expect(annRecent.profile.reflecting).toEqual({ score: 100, decisions: 1 });
    const bobRecent = recent.members.find((m) => m.id === bob.id)!;
    expect(bobRecent.profile.reflecting).toEqual({ score: 33, decisions: 2 });
    expect(recent.weakest).toBe('ownership');

    const checkup = (await teamOverview(t.db, teamId, path, 'checkup', now))!;
    expect(checkup.latestRun).toMatchObject({ id: runId, assigned: 3, completed: 2, average: 90 });
    expect(checkup.members.find((m) => m.id === bob.id)!.profile.reflecting.score).toBeNull();
    expect(checkup.members.find((m) => m.id === ann.id)!.profile.ownership.score).toBe(83);
    expect(checkup.teamProfile.reflecting.score).toBe(100);
  });

  it('sorts by any column, unscored last either way', () => {
    const row = (name: string, reflecting: number | null): MemberRow => ({
      id: name,
      name,
      email: name,
      onboardingDone: 0,
      lastActivity: null,
      overdue: 0,
      profile: { ...Object.fromEntries(['relating', 'reflecting', 'normalizing', 'apologizing', 'nonverbal', 'timing', 'personalizing', 'ownership', 'language'].map((k) => [k, { score: null, decisions: 0 }])), reflecting: { score: reflecting, decisions: 1 } } as MemberRow['profile'],
    });
    const rows = [row('a', 50), row('b', null), row('c', 20), row('d', 80)];
    expect(sortMembers(rows, 'reflecting', 'asc').map((r) => r.name)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortMembers(rows, 'reflecting', 'desc').map((r) => r.name)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortMembers(rows, 'name', 'desc').map((r) => r.name)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('counts the team’s picks at each decision point and flags where most go wrong', async () => {
    const s = ScenarioSchema.parse({
      id: 'double-charge',
      title: 'T',
      channel: 'chat',
      persona: 'p',
      summary: 's',
      principles: ['P1'],
      skills: ['reflecting'],
      start: 'open',
      nodes: {
        open: {
          customer: 'Charged twice!',
          choices: [
            { id: 'feel', say: 'That is maddening.', scores: { reflecting: 3 }, mood: 1, feedback: 'f', next: 'fix' },
            { id: 'process', say: 'Account number?', scores: { reflecting: -1 }, mood: -1, feedback: 'f', next: 'fix' },
          ],
        },
        fix: {
          customer: 'Now what?',
          choices: [
            { id: 'own', say: 'I am refunding it now.', scores: { ownership: 2 }, mood: 1, feedback: 'f', next: 'done' },
            { id: 'stall', say: 'Someone will call.', scores: { ownership: -2 }, mood: -1, feedback: 'f', next: 'done' },
          ],
        },
      },
      endings: { done: { outcome: 'success', customer: 'Bye', summary: 's' } },
    });
    const stats = nodeStats(s, await choiceRows(t.db, teamId, 'double-charge'));
    const open = stats.find((n) => n.nodeId === 'open')!;
    expect(open.picks).toBe(4);
    expect(open.choices.find((c) => c.id === 'process')).toMatchObject({ picks: 3, typed: 1, share: 0.75, averageScore: 25, successRate: 0 });
    expect(open.choices.find((c) => c.id === 'feel')!.typed).toBe(0);
    expect(open.choices.find((c) => c.id === 'feel')).toMatchObject({ picks: 1, averageScore: 90, successRate: 1 });
    expect(open.goesWrong).toBe(true);
    const fix = stats.find((n) => n.nodeId === 'fix')!;
    expect(fix.picks).toBe(3);
  });

  it('exports CSV that parses back, with formulas neutralised', async () => {
    const csv = await teamCsv(t.db, teamId, 'skills');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2 * 9);
    const bobRows = rows.filter((r) => r.email === 'bob@example.com');
    expect(bobRows[0]!.learner).toBe(`'=HYPERLINK("http://x")`);
    expect(rows.find((r) => r.email === 'ann@example.com' && r.skill === 'reflecting')).toMatchObject({ score: '50', decisions_counted: '2', skill_name: 'Reflecting emotion' });
    expect(rows.some((r) => r.email === 'out@example.com')).toBe(false);

    const attemptsCsv = parse(await teamCsv(t.db, teamId, 'attempts'), { bom: true, columns: true }) as Record<string, string>[];
    expect(attemptsCsv).toHaveLength(4);
    expect(attemptsCsv.filter((r) => r.mode === 'checkup')).toHaveLength(1);
    expect(attemptsCsv.find((r) => r.score === '90')).toMatchObject({ email: 'ann@example.com', outcome: 'success', status: 'completed' });
  });

  it('neutralises only text that a spreadsheet would run', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('+44 20')).toBe("'+44 20");
    expect(neutralise('-x')).toBe("'-x");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('Zoë, "the" best')).toBe('Zoë, "the" best');
    expect(neutralise(-3)).toBe(-3);
  });
});
