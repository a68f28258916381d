// Typed replies in attempts: heard through the coach, scored, stored, replayed, and judged against their turn.
import { eq } from 'drizzle-orm';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { attempts, decisions } from '@/db/schema';
import type { Driver } from '@/db/client';
import { testDrivers } from '@/db/testing';
import { blockDatabase, blockUsers } from '@/db/test-database';
import { createSession } from '@/lib/auth/sessions';
import { analyse } from '@/lib/scenario/analysis';
import { versionHash } from '@/lib/content/scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { ScenarioSchema } from '@/lib/scenario/schema';
import { decideAttempt, decideOnUsualPath } from './decide';
import { getAttempt, reviewAttempt } from './read';
import { startAttempt } from './start';
import { idOf, loaded, WARM } from './testing';

/**
 * The block's database and its typist, signed in: `claims` is their session as the decisions
 * route reads it from the cookie.
 */
function typistBlock(driver: Driver, email: string) {
  const t = blockDatabase(driver);
  const people = blockUsers(t, { learner: { email } });
  const claims = { uid: '', sv: 1, sid: '' };
  beforeAll(async () => {
    Object.assign(claims, { uid: people.learner.id, sid: await createSession(t.db, people.learner.id) });
  });
  return { t, people, claims };
}

describe.each(testDrivers)('typed replies on %s', (driver) => {
  const { t, people, claims } = typistBlock(driver, 'typist@example.com');
  const stored = async (attemptId: string) =>
    t.db.select({ seq: decisions.seq, choiceId: decisions.choiceId, replyText: decisions.replyText, coach: decisions.coach, scores: decisions.scores }).from(decisions).where(eq(decisions.attemptId, attemptId));

  it('scores a reply by what the coach finds, follows the choice it is closest to, and stores the text with the findings', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const answer = await decideOnUsualPath(t.db, claims, attemptId, { seq: 0, reply: WARM, elapsedMs: 9000 });
    expect(answer).toMatchObject({ seq: 0, mood: 2, feedback: 'She felt heard.', turn: { nodeId: 'b' } });
    expect(answer!.reply).toMatchObject({ text: WARM, heardAs: { choiceId: 'feel', say: "That's maddening." } });
    const detectors = answer!.reply!.findings!.map((f) => f.detector);
    expect(detectors).toEqual(expect.arrayContaining(['names-customer', 'names-feeling']));
    const name = answer!.reply!.findings!.find((f) => f.detector === 'names-customer')!;
    expect(WARM.slice(name.spans[0]!.start, name.spans[0]!.end)).toBe('Pat');
    expect(answer!.reply!.suggestion).toEqual(expect.any(String));
    // Only this scenario's skills count (reflecting, and timing for answering the open clue at once).
    expect(answer!.scores).toEqual({ reflecting: expect.any(Number), timing: 2 });
    expect(answer!.scores!.reflecting).toBeGreaterThan(0);
    const [row] = await stored(attemptId);
    expect(row).toMatchObject({ seq: 0, choiceId: 'feel', replyText: WARM, scores: answer!.scores });
    expect(row!.coach!.findings.map((f) => f.detector)).toEqual(detectors);
    // Read back (resume, debrief): the typed words stand in the transcript, with how they were heard.
    const view = await getAttempt(t.db, people.learner.id, attemptId);
    expect(view.transcript[0]).toMatchObject({ say: WARM, choiceId: 'feel', reply: { text: WARM, heardAs: { choiceId: 'feel' } } });
    expect(view.freeText).toBe(true);
  });

  it('hears a cold reply as the cold choice: its mood, its branch, no timing credit', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const answer = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: 'What is your account number?' });
    expect(answer).toMatchObject({ mood: -1, reply: { heardAs: { choiceId: 'process' } } });
    expect(answer.scores?.timing).toBeUndefined();
    const end = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, reply: 'Someone from the billing team will get back to you at some point.' });
    expect(end.reply?.heardAs.choiceId).toBe('stall');
    expect(end.reply?.findings?.map((f) => f.detector)).toContain('vague-handoff');
    // The clue was never answered: the ending's timing penalty applies as for picked choices.
    expect(end.ending).toMatchObject({ outcome: 'failure' });
    expect(end.scores?.timing).toBe(-2);
  });

  it('answers a repeated reply the same (whitespace and line endings aside) and refuses a different one for the same turn', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const once = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: `${WARM}\r\n` });
    expect(once.reply?.text).toBe(WARM);
    expect(await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: `  ${WARM}` })).toEqual(once);
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: 'Something else entirely.' })).rejects.toMatchObject({ status: 409 });
    // Picking the choice it was heard as is still a different decision.
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: '   ' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, reply: ' \n ' })).rejects.toMatchObject({ status: 400 });
    expect(await stored(attemptId)).toHaveLength(1);
  });

  it('stores 20 identical replies sent at once as one decision', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const answers = await Promise.all(Array.from({ length: 20 }, () => decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: WARM })));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await stored(attemptId)).toHaveLength(1);
  });

  it('in a check-up, shows how a reply was heard but not the findings until the end, and refuses replies where the scenario says so', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'checkup');
    const first = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: WARM });
    // How it was heard names the choice by the attempt's opaque id, like the turn did.
    expect(first.reply).toEqual({ text: WARM, heardAs: { choiceId: expect.stringMatching(/^c[0-9a-f]{10}$/), say: "That's maddening." } });
    expect(first.scores).toBeUndefined();
    expect((await getAttempt(t.db, people.learner.id, attemptId)).transcript[0]!.reply).not.toHaveProperty('findings');
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: idOf(first.turn!, 'Refunding it now.') });
    const done = await getAttempt(t.db, people.learner.id, attemptId);
    expect(done.transcript[0]!.reply!.findings!.length).toBeGreaterThan(0);
    // A manager reviewing it sees the typed words and findings too.
    const review = await reviewAttempt(t.db, attemptId);
    expect(review!.transcript[0]).toMatchObject({ say: WARM, reply: { suggestion: expect.any(String) } });

    const strict = loaded(undefined, { freeText: false });
    const { attemptId: closed } = await startAttempt(t.db, people.learner.id, strict, 'checkup');
    expect((await getAttempt(t.db, people.learner.id, closed)).freeText).toBe(false);
    await expect(decideAttempt(t.db, people.learner.id, closed, { seq: 0, reply: WARM })).rejects.toMatchObject({ status: 400 });
    // Practice is always open to typed replies.
    const { attemptId: open } = await startAttempt(t.db, people.learner.id, strict, 'practice');
    expect((await decideAttempt(t.db, people.learner.id, open, { seq: 0, reply: WARM })).reply?.heardAs.choiceId).toBe('feel');
  });

  it('replays an attempt with typed replies from the attempt row alone, as it was scored', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const first = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: WARM });
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    const [row] = await t.db.select({ replyScores: attempts.replyScores, skillScores: attempts.skillScores }).from(attempts).where(eq(attempts.id, attemptId));
    expect(row!.replyScores['0']).toMatchObject({ empathy: true });
    expect(row!.skillScores.timing).toBe(2);
    expect(row!.skillScores.reflecting).toBe(first.scores!.reflecting! + 1);
    expect((await getAttempt(t.db, people.learner.id, attemptId)).transcript.map((s) => s.scores)).toEqual([first.scores, { reflecting: 1 }]);
  });
});

