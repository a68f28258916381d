// Two production instances on one PostgreSQL database, a learner's requests alternating between them: shared sessions and sign-out, attempts, deactivation and sign-in limits.
import { expect, test } from '@playwright/test';
import { testDrivers } from '../db/testing';
import { readScenarios } from '../lib/content/scenarios';
import { buildIsCurrent } from '../scripts/build-state';
import { Client, signInCookie, signOut, trySignIn } from './http';
import { decisionLogs, launchServer, logProblems, preparePostgres, stopServer, waitForReady, type RunningServer } from './server';

const scenarioId = 'double-charge';
const best = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === scenarioId)!.analysis.bestPath;
const bases = ['http://127.0.0.1:3222', 'http://127.0.0.1:3223'] as const;
const maxFailures = 4;

// Instances need PostgreSQL; like the data-layer tests, this runs wherever TEST_DATABASE_URL is set (always in CI).
if (testDrivers.includes('postgres')) {
  test('two instances on one database behave as one app', async () => {
    test.setTimeout(240_000);
    const people = ['learner@example.com', 'admin@example.com', 'limited@example.com', 'bystander@example.com', 'learner2@example.com'];
    const database = await preparePostgres(people.map((email) => ({ email, role: email.startsWith('admin') ? 'admin' : 'learner' })));
    const env = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: 'one-secret-for-every-instance-'.repeat(2),
      SEED_DEMO: '0',
      // As behind a load balancer, so the test can speak for several client addresses.
      TRUST_PROXY: 'true',
      SIGNIN_MAX_FAILURES: String(maxFailures),
    };
    const servers: RunningServer[] = [];
    try {
      const launch = (base: string) => {
        const server = launchServer({ ...env, PORT: new URL(base).port });
        servers.push(server);
        return waitForReady(server);
      };
      // A stale build would be built by both at once into the same folder; the first builds alone.
      if (buildIsCurrent()) await Promise.all(bases.map(launch));
      else for (const base of bases) await launch(base);

      const learnerCookie = await signInCookie(bases[0], 'learner@example.com');
      const adminCookie = await signInCookie(bases[1], 'admin@example.com');
      const learner = bases.map((b) => new Client(b, learnerCookie));
      const admin = bases.map((b) => new Client(b, adminCookie));

      await test.step('a session from either instance works on both', async () => {
        for (const [who, clients] of [
          ['learner@example.com', learner],
          ['admin@example.com', admin],
        ] as const) {
          for (const c of clients) {
            const me = await c.send<{ user: { email: string } }>('GET', '/api/me');
            expect(me.status).toBe(200);
            expect(me.body.user.email).toBe(who);
          }
        }
      });

      await test.step('one attempt played across both, each decision also sent to both at once', async () => {
        const started = await learner[0]!.start(scenarioId);
        expect(started.status).toBe(201);
        const { attemptId } = started.body;
        for (let seq = 0; seq < best.length; seq++) {
          // The alternating request, plus a retry of it that a load balancer sent to the other instance.
          const first = learner[seq % 2]!;
          const other = learner[(seq + 1) % 2]!;
          const answers = await Promise.all([first.decide(attemptId, seq, best[seq]!), other.decide(attemptId, seq, best[seq]!)]);
          expect(answers.map((a) => a.status)).toEqual([200, 200]);
          expect(answers[1]!.body).toEqual(answers[0]!.body);
          const views = await Promise.all(learner.map((c) => c.attempt(attemptId)));
          expect(views[1]!.body).toEqual(views[0]!.body);
          expect(views[0]!.body.seq).toBe(seq + 1);
        }
        const done = await learner[1]!.attempt(attemptId);
        expect(done.body.status).toBe('completed');
        expect(done.body.transcript.map((t) => t.choiceId)).toEqual(best);

        // Two different replies to one turn, one to each instance: exactly one is kept, and both instances say which.
        const race = (await learner[1]!.start(scenarioId)).body;
        const [a, b] = race.turn.choices;
        const raced = await Promise.all([learner[0]!.decide(race.attemptId, 0, a!.id), learner[1]!.decide(race.attemptId, 0, b!.id)]);
        expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
        const kept = raced[0]!.status === 200 ? a! : b!;
        for (const c of learner) expect((await c.attempt(race.attemptId)).body.transcript.map((t) => t.choiceId)).toEqual([kept.id]);

        const logs = await decisionLogs(database.db);
        expect([...logs.values()].flatMap(logProblems)).toEqual([]);
        expect(logs.get(attemptId)?.rows).toHaveLength(best.length);
        expect(logs.get(race.attemptId)?.rows).toHaveLength(1);
      });

      await test.step('signed out on one instance, a kept copy of the cookie is refused on both', async () => {
        const cookie = await signInCookie(bases[0], 'bystander@example.com');
        const copies = bases.map((b) => new Client(b, cookie));
        for (const c of copies) expect((await c.send('GET', '/api/me')).status).toBe(200);
        expect(await signOut(bases[1], cookie)).toBeLessThan(400);
        for (const c of copies) {
          expect((await c.send('GET', '/api/me')).status).toBe(401);
          expect((await c.start(scenarioId)).status).toBe(401);
        }
      });

      await test.step('deactivated on one instance, refused on both at the next request', async () => {
        // Instance B has just served this session, so anything it remembered would be warm.
        expect((await learner[1]!.send('GET', '/api/me')).status).toBe(200);
        const id = database.ids.get('learner@example.com')!;
        const change = await admin[0]!.send('PATCH', `/api/admin/users/${id}`, { active: false });
        expect(change.status).toBe(200);
        for (const c of [learner[1]!, learner[0]!]) {
          const me = await c.send<{ error: string }>('GET', '/api/me');
          expect(me.status).toBe(401);
          const started = await c.start(scenarioId);
          expect(started.status).toBe(401);
          expect(started.body).toMatchObject({ error: expect.stringMatching(/session has ended/) });
        }
        for (const base of bases) expect(await trySignIn(base, 'learner@example.com')).toMatchObject({ error: 'AccountInactive' });
        // The admin's own session is untouched.
        for (const c of admin) expect((await c.send('GET', '/api/me')).status).toBe(200);
      });

      await test.step('failed sign-ins counted on both instances reach one shared limit', async () => {
        const from = (ip: string) => ({ 'x-forwarded-for': ip });
        // One account from one address: half the failures on each instance.
        for (let i = 0; i < maxFailures; i++) {
          const outcome = await trySignIn(bases[i % 2]!, 'limited@example.com', 'wrong-password', from('10.0.0.1'));
          expect(outcome).toMatchObject({ error: 'CredentialsSignin' });
        }
        for (const base of bases) {
          expect(await trySignIn(base, 'limited@example.com', undefined, from('10.0.0.1'))).toMatchObject({ error: expect.stringMatching(/^RateLimited:\d+$/) });
        }
        // That address's guesses do not lock the real person out from their own.
        expect(await trySignIn(bases[1], 'limited@example.com', undefined, from('10.0.1.1'))).toHaveProperty('cookie');
        // One address across accounts: three times the limit, half on each instance.
        for (let i = 0; i < maxFailures * 3; i++) {
          const outcome = await trySignIn(bases[i % 2]!, `nobody${i}@example.com`, 'wrong-password', from('10.0.2.1'));
          expect(outcome).toMatchObject({ error: 'CredentialsSignin' });
        }
        for (const base of bases) {
          expect(await trySignIn(base, 'bystander@example.com', undefined, from('10.0.2.1'))).toMatchObject({
            error: expect.stringMatching(/^RateLimited:\d+$/),
          });
          // The same account from another address is not caught by someone else's limit.
          expect(await trySignIn(base, 'bystander@example.com', undefined, from('10.0.3.1'))).toHaveProperty('cookie');
        }
      });

      await test.step('a burst of simultaneous guesses on both instances gets no more tries than the limit', async () => {
        const from = (ip: string) => ({ 'x-forwarded-for': ip });
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => trySignIn(bases[i % 2]!, 'learner2@example.com', 'wrong-password', from('10.0.4.1'))),
        );
        const errors = outcomes.map((o) => ('error' in o ? String(o.error).replace(/:\d+$/, '') : 'signed in'));
        expect(errors.filter((e) => e === 'CredentialsSignin')).toHaveLength(maxFailures);
        expect(errors.filter((e) => e === 'RateLimited')).toHaveLength(20 - maxFailures);
      });
    } finally {
      await Promise.all(servers.map(stopServer));
      await database.dispose();
    }
  });
}
