import validate from 'xapi-validation';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { xapiOutbox } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { createSession } from '@/lib/auth/sessions';
import { decideAttempt, decideOnUsualPath } from '@/lib/attempts/decide';
import { startAttempt } from '@/lib/attempts/start';
import { loaded } from '@/lib/attempts/testing';
import { getCourse } from '@/lib/content/course';
import { answerCheck } from '@/lib/progress/modules';
import { parseEnv } from '@/lib/env';
import { erasePerson } from '@/lib/privacy/erase';
import { retentionPolicy, runRetention } from '@/lib/privacy/retention';
import { drainStore, LrsError, outboxHealth, queueStatements, type Lrs } from './outbox';
import { moduleCompleted, verbs, type Statement } from './statements';

// The settings are read once per process (lib/env.ts): two stores, before anything reads them.
process.env.XAPI_LRS_ENDPOINT = 'https://lrs-one.example.com/xapi';
process.env.XAPI_LRS_KEY = 'k1';
process.env.XAPI_LRS_SECRET = 's1';
process.env.XAPI_LRS_2_ENDPOINT = 'https://lrs-two.example.com/xapi';
process.env.XAPI_LRS_2_KEY = 'k2';
process.env.XAPI_LRS_2_SECRET = 's2';

const one: Lrs = { endpoint: 'https://lrs-one.example.com/xapi', key: 'k1', secret: 's1' };
const src = { base: 'http://localhost:3000' };

