import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, checkAnswers, moduleProgress, recoveryCodes, reflections, teamManagers, teamMembers, teams, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { editPerson } from '@/lib/admin/users';
import { decideAttempt } from '@/lib/attempts/decide';
import { startAttempt } from '@/lib/attempts/start';
import { audit } from '@/lib/audit';
import { createSession, endSession } from '@/lib/auth/sessions';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { exportPersonalData } from './export';

const REPLY = 'I am so sorry, that second charge is maddening. I will refund it right now.';

describe.each(testDrivers)('downloading my data on %s', (driver) => {
  const t = blockDatabase(driver);
  let ana: typeof users.$inferSelect;
  let bo: { id: string };
  let practiceId: string;
  let checkupId: string;

  beforeAll(async () => {
    const admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    ana = await makeUser(t.db, { email: 'ana.old@example.com', name: 'Ana Ruiz', password: 'a long passphrase' });
    bo = await makeUser(t.db, { email: 'bo@example.com', name: 'Bo Li' });
    // Someone typed her old address before she moved to a new one; it is hers all the same.
    await audit(t.db, { action: 'signin.failed', subject: 'ana.old@example.com', ip: '192.0.2.7' });
    ana = await editPerson(t.db, admin.id, ana.id, { email: 'ana@example.com' });
    await t.db.update(users).set({ totpSecret: 'encrypted-secret-value', totpEnabledAt: new Date(), ssoIssuer: 'https://id.example.com', ssoSubject: 'sub-ana' }).where(eq(users.id, ana.id));
    await t.db.insert(recoveryCodes).values([
      { userId: ana.id, codeHash: 'recovery-hash-one' },
      { userId: ana.id, codeHash: 'recovery-hash-two', usedAt: new Date() },
    ]);
    // The old address, once free, belongs to nobody here: a later row naming it is not about her.
    await audit(t.db, { action: 'signin.failed', subject: 'ana.old@example.com', ip: '198.51.100.1' });
    await audit(t.db, { action: 'signin', actorId: ana.id, subject: 'ana@example.com', ip: '192.0.2.7' });
    await audit(t.db, { action: 'signin', actorId: bo.id, subject: 'bo@example.com', ip: '192.0.2.8' });

    const [harbour] = await t.db.insert(teams).values({ name: 'Harbour' }).returning();
    const [north] = await t.db.insert(teams).values({ name: 'Northgate' }).returning();
    await t.db.insert(teamMembers).values([{ teamId: harbour!.id, userId: ana.id }, { teamId: harbour!.id, userId: bo.id }]);
    await t.db.insert(teamManagers).values({ teamId: north!.id, userId: ana.id });
    await t.db.insert(moduleProgress).values({ userId: ana.id, moduleId: 'reflecting-emotion', status: 'completed', completedAt: new Date() });
    await t.db.insert(checkAnswers).values({ userId: ana.id, moduleId: 'reflecting-emotion', checkId: 'c1', optionId: 'b', correct: true });
    await t.db.insert(reflections).values([
      { userId: ana.id, moduleId: 'reflecting-emotion', reflectionId: 'r1', text: 'My own private note' },
      { userId: bo.id, moduleId: 'reflecting-emotion', reflectionId: 'r1', text: 'Bo’s note' },
    ]);

    const scenario = scenarioCatalogue().get('double-charge')!;
    const practice = await startAttempt(t.db, ana.id, scenario, 'practice');
    practiceId = practice.attemptId;
    const first = await decideAttempt(t.db, ana.id, practiceId, { seq: 0, reply: REPLY, elapsedMs: 4000 });
    await decideAttempt(t.db, ana.id, practiceId, { seq: 1, choiceId: first.turn!.choices[0]!.id });
    const [assigned] = await t.db.insert(assignments).values({ userId: ana.id, itemId: 'double-charge', dueAt: new Date(Date.now() + 86_400_000) }).returning();
    const checkup = await startAttempt(t.db, ana.id, scenario, 'checkup', assigned!.id);
    checkupId = checkup.attemptId;
    await decideAttempt(t.db, ana.id, checkupId, { seq: 0, choiceId: checkup.turn.choices[0]!.id });
    await startAttempt(t.db, bo.id, scenario, 'practice');

    const sid = await createSession(t.db, ana.id);
    await endSession(t.db, sid, 'signed out');
    await createSession(t.db, bo.id);
  });

  it('describes secrets without including them, and lists her teams, modules, notes, check-ups and sessions', async () => {
    const data = (await exportPersonalData(t.db, ana.id))!;
    const text = JSON.stringify(data);
    for (const secret of ['encrypted-secret-value', 'recovery-hash-one', 'recovery-hash-two', ana.passwordHash!, '$argon2']) expect(text).not.toContain(secret);
    expect(data.account).toMatchObject({
      id: ana.id,
      email: 'ana@example.com',
      name: 'Ana Ruiz',
      password: { set: true, mustChange: false },
      singleSignOn: { issuer: 'https://id.example.com', subject: 'sub-ana' },
      twoStepSignIn: { set: true, enabledAt: expect.any(Date) },
      recoveryCodes: { total: 2, unused: 1 },
      previousEmails: ['ana.old@example.com'],
    });
    expect(data.teams).toEqual({ memberOf: [{ id: expect.any(String), name: 'Harbour', joinedAt: expect.any(Date) }], manages: [{ id: expect.any(String), name: 'Northgate' }] });
    expect(data.modules).toEqual([expect.objectContaining({ moduleId: 'reflecting-emotion', status: 'completed' })]);
    expect(data.knowledgeChecks).toEqual([expect.objectContaining({ checkId: 'c1', optionId: 'b', correct: true })]);
    expect(data.reflections.map((r) => r.text)).toEqual(['My own private note']);
    expect(data.checkupAssignments).toEqual([expect.objectContaining({ itemId: 'double-charge', completedAt: null })]);
    expect(data.sessions).toEqual([expect.objectContaining({ endedReason: 'signed out', endedAt: expect.any(Date) })]);
    expect(Object.keys(data.sessions[0]!).sort()).toEqual(['endedAt', 'endedReason', 'lastSeenAt', 'startedAt']);
  });

  it('gives every decision of a finished attempt with the words, the choice, the scores and the feedback', async () => {
    const data = (await exportPersonalData(t.db, ana.id))!;
    expect(data.attempts.map((a) => a.id)).toEqual([practiceId, checkupId]);
    const practice = data.attempts[0]!;
    expect(practice).toMatchObject({ scenarioId: 'double-charge', scenarioTitle: expect.any(String), mode: 'practice', skillScores: expect.any(Object) });
    const [typed, picked] = practice.decisions;
    expect(typed).toMatchObject({ seq: 0, say: REPLY, reply: { text: REPLY, coach: { findings: expect.any(Array) } }, elapsedMs: 4000, choiceId: expect.any(String) });
    expect(typed!.feedback).toEqual(expect.any(String));
    expect(typed!.customer).toEqual(expect.any(String));
    expect(picked).toMatchObject({ seq: 1, choiceId: expect.any(String), say: expect.any(String), feedback: expect.any(String), scores: expect.any(Object) });
    expect(picked!.reply).toBeUndefined();
  });

  it('withholds an unfinished check-up’s scores and feedback, as the player does', async () => {
    const checkup = (await exportPersonalData(t.db, ana.id))!.attempts[1]!;
    expect(checkup).toMatchObject({ mode: 'checkup', status: 'in_progress', withheld: expect.stringContaining('once it ends') });
    expect(checkup.decisions).toHaveLength(1);
    expect(checkup.decisions[0]!.say).toEqual(expect.any(String));
    for (const hidden of ['choiceId', 'scores', 'feedback', 'moodAfter'] as const) expect(checkup.decisions[0]![hidden]).toBeUndefined();
    expect(checkup.score).toBeUndefined();
    expect(checkup.skillScores).toBeUndefined();
  });

  it('includes the audit rows about her under any email she has had, and nobody else’s', async () => {
    const data = (await exportPersonalData(t.db, ana.id))!;
    expect(data.audit.map((a) => [a.action, a.subject, a.ip, a.byYou])).toEqual([
      ['signin.failed', 'ana.old@example.com', '192.0.2.7', false],
      ['user.updated', 'ana@example.com', null, false],
      ['signin', 'ana@example.com', '192.0.2.7', true],
    ]);
    expect(JSON.stringify(data)).not.toContain('bo@example.com');
    expect(JSON.stringify(data)).not.toContain('Bo’s note');
  });

  it('finds nobody for an unknown id', async () => {
    expect(await exportPersonalData(t.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
