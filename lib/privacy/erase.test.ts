import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, attempts, auditLog, decisions, recoveryCodes, reflections, sessions, signInFailures, teamManagers, teamMembers, teams, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { editPerson } from '@/lib/admin/users';
import { decideAttempt } from '@/lib/attempts/decide';
import { reviewAttempt } from '@/lib/attempts/read';
import { startAttempt } from '@/lib/attempts/start';
import { audit } from '@/lib/audit';
import { resolveSession } from '@/lib/auth/access';
import { createSession } from '@/lib/auth/sessions';
import { createPlan } from '@/lib/checkups/plans';
import { teamCheckupResults } from '@/lib/checkups/results';
import { skillProfile } from '@/lib/skills/profiles';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { ERASED_NAME, ERASED_REPLY, erasedEmail, erasePerson } from './erase';

const REPLY = 'Ana here: I am so sorry, that second charge is maddening. I will refund it right now.';
const policy = { idleMinutes: 60, maxHours: 12 };

describe.each(testDrivers)('erasing a person on %s', (driver) => {
  const t = blockDatabase(driver);
  let admin: { id: string };
  let ana: typeof users.$inferSelect;
  let bo: { id: string };
  let teamId: string;
  let practiceId: string;
  let sid: string;

  /** Plays a scenario to its end, typing the first reply and then picking the first choice on offer. */
  async function play(userId: string, scenarioId: string, mode: 'practice' | 'checkup', assignmentId?: string) {
    const started = await startAttempt(t.db, userId, scenarioCatalogue().get(scenarioId)!, mode, assignmentId);
    let answer = await decideAttempt(t.db, userId, started.attemptId, mode === 'practice' ? { seq: 0, reply: REPLY } : { seq: 0, choiceId: started.turn.choices[0]!.id });
    for (let seq = 1; answer.turn; seq++) answer = await decideAttempt(t.db, userId, started.attemptId, { seq, choiceId: answer.turn.choices[0]!.id });
    return started.attemptId;
  }

  /** A team's check-up results with learners in id order and without names: the numbers an erasure must not change. */
  const checkupNumbers = async () =>
    (await teamCheckupResults(t.db, teamId)).map((run) => ({
      ...run,
      learners: run.learners.map(({ name: _name, ...l }) => l).sort((a, b) => a.userId.localeCompare(b.userId)),
    }));

  beforeAll(async () => {
    admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    ana = await makeUser(t.db, { email: 'ana.old@example.com', name: 'Ana Ruiz', password: 'a long passphrase' });
    bo = await makeUser(t.db, { email: 'bo@example.com', name: 'Bo Li' });
    await audit(t.db, { action: 'signin.failed', subject: 'ana.old@example.com', ip: '192.0.2.7' });
    ana = await editPerson(t.db, admin.id, ana.id, { email: 'ana@example.com' });
    await t.db.update(users).set({ totpSecret: 'encrypted', totpEnabledAt: new Date(), ssoIssuer: 'https://id.example.com', ssoSubject: 'sub-ana' }).where(eq(users.id, ana.id));
    ana = (await t.db.select().from(users).where(eq(users.id, ana.id)))[0]!;
    await audit(t.db, { action: 'user.sso_linked', actorId: ana.id, subject: 'ana@example.com', detail: { issuer: 'https://id.example.com', subject: 'sub-ana' } });
    await audit(t.db, { action: 'signin.failed', subject: 'bo@example.com', ip: '192.0.2.8' });
    await t.db.insert(recoveryCodes).values({ userId: ana.id, codeHash: 'h' });
    await t.db.insert(signInFailures).values([
      { email: 'ana@example.com', ip: '192.0.2.7' },
      { email: 'bo@example.com', ip: '192.0.2.8' },
    ]);

    const [team] = await t.db.insert(teams).values({ name: 'Harbour' }).returning();
    const [north] = await t.db.insert(teams).values({ name: 'Northgate' }).returning();
    teamId = team!.id;
    await t.db.insert(teamMembers).values([{ teamId, userId: ana.id }, { teamId, userId: bo.id }]);
    await t.db.insert(teamManagers).values({ teamId: north!.id, userId: ana.id });
    await t.db.insert(reflections).values([
      { userId: ana.id, moduleId: 'reflecting-emotion', reflectionId: 'r1', text: 'Ana’s private note' },
      { userId: bo.id, moduleId: 'reflecting-emotion', reflectionId: 'r1', text: 'Bo’s note' },
    ]);
    practiceId = await play(ana.id, 'double-charge', 'practice');
    await play(bo.id, 'double-charge', 'practice');
    await createPlan(t.db, admin, { teamId, name: 'Spring', recurDays: null, scenarioCount: 1 });
    const [mine] = await t.db.select().from(assignments).where(eq(assignments.userId, ana.id));
    await play(ana.id, mine!.itemId, 'checkup', mine!.id);
    sid = await createSession(t.db, ana.id);
  });

  it('refuses one’s own account, unknown people and a confirmation that is not their email, changing nothing', async () => {
    await expect(erasePerson(t.db, admin.id, admin.id, { email: 'admin@example.com' })).rejects.toMatchObject({ status: 400, message: 'You cannot erase your own account: another admin has to.' });
    await expect(erasePerson(t.db, admin.id, 'not-an-id', { email: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(erasePerson(t.db, admin.id, '00000000-0000-4000-8000-000000000000', { email: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(erasePerson(t.db, admin.id, ana.id, { email: 'ana.old@example.com' })).rejects.toMatchObject({
      status: 400,
      message: 'To confirm, type the email of the person being erased (ana@example.com).',
    });
    expect((await t.db.select().from(users).where(eq(users.id, ana.id)))[0]).toMatchObject({ name: 'Ana Ruiz', active: true });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.erased'))).toEqual([]);
  });

  it('removes her name, email, sign-ins, words and notes, keeps her scores in every statistic, and is audited by id', async () => {
    const before = { profile: await skillProfile(t.db, ana.id), checkups: await checkupNumbers(), attempt: await reviewAttempt(t.db, practiceId) };
    const [typedBefore] = await t.db.select().from(decisions).where(eq(decisions.attemptId, practiceId)).limit(1);

    const out = await erasePerson(t.db, admin.id, ana.id, { email: ' ANA@example.com ', ip: '203.0.113.9' });
    expect(out).toEqual({ repliesErased: 1, statementsDeleted: 0, reflectionsDeleted: 1, sessionsEnded: 1, auditRowsRewritten: 3, signInFailuresDeleted: 1, teamsNoLongerManaged: 1 });

    const [row] = await t.db.select().from(users).where(eq(users.id, ana.id));
    expect(row).toMatchObject({
      name: ERASED_NAME,
      email: erasedEmail(ana.id),
      passwordHash: null,
      ssoIssuer: null,
      ssoSubject: null,
      totpSecret: null,
      totpEnabledAt: null,
      active: false,
      sessionVersion: ana.sessionVersion + 1,
    });
    expect(await resolveSession(t.db, { uid: ana.id, sv: ana.sessionVersion, sid }, policy)).toEqual({ revoked: 'inactive' });
    expect((await t.db.select().from(sessions).where(eq(sessions.id, sid)))[0]!.endedAt).not.toBeNull();
    expect(await t.db.select().from(recoveryCodes)).toEqual([]);
    expect((await t.db.select().from(signInFailures)).map((f) => f.email)).toEqual(['bo@example.com']);
    expect((await t.db.select().from(reflections)).map((r) => r.text)).toEqual(['Bo’s note']);
    expect(await t.db.select().from(teamManagers)).toEqual([]);
    expect((await t.db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId))).length).toBe(2);

    // Her words are gone; the choice each was heard as, its scores and the coach's findings stay.
    const [typed] = await t.db.select().from(decisions).where(eq(decisions.attemptId, practiceId)).limit(1);
    expect(typed).toMatchObject({ replyText: ERASED_REPLY, choiceId: typedBefore!.choiceId, scores: typedBefore!.scores });
    expect(typed!.coach!.findings.map((f) => f.detector)).toEqual(typedBefore!.coach!.findings.map((f) => f.detector));
    expect(typed!.coach!.findings.every((f) => f.spans.length === 0)).toBe(true);
    const after = await reviewAttempt(t.db, practiceId);
    expect(after!.transcript[0]).toMatchObject({ say: ERASED_REPLY, reply: { text: ERASED_REPLY } });
    expect(after!.ending).toEqual(before.attempt!.ending);
    expect(await skillProfile(t.db, ana.id)).toEqual(before.profile);
    expect(await checkupNumbers()).toEqual(before.checkups);
    expect((await teamCheckupResults(t.db, teamId))[0]!.learners.map((l) => l.name).sort()).toEqual(['Bo Li', ERASED_NAME]);
    expect((await t.db.select().from(attempts).where(eq(attempts.userId, ana.id))).length).toBe(2);

    // No audit row names her any more; Bo's rows are as they were.
    const rows = await t.db.select().from(auditLog);
    const text = JSON.stringify(rows);
    for (const gone of ['ana@example.com', 'ana.old@example.com', 'sub-ana', 'Ana Ruiz']) expect(text).not.toContain(gone);
    expect(rows.filter((r) => r.subject === erasedEmail(ana.id)).map((r) => r.action).sort()).toEqual(['signin.failed', 'user.sso_linked', 'user.updated']);
    expect(rows.find((r) => r.action === 'user.updated')!.detail).toEqual({ changed: ['email'], previousEmail: erasedEmail(ana.id) });
    expect(rows.find((r) => r.subject === 'bo@example.com')).toMatchObject({ action: 'signin.failed', ip: '192.0.2.8' });
    expect(rows.find((r) => r.action === 'user.erased')).toMatchObject({ actorId: admin.id, subject: ana.id, ip: '203.0.113.9', detail: out });
  });

  it('refuses to erase the same person twice', async () => {
    await expect(erasePerson(t.db, admin.id, ana.id, { email: erasedEmail(ana.id) })).rejects.toMatchObject({ status: 409, message: 'This person has already been erased.' });
  });
});
