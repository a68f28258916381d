import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { decideAttempt } from '@/lib/attempts/decide';
import { startAttempt } from '@/lib/attempts/start';
import { parseModule, type CourseModule } from '@/lib/content/modules';
import { answerCheck } from '@/lib/progress/modules';
import { analyse } from '@/lib/scenario/analysis';
import { versionHash } from '@/lib/content/scenarios';
import { ScenarioSchema } from '@/lib/scenario/schema';
import { finishedWork, learnerRecord } from './learner';

const q = (id: string) => `<Check id="${id}" question="Q?">\n<Option id="a" correct explain="Yes.">A</Option>\n<Option id="b" explain="No.">B</Option>\n</Check>\n\n`;
const mod = parseModule('/c/m/listen.mdx', `---\nid: listen\ntitle: Listen\nskill: reflecting\nprinciples: [P8]\norder: 1\nminutes: 6\nsummary: A module for the report tests.\n---\n\n${q('one')}${q('two')}${q('three')}`).module as CourseModule;
const scenario = ScenarioSchema.parse(
  parse(`
id: tiny
title: Tiny
channel: chat
persona: p
summary: s
principles: [P1]
skills: [reflecting]
start: a
nodes:
  a:
    customer: Hi.
    choices:
      - { id: good, say: Hello., scores: { reflecting: 1 }, mood: 1, feedback: f, next: win }
      - { id: bad, say: What., scores: { reflecting: -1 }, mood: -1, feedback: f, next: lose }
endings:
  win: { outcome: success, customer: Thanks, summary: s }
  lose: { outcome: failure, customer: Bye, summary: s }
  meh: { outcome: partial, customer: Ok, summary: s }
`),
);
const loaded = { scenario, persona: { id: 'p', name: 'P', situation: 's', voice: 'v', mood: 0 }, file: 'x', analysis: analyse(scenario, 0), hash: versionHash(scenario, 0) };

describe.each(testDrivers)('learner record on %s', (driver) => {
  const t = blockDatabase(driver);

  it('lists modules with check results and every attempt, newest first, for that learner only', async () => {
    const me = await makeUser(t.db, { email: 'me@example.com' });
    const other = await makeUser(t.db, { email: 'other@example.com' });
    await answerCheck(t.db, me.id, mod, 'one', 'a');
    await answerCheck(t.db, me.id, mod, 'two', 'b');
    const first = await startAttempt(t.db, me.id, loaded, 'practice');
    await decideAttempt(t.db, me.id, first.attemptId, { seq: 0, choiceId: 'good' });
    const second = await startAttempt(t.db, me.id, loaded, 'checkup');
    await startAttempt(t.db, other.id, loaded, 'practice');

    const r = await learnerRecord(t.db, me.id);
    expect(r.modules).toEqual([{ moduleId: 'listen', status: 'in_progress', completedAt: null, answered: 2, correct: 1 }]);
    expect(r.attempts.map((a) => [a.id, a.mode, a.status, a.outcome, a.score])).toEqual([
      [second.attemptId, 'checkup', 'in_progress', null, null],
      [first.attemptId, 'practice', 'completed', 'success', 100],
    ]);
    expect((await learnerRecord(t.db, other.id)).attempts).toHaveLength(1);
    // Only a finished attempt counts as a finished scenario; the module is not yet completed.
    expect(await finishedWork(t.db, me.id)).toEqual({ modules: new Set(), scenarios: new Set(['tiny']) });
    await answerCheck(t.db, me.id, mod, 'three', 'a');
    expect((await finishedWork(t.db, me.id)).modules).toEqual(new Set(['listen']));
    expect(await finishedWork(t.db, other.id)).toEqual({ modules: new Set(), scenarios: new Set() });
  });
});
