// Load: 200 learners playing concurrently for 30 s against one production server on PostgreSQL; no 5xx, and every acknowledged decision stored exactly once.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { expect, test } from '@playwright/test';
import { testDrivers } from '../db/testing';
import { readScenarios } from '../lib/content/scenarios';
import { Client, signInCookie, type DecisionAnswer, type Reply } from './http';
import { decisionLogs, launchServer, logProblems, preparePostgres, stopServer, waitForReady } from './server';

const learners = 200;
const seconds = 30;
const base = 'http://127.0.0.1:3224';
const scenarioIds = readScenarios(process.cwd()).scenarios.map((x) => x.scenario.id);

/** A seeded generator, so a failing run's choices can be replayed from the printed seed. */
function random(seed: number) {
  const rng = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(rng);
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

// Needs PostgreSQL; like the data-layer tests, this runs wherever TEST_DATABASE_URL is set (always in CI).
if (testDrivers.includes('postgres')) {
  test(`${learners} learners playing for ${seconds} s: no 5xx, every acknowledged decision stored exactly once`, async () => {
    test.setTimeout(180_000);
    const emails = Array.from({ length: learners }, (_, i) => `load${String(i + 1).padStart(3, '0')}@example.com`);
    const database = await preparePostgres(emails.map((email) => ({ email })));
    const server = launchServer({
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: 'load-test-secret-'.repeat(3),
      SEED_DEMO: '0',
      // Simulated learners answer at machine speed; the per-learner cap is for people.
      DECISIONS_PER_MINUTE: '1000000',
      PORT: new URL(base).port,
    });
    try {
      await waitForReady(server);
      // Signing in is argon2 work on the server: a few at a time, once each, then the sessions are reused.
      const signingIn = performance.now();
      const cookies = await inBatches(emails, 8, (email) => signInCookie(base, email));
      console.log(`${learners} learners signed in in ${((performance.now() - signingIn) / 1000).toFixed(1)} s`);

      const seed = Date.now() % 1_000_000;
      const statuses = new Map<string, number>();
      const count = (key: string | number) => statuses.set(String(key), (statuses.get(String(key)) ?? 0) + 1);
      const failures: string[] = [];
      // What the server acknowledged: each attempt's choices by seq, in order.
      const acknowledged = new Map<string, string[]>();
      let completed = 0;
      let duplicates = 0;
      const latencies: number[] = [];

      const timed = async <T>(call: () => Promise<Reply<T>>, what: string): Promise<Reply<T> | undefined> => {
        const t = performance.now();
        try {
          const reply = await call();
          latencies.push(performance.now() - t);
          count(reply.status);
          if (reply.status >= 500) failures.push(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
          return reply;
        } catch (e) {
          count('network error');
          failures.push(`${what}: ${(e as Error).message} ${String((e as Error).cause ?? '')}`);
          return undefined;
        }
      };

      const started = performance.now();
      const deadline = Date.now() + seconds * 1000;
      await Promise.all(
        cookies.map(async (cookie, i) => {
          const learner = new Client(base, cookie);
          const rand = random(seed + i);
          while (Date.now() < deadline) {
            const scenarioId = scenarioIds[Math.floor(rand() * scenarioIds.length)]!;
            const start = await timed(() => learner.start(scenarioId), `start ${scenarioId}`);
            if (start?.status !== 201) return;
            const { attemptId } = start.body;
            const choices: string[] = [];
            acknowledged.set(attemptId, choices);
            let turn = start.body.turn as DecisionAnswer['turn'];
            for (let seq = 0; turn && Date.now() < deadline; seq++) {
              const choiceId = turn.choices[Math.floor(rand() * turn.choices.length)]!.id;
              const decide = () => timed(() => learner.decide(attemptId, seq, choiceId), `decision ${seq} of ${attemptId}`);
              // One in ten is sent twice at once, as a client retrying after a timeout would.
              const twice = rand() < 0.1;
              const replies = await Promise.all(twice ? [decide(), decide()] : [decide()]);
              if (twice) duplicates++;
              if (replies.some((r) => r?.status !== 200)) {
                if (replies.every((r) => r)) failures.push(`decision ${seq} of ${attemptId}: ${replies.map((r) => r!.status).join(', ')}`);
                return;
              }
              if (twice && JSON.stringify(replies[0]!.body) !== JSON.stringify(replies[1]!.body)) {
                failures.push(`decision ${seq} of ${attemptId}: two copies answered differently`);
              }
              choices.push(choiceId);
              turn = replies[0]!.body.turn;
              if (!turn) completed++;
            }
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;

      const decisions = [...acknowledged.values()].reduce((n, c) => n + c.length, 0);
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0);
      console.log(
        [
          `${learners} learners, ${elapsed.toFixed(1)} s (seed ${seed}):`,
          `  ${decisions} decisions acknowledged (${(decisions / elapsed).toFixed(1)}/s), ${duplicates} of them also sent twice at once`,
          `  ${acknowledged.size} attempts started, ${completed} played to an ending`,
          `  statuses: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ')}`,
          `  request latency: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`,
        ].join('\n'),
      );

      expect(failures.slice(0, 20)).toEqual([]);
      expect([...statuses.keys()].sort()).toEqual(['200', '201']);
      expect(decisions).toBeGreaterThan(learners);

      // The database holds exactly what was acknowledged: every decision once, nothing extra.
      const logs = await decisionLogs(database.db);
      expect([...logs.values()].flatMap(logProblems)).toEqual([]);
      expect(logs.size).toBe(acknowledged.size);
      const stored = new Map([...logs].map(([id, log]) => [id, log.rows.map((r) => r.choiceId)]));
      expect(stored).toEqual(acknowledged);
    } finally {
      await stopServer(server);
      await database.dispose();
    }
  });
}
