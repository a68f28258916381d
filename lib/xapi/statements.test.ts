import validate from 'xapi-validation';
import { describe, expect, it } from 'vitest';
import { attemptFinished, attemptLaunched, checkAnswered, checkupAssigned, decisionAnswered, extensions, moduleCompleted, verbs, type Statement } from './statements';

const src = { base: 'https://trainer.example.com/' };
const at = new Date('2026-03-02T10:00:00.000Z');
const userId = '0b3c8a4e-7a3d-4c1e-9f0a-2d6b8e1c5a77';
const attemptId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const scenario = { id: 'double-charge', title: 'Charged twice', version: 'a1b2c3' };
const decision = {
  userId,
  attemptId,
  mode: 'practice' as const,
  scenario,
  seq: 2,
  nodeId: 'second-charge',
  customer: 'Why has this happened twice?',
  choices: [
    { id: 'own-it', say: 'That should never have happened. I am refunding the second charge now.' },
    { id: 'policy', say: 'Refunds take five to seven working days.' },
  ],
  choiceId: 'own-it',
  deltas: { ownership: 2, reflecting: 1 },
  moodAfter: 1,
  at,
};
const everyKind: [string, Statement][] = [
  ['attempt launched', attemptLaunched(src, { userId, attemptId, mode: 'checkup', scenario, at })],
  ['decision answered by a pick', decisionAnswered(src, decision)],
  ['decision answered in words', decisionAnswered(src, { ...decision, typed: 'I can see it went out twice, and I will put it right now.', findings: [{ detector: 'names-feeling', words: 'went out twice' }] })],
  ['attempt passed', attemptFinished(src, { userId, attemptId, mode: 'practice', scenario, passed: true, score: 82, skills: { ownership: 90, reflecting: 70 }, ending: 'advocate', at })],
  ['attempt failed', attemptFinished(src, { userId, attemptId, mode: 'checkup', scenario, passed: false, score: 31, skills: { ownership: 20 }, ending: 'walked-away', at })],
  ['module completed', moduleCompleted(src, { userId, module: { id: 'timing', title: 'Timing' }, at })],
  [
    'knowledge check answered',
    checkAnswered(src, {
      userId,
      module: { id: 'timing', title: 'Timing' },
      check: { id: 'calm-customer', question: 'What is the best reply?', options: [{ id: 'a', text: 'One' }, { id: 'b', text: 'Two' }] },
      optionId: 'b',
      correct: true,
      at,
    }),
  ],
  ['check-up assigned', checkupAssigned(src, { userId, assignmentId: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', scenario, plan: 'Spring check-up', dueAt: at, at })],
];

describe('xAPI statements', () => {
  it.each(everyKind)('%s is a valid xAPI 1.0.3 statement', (_kind, statement) => {
    expect(validate(statement).map((w) => `${w.path.join('.')}: ${(w as { typeName?: string }).typeName ?? w.message}`)).toEqual([]);
  });

  it('the validator does refuse a broken statement, so the check above means something', () => {
    const broken = { ...decisionAnswered(src, decision), verb: { id: 'answered' }, id: 'not-a-uuid' };
    expect(validate(broken).map((w) => w.path.join('.'))).toEqual(expect.arrayContaining(['statement.id', 'statement.verb.id']));
  });

  it('gives the same event the same id, and different events different ids', () => {
    const ids = everyKind.map(([, s]) => s.id);
    // A decision picked or typed is the same decision, and passed or failed the same end of one attempt.
    expect(new Set(ids).size).toBe(ids.length - 2);
    expect(decisionAnswered(src, decision).id).toBe(decisionAnswered(src, { ...decision, at: new Date() }).id);
    expect(decisionAnswered(src, { ...decision, seq: 3 }).id).not.toBe(decisionAnswered(src, decision).id);
  });

  it('names the learner by account, never by email or name', () => {
    for (const [, s] of everyKind) {
      expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://trainer.example.com', name: userId } });
      expect(JSON.stringify(s)).not.toMatch(/mailto:|@example/);
    }
  });

  it('carries a decision’s response, per-skill deltas and, for typed words, the coach’s findings', () => {
    const picked = decisionAnswered(src, decision);
    expect(picked.verb).toEqual(verbs.answered);
    expect(picked.object.id).toBe('https://trainer.example.com/xapi/scenarios/double-charge/versions/a1b2c3/nodes/second-charge');
    expect(picked.result).toMatchObject({ response: 'own-it', extensions: { [extensions.skillDeltas]: { ownership: 2, reflecting: 1 }, [extensions.moodAfter]: 1 } });
    expect(picked.result!.extensions).not.toHaveProperty(extensions.coachFindings);
    expect(picked.context).toMatchObject({ registration: attemptId, extensions: { [extensions.decision]: 3, [extensions.mode]: 'practice' } });
    const typed = decisionAnswered(src, { ...decision, typed: 'Sorry about that.', findings: [{ detector: 'apology' }] });
    expect(typed.result).toMatchObject({ response: 'Sorry about that.', extensions: { [extensions.coachFindings]: [{ detector: 'apology' }] } });
    expect(typed.object.definition).toMatchObject({ interactionType: 'long-fill-in' });
  });

  it('scores a finished attempt out of 100 with every skill', () => {
    const s = attemptFinished(src, { userId, attemptId, mode: 'practice', scenario, passed: true, score: 82, skills: { ownership: 90 }, ending: 'advocate', at });
    expect(s.verb).toEqual(verbs.passed);
    expect(s.result).toEqual({ completion: true, success: true, score: { raw: 82, min: 0, max: 100, scaled: 0.82 }, extensions: { [extensions.skillScores]: { ownership: 90 }, [extensions.ending]: 'advocate' } });
  });
});
