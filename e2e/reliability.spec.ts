// Reliability on each driver: retried and reordered decisions never double-count, and a server killed mid-attempt resumes it with every acknowledged decision.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testDrivers } from '../db/testing';
import type { Db } from '../db/client';
import { readScenarios } from '../lib/content/scenarios';
import { Client, signInCookie, type DecisionAnswer, type Reply } from './http';
import {
  decisionLogs,
  killServer,
  launchServer,
  logProblems,
  preparePglite,
  preparePostgres,
  stopServer,
  waitForReady,
  withPglite,
  type RunningServer,
} from './server';

const scenarioId = 'double-charge';
// The best path is known before the game starts, so a test can send a later seq before an earlier one.
const best = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === scenarioId)!.analysis.bestPath;
const ports = { pglite: 3220, postgres: 3221 } as const;
const email = 'steady@example.com';

function decided(reply: Reply<DecisionAnswer>): DecisionAnswer {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

/** Plays the attempt from `seq` to its ending, taking the first choice on offer each turn. */
async function playOut(learner: Client, attemptId: string, seq: number, answer: DecisionAnswer): Promise<number> {
  let turn = answer.turn;
  while (turn) {
    turn = decided(await learner.decide(attemptId, seq++, turn.choices[0]!.id)).turn;
  }
  return seq;
}

for (const driver of testDrivers) {
  test(`${driver}: retries never double-count, and a SIGKILL mid-attempt loses no acknowledged decision`, async () => {
    test.setTimeout(240_000);
    const port = String(ports[driver]);
    const base = `http://127.0.0.1:${port}`;
    const dir = '.data/e2e-reliability';
    let env: Record<string, string>;
    let postgres: Awaited<ReturnType<typeof preparePostgres>> | undefined;
    if (driver === 'pglite') {
      fs.rmSync(dir, { recursive: true, force: true });
      await preparePglite(dir, [{ email }]);
      // No NEXTAUTH_SECRET: the one generated into the data directory must survive the kill too.
      env = { PGLITE_DIR: dir, PORT: port, SEED_DEMO: '0' };
    } else {
      postgres = await preparePostgres([{ email }]);
      env = { DATABASE_URL: postgres.url, NEXTAUTH_SECRET: 'reliability-'.repeat(4), PORT: port, SEED_DEMO: '0' };
    }
    let server: RunningServer = launchServer(env);
    // How many decisions each attempt must hold at the end.
    const expected = new Map<string, number>();
    try {
      await waitForReady(server);
      const learner = new Client(base, await signInCookie(base, email));

      await test.step('identical, conflicting, timed-out and late repeats', async () => {
        const { attemptId } = (await learner.start(scenarioId)).body;
        // Some first replies end the call at once; the best one leaves turns to race on.
        const first = best[0]!;
        const copies = await Promise.all(Array.from({ length: 10 }, () => learner.decide(attemptId, 0, first)));
        expect(copies.map((c) => c.status)).toEqual(Array(10).fill(200));
        expect(new Set(copies.map((c) => JSON.stringify(c.body))).size).toBe(1);
        const zero = copies[0]!.body;

        // Two different choices for one seq at once: exactly one wins, the other is told so.
        const a = zero.turn!.choices.find((c) => c.id === best[1])!;
        const b = zero.turn!.choices.find((c) => c.id !== best[1])!;
        const race = await Promise.all([learner.decide(attemptId, 1, a.id), learner.decide(attemptId, 1, b.id)]);
        expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = race.find((r) => r.status === 200)!;
        const won = winner === race[0] ? a : b;

        // A client that gave up waiting and sent again: whether or not the first copy arrived, one is stored.
        let seq = 2;
        let answer = winner.body;
        if (answer.turn) {
          const choice = answer.turn.choices[0]!.id;
          await learner.decide(attemptId, seq, choice, AbortSignal.timeout(1)).catch(() => undefined);
          answer = decided(await learner.decide(attemptId, seq++, choice));
        }
        const end = answer.turn ? await playOut(learner, attemptId, seq, answer) : seq;

        // Late retries of early decisions, after the ending, answer as before and store nothing.
        expect(await learner.decide(attemptId, 0, first)).toEqual({ status: 200, body: zero });
        expect((await learner.decide(attemptId, 1, won.id)).body).toEqual(winner.body);
        expect((await learner.decide(attemptId, 1, won === a ? b.id : a.id)).status).toBe(409);
        const view = (await learner.attempt(attemptId)).body;
        expect(view.status).toBe('completed');
        expect(view.seq).toBe(end);
        expected.set(attemptId, end);
      });

      await test.step('out-of-order submissions', async () => {
        const { attemptId } = (await learner.start(scenarioId)).body;
        expect((await learner.decide(attemptId, 1, best[1]!)).status).toBe(409);
        decided(await learner.decide(attemptId, 0, best[0]!));
        decided(await learner.decide(attemptId, 1, best[1]!));
        // Later seq sent first, both in flight: the later one may be refused, and its retry then succeeds.
        for (const [later, earlier] of [
          [3, 2],
          [5, 4],
        ] as const) {
          const [l, e, again] = await Promise.all([
            learner.decide(attemptId, later, best[later]!),
            learner.decide(attemptId, earlier, best[earlier]!),
            learner.decide(attemptId, earlier, best[earlier]!),
          ]);
          expect([200, 409]).toContain(l.status);
          expect([e.status, again.status]).toEqual([200, 200]);
          if (l.status === 409) decided(await learner.decide(attemptId, later, best[later]!));
        }
        for (let seq = 6; seq < best.length - 1; seq++) decided(await learner.decide(attemptId, seq, best[seq]!));
        const last = decided(await learner.decide(attemptId, best.length - 1, best.at(-1)!));
        expect(last.ending?.outcome).toBe('success');
        const view = (await learner.attempt(attemptId)).body;
        expect(view.transcript.map((t) => t.choiceId)).toEqual(best);
        expected.set(attemptId, best.length);
      });

      const acknowledged = 3;
      const killed: { attemptId: string; fired: Promise<number | 'no answer'> }[] = [];
      await test.step('SIGKILL with decisions in flight', async () => {
        for (let i = 0; i < 4; i++) {
          const { attemptId } = (await learner.start(scenarioId)).body;
          for (let seq = 0; seq < acknowledged; seq++) decided(await learner.decide(attemptId, seq, best[seq]!));
          killed.push({ attemptId, fired: Promise.resolve(0) });
        }
        // Sent without waiting a few milliseconds apart, then the process is killed, so some are
        // likely on the wire, some half-handled and some written but not yet answered.
        for (const k of killed) {
          k.fired = learner.decide(k.attemptId, acknowledged, best[acknowledged]!).then(
            (r) => r.status,
            () => 'no answer' as const,
          );
          await new Promise((r) => setTimeout(r, 4));
        }
        await killServer(server);
        expect(server.process.signalCode).toBe('SIGKILL');
        if (driver === 'pglite') {
          // The killed process could not remove its lock: the restart must see it is stale.
          expect(fs.existsSync(path.join(dir, 'trainer.lock'))).toBe(true);
        }
      });

      await test.step('restart: the same session resumes each attempt at the right turn', async () => {
        server = launchServer(env);
        await waitForReady(server);
        const outcomes = await Promise.all(killed.map((k) => k.fired));
        const kept: boolean[] = [];
        for (const [i, { attemptId }] of killed.entries()) {
          const status = outcomes[i];
          const view = (await learner.attempt(attemptId)).body;
          kept.push(view.seq > acknowledged);
          // An acknowledged decision is kept; one that got no answer is kept whole or not at all.
          if (status === 200) expect(view.seq).toBe(acknowledged + 1);
          else expect([acknowledged, acknowledged + 1]).toContain(view.seq);
          expect(view.transcript.map((t) => t.choiceId)).toEqual(best.slice(0, view.seq));
          expect(view.status).toBe('in_progress');
          expect(view.turn?.choices.map((c) => c.id)).toContain(best[view.seq]);
          // The client retries what it never saw answered, then plays on to the ending.
          for (let seq = acknowledged; seq < best.length; seq++) {
            const answer = decided(await learner.decide(attemptId, seq, best[seq]!));
            if (seq === best.length - 1) expect(answer.ending?.outcome).toBe('success');
          }
          expected.set(attemptId, best.length);
        }
        console.log(`${driver}: decisions in flight at the kill: ${outcomes.map((o, i) => `${o}, ${kept[i] ? 'kept' : 'not kept'}`).join('; ')}`);
      });

      await test.step('the database holds each decision exactly once', async () => {
        const check = async (db: Db) => {
          const logs = await decisionLogs(db);
          expect([...logs.values()].flatMap(logProblems)).toEqual([]);
          expect(new Map([...logs].map(([id, log]) => [id, log.rows.length]))).toEqual(expected);
        };
        if (postgres) await check(postgres.db);
        else {
          expect(await stopServer(server)).toBe(0);
          await withPglite(dir, check);
        }
      });
    } finally {
      await stopServer(server);
      await postgres?.dispose();
    }
  });
}