describe.each(testDrivers)('the xAPI outbox on %s', (driver) => {
  const statements: string[] = [];
  const t = blockDatabase(driver, (q) => statements.push(q));
  let learner: { id: string };
  let sid: string;
  const queued = async (lrs = one.endpoint) =>
    (await t.db.select().from(xapiOutbox).where(eq(xapiOutbox.lrs, lrs)).orderBy(xapiOutbox.id)).map((r) => r.statement as unknown as Statement);
  beforeAll(async () => {
    learner = await makeUser(t.db, { email: 'xapi@example.com' });
    sid = await createSession(t.db, learner.id);
  });

  it('queues each decision for every store in the statement that writes it, and the attempt’s end with the last one', async () => {
    await startAttempt(t.db, learner.id, loaded(), 'practice');
    // The scenario's version is stored once per process; after that a start is one statement, launch queued with it.
    statements.length = 0;
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^with started as \(insert into "attempts"/);
    await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' });
    // A repeat of the same decision writes nothing, so it queues nothing.
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    const mine = (await queued()).filter((s) => s.context?.registration === attemptId);
    expect(mine.map((s) => s.verb.id)).toEqual([verbs.launched.id, verbs.answered.id, verbs.answered.id, verbs.passed.id]);
    expect(mine.map((s) => s.result?.response)).toEqual([undefined, 'feel', 'fix', undefined]);
    for (const s of mine) expect(validate(s)).toEqual([]);
    expect((await queued('https://lrs-two.example.com/xapi')).filter((s) => s.context?.registration === attemptId).map((s) => s.id)).toEqual(mine.map((s) => s.id));
  });

  it('queues each knowledge check answered, and the module completed with the last, in the answer’s transaction', async () => {
    const mod = getCourse().byId.get('timing')!;
    for (const check of mod.checks) await answerCheck(t.db, learner.id, mod, check.id, check.options[0]!.id);
    const about = (await queued()).filter((s) => s.object.id.includes('/xapi/modules/timing'));
    expect(about.map((s) => s.verb.id)).toEqual([...mod.checks.map(() => verbs.answered.id), verbs.completed.id]);
    expect(about.slice(0, -1).map((s) => s.result?.success)).toEqual(mod.checks.map((c) => c.options[0]!.correct));
    for (const s of about) expect(validate(s)).toEqual([]);
  });

  it('queues a statement once however often it is queued', async () => {
    const s = moduleCompleted(src, { userId: learner.id, module: { id: 'timing', title: 'Timing' }, at: new Date() });
    await queueStatements(t.db, [s]);
    await queueStatements(t.db, [s]);
    expect((await queued()).filter((q) => q.id === s.id)).toHaveLength(1);
  });

  it('sends what is due, backs off after a failure, and sends it later; nothing is sent twice', async () => {
    let clock = new Date(Date.now() + 60_000);
    const now = () => clock;
    const down = async () => {
      throw new LrsError(503, 'the store answered 503: down for maintenance');
    };
    const pending = (await outboxHealth(t.db)).find((h) => h.lrs === one.endpoint)!.pending;
    expect(pending).toBeGreaterThan(0);
    expect(await drainStore(t.db, one, down, now)).toEqual({ sent: 0, failed: Math.min(pending, 50) });
    expect((await outboxHealth(t.db)).find((h) => h.lrs === one.endpoint)).toMatchObject({ pending, failing: Math.min(pending, 50), sent: 0, lastError: 'the store answered 503: down for maintenance' });
    // Not due again until the back-off has passed.
    const received: string[] = [];
    const up = async (_: Lrs, batch: Statement[]) => void received.push(...batch.map((s) => s.id));
    expect(await drainStore(t.db, one, up, now)).toEqual({ sent: 0, failed: 0 });
    clock = new Date(clock.getTime() + 6_000);
    expect((await drainStore(t.db, one, up, now)).sent).toBe(pending);
    expect(new Set(received).size).toBe(pending);
    expect(await drainStore(t.db, one, up, now)).toEqual({ sent: 0, failed: 0 });
    expect((await outboxHealth(t.db)).find((h) => h.lrs === one.endpoint)).toMatchObject({ pending: 0, failing: 0, sent: pending, lastError: null });
  });

  it('lets two senders drain one store at once without sending a statement twice', async () => {
    const at = new Date();
    await queueStatements(t.db, Array.from({ length: 120 }, (_, i) => moduleCompleted(src, { userId: learner.id, module: { id: `m${i}`, title: `Module ${i}` }, at })));
    const received: string[] = [];
    const slow = async (_: Lrs, batch: Statement[]) => {
      await new Promise((r) => setTimeout(r, 20));
      received.push(...batch.map((s) => s.id));
    };
    const later = () => new Date(Date.now() + 3_600_000);
    const [a, b] = await Promise.all([drainStore(t.db, one, slow, later), drainStore(t.db, one, slow, later)]);
    expect(a.sent + b.sent).toBe(120);
    expect(received).toHaveLength(120);
    expect(new Set(received).size).toBe(120);
  });

  it('keeps delivered statements a month and waiting ones until sent', async () => {
    const before = await outboxHealth(t.db);
    const sent = before.reduce((n, h) => n + h.sent, 0);
    const pending = before.reduce((n, h) => n + h.pending, 0);
    expect(sent).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(0);
    expect((await runRetention(t.db, retentionPolicy(parseEnv({})), new Date(Date.now() + 29 * 86_400_000))).statementsSent).toBe(0);
    expect((await runRetention(t.db, retentionPolicy(parseEnv({})), new Date(Date.now() + 40 * 86_400_000))).statementsSent).toBe(sent);
    const after = await outboxHealth(t.db);
    expect(after.reduce((n, h) => n + h.pending, 0)).toBe(pending);
    expect(after.reduce((n, h) => n + h.sent, 0)).toBe(0);
  });

  it('keeps nothing about an erased person, sent or waiting, and nobody else’s rows go with theirs', async () => {
    const admin = await makeUser(t.db, { email: 'xapi-admin@example.com', role: 'admin' });
    const other = await makeUser(t.db, { email: 'xapi-other@example.com' });
    await queueStatements(t.db, [moduleCompleted(src, { userId: other.id, module: { id: 'timing', title: 'Timing' }, at: new Date() })]);
    const about = async (id: string) => (await t.db.select().from(xapiOutbox)).filter((r) => JSON.stringify(r.statement).includes(id)).length;
    const learnersRows = await about(learner.id);
    expect(await about(other.id)).toBe(2);
    expect((await erasePerson(t.db, admin.id, other.id, { email: 'xapi-other@example.com' })).statementsDeleted).toBe(2);
    expect(await about(other.id)).toBe(0);
    expect(await about(learner.id)).toBe(learnersRows);
  });
});