// Three turns that say what they are about, for replies judged in context.
const CONTEXT = `
id: gym
title: Gym
channel: phone
persona: pat
summary: A fixture.
principles: [P1]
skills: [reflecting, apologizing, ownership, language]
passScore: 0
start: a
nodes:
  a:
    customer: You charged my gym membership twice and now my rent payment has bounced.
    clue: worry
    about: { facts: [gym membership, rent payment], fits: [apology] }
    choices:
      - { id: feel, say: "Charged twice and your rent bounced? That is a worry, and it is our mistake.", empathy: true, scores: { reflecting: 2, apologizing: 1 }, mood: 2, feedback: Heard., next: b }
      - { id: process, say: Can I take the membership number?, scores: { reflecting: -1, language: -1 }, mood: -1, feedback: Processed., next: b }
  b:
    customer: So what happens about the rent?
    about: { facts: [rent], fits: [commitment] }
    choices:
      - { id: fix, say: "I'm refunding the second charge now and sending a letter for your landlord today.", scores: { ownership: 2 }, mood: 2, feedback: Clear., next: c }
      - { id: stall, say: Someone will look into it., scores: { ownership: -2 }, mood: -3, feedback: Vague., next: sad }
  c:
    customer: And will the gym fee come out again next month?
    about: { facts: [gym fee, next month], fits: [commitment] }
    choices:
      - { id: watch, say: "I've put a hold on the duplicate so next month's gym fee comes out once.", scores: { ownership: 2 }, mood: 1, feedback: Sure., next: happy }
      - { id: shrug, say: It should be fine., scores: { ownership: -1 }, mood: -1, feedback: Unsure., next: happy }
endings:
  happy: { outcome: success, customer: Thanks!, summary: Went well. }
  sad: { outcome: failure, customer: Bye., summary: Went badly. }
  meh: { outcome: partial, customer: Okay., summary: So-so. }
`;

