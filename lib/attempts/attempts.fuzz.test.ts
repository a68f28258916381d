// Attempts under random use: every request gets a result or a 4xx, and the database agrees with a model.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { testDrivers } from '@/db/testing';
import { blockDatabase, blockUsers } from '@/db/test-database';
import { HttpError } from '@/lib/http-error';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { decideAttempt } from './decide';
import { getAttempt } from './read';
import { startAttempt } from './start';
import type { Turn } from './types';

// Random sequences of starts, decisions (picked or typed; right, repeated, stale, skipping, foreign, invented) and reads,
// against a model of what each attempt should hold. Nothing may fail other than with a 4xx, and the
// database must agree with the model after every run.
const catalogue = [...scenarioCatalogue().values()];

type Op =
  | { kind: 'start'; scenario: number; checkup: boolean }
  | { kind: 'decide'; attempt: number; seqShift: -2 | -1 | 0 | 1; pick: number; invent: boolean; asOther: boolean; typed: string | null }
  | { kind: 'read'; attempt: number; asOther: boolean };

const startOp: fc.Arbitrary<Op> = fc.record({ kind: fc.constant('start' as const), scenario: fc.nat(catalogue.length - 1), checkup: fc.boolean() });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: startOp },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      attempt: fc.nat(),
      seqShift: fc.constantFrom(-2 as const, -1 as const, 0 as const, 0 as const, 0 as const, 1 as const),
      pick: fc.nat(),
      invent: fc.nat(9).map((n) => n < 2),
      asOther: fc.nat(19).map((n) => n < 3),
      // A typed reply in one decision of four: random text, or an offered choice's words (empty string).
      typed: fc.option(fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), { freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), attempt: fc.nat(), asOther: fc.boolean() }) },
);

interface Model {
  id: string;
  /** The choice ids as the learner's turns showed them (opaque in a check-up). */
  choices: string[];
  /** The same choices' authored ids, as the attempt row stores them. */
  authored: string[];
  scenario: LoadedScenario;
  /** The typed reply of each decision, if it was typed. */
  replies: (string | undefined)[];
  turn: Turn | undefined;
  ended: boolean;
}

describe.each(testDrivers)('attempts under random use on %s', (driver) => {
  const t = blockDatabase(driver);
  const people = blockUsers(t, { me: { email: 'fuzz@example.com' }, other: { email: 'other@example.com' } });

  it('answers every request with a result or a 4xx, and the stored attempts match the model', async () => {
    const seen = { accepted: 0, refused: 0, ended: 0, typed: 0 };
    await fc.assert(
      // Every sequence opens with a start, so the decisions that follow have an attempt to aim at.
      fc.asyncProperty(fc.tuple(startOp, fc.array(op, { minLength: 20, maxLength: 70, size: 'max' })), async ([first, rest]) => {
        const ops: Op[] = [first, ...rest];
        const attempts: Model[] = [];
        for (const o of ops) {
          try {
            if (o.kind === 'start') {
              const s = catalogue[o.scenario]!;
              const started = await startAttempt(t.db, people.me.id, s, o.checkup ? 'checkup' : 'practice');
              attempts.push({ id: started.attemptId, choices: [], authored: [], scenario: s, replies: [], turn: started.turn, ended: false });
              continue;
            }
            const a = attempts.length ? attempts[o.attempt % attempts.length]! : undefined;
            if (!a) continue;
            if (o.kind === 'read') {
              const view = await getAttempt(t.db, o.asOther ? people.other.id : people.me.id, a.id);
              expect(o.asOther).toBe(false);
              expect(view.transcript.map((x) => x.choiceId)).toEqual(a.choices);
              continue;
            }
            const seq = Math.max(0, a.choices.length + o.seqShift);
            const offered = a.turn?.choices ?? [];
            const choiceId = o.invent || offered.length === 0 ? `made-up-${o.pick}` : seq < a.choices.length ? a.choices[seq]! : offered[o.pick % offered.length]!.id;
            // A repeat resends what was recorded (typed or picked); a new typed reply is random text or a choice's words.
            const reply = seq < a.choices.length ? a.replies[seq] : o.typed === null ? undefined : o.typed || offered[o.pick % Math.max(1, offered.length)]?.say || 'Hello';
            const answer = await decideAttempt(t.db, o.asOther ? people.other.id : people.me.id, a.id, reply === undefined ? { seq, choiceId } : { seq, reply });
            // Only a new decision at the next seq, or a repeat of a recorded one, may succeed.
            expect(o.asOther).toBe(false);
            seen.accepted++;
            if (reply !== undefined) seen.typed++;
            const heard = reply === undefined ? choiceId : answer.reply!.heardAs.choiceId;
            if (seq === a.choices.length) {
              const say = reply === undefined ? offered.find((c) => c.id === choiceId)!.say : answer.reply!.heardAs.say;
              a.authored.push(a.scenario.scenario.nodes[a.turn!.nodeId]!.choices.find((c) => c.say === say)!.id);
              a.choices.push(heard);
              a.replies.push(reply === undefined ? undefined : answer.reply!.text);
              a.turn = answer.turn;
              a.ended = !!answer.ending;
            } else {
              expect(seq).toBeLessThan(a.choices.length);
              expect(a.choices[seq]).toBe(heard);
            }
          } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            seen.refused++;
            expect(e.status).toBeGreaterThanOrEqual(400);
            expect(e.status).toBeLessThan(500);
          }
        }
        // The log, the running totals and the model agree for every attempt.
        for (const a of attempts) {
          const [row] = await queryRows<{ n: number; count: number; ids: string[]; status: string; texts: (string | null)[] | null; scored: string[] | null }>(
            t.db,
            sql`select (select count(*)::int from decisions d where d.attempt_id = a.id) as n, a.decision_count as count, a.choice_ids as ids, a.status::text as status,
                  (select array_agg(d.reply_text order by d.seq) from decisions d where d.attempt_id = a.id) as texts,
                  (select array_agg(k order by k::int) from jsonb_object_keys(a.reply_scores) k) as scored
                from attempts a where a.id = ${a.id}`,
          );
          expect(row!.texts ?? []).toEqual(a.replies.map((r) => r ?? null));
          expect(row!.scored ?? []).toEqual(a.replies.flatMap((r, i) => (r === undefined ? [] : [String(i)])));
          expect(row!.n).toBe(a.choices.length);
          expect(row!.count).toBe(a.choices.length);
          expect(row!.ids).toEqual(a.authored);
          expect(row!.status).toBe(a.ended ? 'completed' : 'in_progress');
          if (a.ended) seen.ended++;
        }
      }),
      { numRuns: 25 },
    );
    // The runs really exercised both paths, and some attempts reached an ending.
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.ended).toBeGreaterThan(5);
    expect(seen.typed).toBeGreaterThan(30);
  }, 120_000);
});