function contextual(): LoadedScenario {
  const scenario = ScenarioSchema.parse(parse(CONTEXT));
  const persona = { id: 'pat', name: 'Pat Lee', situation: 's', voice: 'v', mood: 0 };
  return { scenario, persona, file: 'x', analysis: analyse(scenario, 0), hash: versionHash(scenario, 0) };
}

const TEMPLATE = "I'm so sorry we got this wrong. I can hear how worried you are, and I'm on your side: we'll sort this out together.";
const positives = (scores: Record<string, number> = {}) => Object.entries(scores).filter(([k, v]) => v > 0 && k !== 'timing');

describe.each(testDrivers)('typed replies judged against their turn on %s', (driver) => {
  const { t, people, claims } = typistBlock(driver, 'ctx@example.com');

  it('gives a reply pasted again nothing the second time, and charges language for it, on either path', async () => {
    for (const usual of [false, true]) {
      const { attemptId } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
      const send = (seq: number, reply: string) =>
        usual ? decideOnUsualPath(t.db, claims, attemptId, { seq, reply }) : decideAttempt(t.db, people.learner.id, attemptId, { seq, reply });
      const first = (await send(0, TEMPLATE))!;
      expect(positives(first.scores).length).toBeGreaterThan(0);
      const second = (await send(1, TEMPLATE))!;
      expect(positives(second.scores)).toEqual([]);
      expect(second.scores!.language).toBe(-2);
      expect(second.reply!.findings).toContainEqual(expect.objectContaining({ detector: 'repeats', skill: 'language', delta: -2 }));
      expect(second.reply!.suggestion).toMatch(/^Write this one fresh/);
    }
  });

  it('gives a reply that does not answer the turn no positive credit, and says so', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, reply: "Thank you for calling, I'm so sorry for any trouble. We'll get everything sorted for you." });
    expect(positives(answer.scores)).toEqual([]);
    // No empathy for the open clue either: no timing credit.
    expect(answer.scores?.timing ?? 0).toBeLessThanOrEqual(0);
    expect(answer.reply!.findings).toContainEqual(expect.objectContaining({ detector: 'off-topic', note: expect.stringMatching(/^This doesn't answer what Pat just told you/) }));
  });

  it('charges a move that misfits the moment: a time promised before the rep knows what they can do', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, people.learner.id, attemptId, {
      seq: 0,
      reply: "Pat, a bounced rent payment is a real worry. I'll have the whole thing refunded by 3pm today, I promise.",
    });
    expect(answer.scores!.ownership).toBeLessThan(0);
    expect(answer.reply!.findings).toContainEqual(expect.objectContaining({ skill: 'ownership', delta: -1, note: expect.stringMatching(/promises an outcome you cannot be sure of/) }));
    // The same promise where the rep knows what they are committing to (and does not swear to it) is credit.
    const later = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, reply: "I'm refunding the duplicate gym charge now and I'll email a letter for your landlord about the rent by 3pm." });
    expect(later.scores!.ownership).toBeGreaterThan(0);
  });

  it('never scores a typed reply above the best authored choice at its point', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, people.learner.id, attemptId, {
      seq: 0,
      reply: "Pat, I'm so sorry: we took your gym membership twice and your rent payment bounced because of us. That must be frightening. If I've got this right, you need the rent sorted first, so let's fix it together: I'm refunding it now.",
    });
    const total = Object.entries(answer.scores!).filter(([k]) => k !== 'timing').reduce((a, [, v]) => a + v, 0);
    expect(total).toBeLessThanOrEqual(3);
  });

  it('never passes an attempt that ends in failure, whatever its score', async () => {
    // The pass mark is 0 here, so only the ending can fail it.
    const { attemptId } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    const end = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: 'stall' });
    expect(end.ending).toMatchObject({ outcome: 'failure', score: { passed: false } });
    expect(end.ending!.score.overall).toBeGreaterThan(0);
    const { attemptId: good } = await startAttempt(t.db, people.learner.id, contextual(), 'practice');
    await decideAttempt(t.db, people.learner.id, good, { seq: 0, choiceId: 'process' });
    await decideAttempt(t.db, people.learner.id, good, { seq: 1, choiceId: 'fix' });
    expect((await decideAttempt(t.db, people.learner.id, good, { seq: 2, choiceId: 'shrug' })).ending).toMatchObject({ outcome: 'success', score: { passed: true } });
  });
});
