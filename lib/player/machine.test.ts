import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { AttemptView, DecisionAnswer } from '@/lib/attempts/types';
import { playerMachine } from './machine';

const turn = (nodeId: string) => ({ nodeId, customer: `Line at ${nodeId}`, mood: 0, choices: [{ id: 'a', say: 'Reply A' }, { id: 'b', say: 'Reply B' }] });
const view = (over: Partial<AttemptView> = {}): AttemptView => ({
  attemptId: 'att-1', scenarioId: 's', mode: 'practice', status: 'in_progress', seq: 0, mood: 0, turn: turn('n1'), freeText: true, transcript: [], ...over,
});
const ending = { id: 'happy', outcome: 'success' as const, customer: 'Thanks', summary: 's', score: { overall: 100, skills: {}, passed: true }, passScore: 70, bestPath: [] };

function actor(mode: 'practice' | 'checkup', answers: (DecisionAnswer | Error)[], loaded = view({ mode })) {
  const elapsed: number[] = [];
  const calls: { seq: number; choiceId?: string; reply?: string; elapsedMs?: number }[] = [];
  const machine = playerMachine.provide({
    actors: {
      load: fromPromise(async () => ({ attemptId: loaded.attemptId, view: loaded })),
      decide: fromPromise(async ({ input }) => {
        calls.push({ seq: input.seq, ...(input.choiceId ? { choiceId: input.choiceId } : { reply: input.reply }) });
        elapsed.push(input.elapsedMs);
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      }),
    },
  });
  const a = createActor(machine, { input: { scenarioId: 's', mode } });
  a.start();
  return { a, calls, elapsed };
}

describe('player machine', () => {
  it('in practice: choose, see feedback, continue, and reach the debrief', async () => {
    const { a, calls } = actor('practice', [
      { seq: 0, mood: 2, feedback: 'Nice.', scores: { reflecting: 2 }, turn: turn('n2') },
      { seq: 1, mood: 3, feedback: 'Good.', scores: {}, ending },
    ]);
    await waitFor(a, (s) => s.matches('choosing'));
    a.send({ type: 'CHOOSE', choiceId: 'a' });
    await waitFor(a, (s) => s.matches('feedback'));
    expect(a.getSnapshot().context.transcript).toEqual([{ seq: 0, customer: 'Line at n1', cue: undefined, say: 'Reply A', feedback: 'Nice.', scores: { reflecting: 2 } }]);
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().context.turn?.nodeId).toBe('n2');
    a.send({ type: 'CHOOSE', choiceId: 'b' });
    await waitFor(a, (s) => s.matches('feedback'));
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().status).toBe('done');
    expect(a.getSnapshot().context.ending?.id).toBe('happy');
    expect(calls).toEqual([{ seq: 0, choiceId: 'a' }, { seq: 1, choiceId: 'b' }]);
  });

  it('in a check-up: goes straight to the next turn, with no feedback step', async () => {
    const { a } = actor('checkup', [{ seq: 0, mood: -1, turn: turn('n2') }]);
    await waitFor(a, (s) => s.matches('choosing'));
    a.send({ type: 'CHOOSE', choiceId: 'a' });
    await waitFor(a, (s) => s.matches('choosing') && s.context.turn?.nodeId === 'n2');
    expect(a.getSnapshot().context.transcript[0]!.feedback).toBeUndefined();
  });

  it('ignores a choice that is not on offer, and retries the same decision after a network failure', async () => {
    const { a, calls } = actor('practice', [new Error('offline'), { seq: 0, mood: 1, feedback: 'ok', scores: {}, turn: turn('n2') }]);
    await waitFor(a, (s) => s.matches('choosing'));
    a.send({ type: 'CHOOSE', choiceId: 'zzz' });
    expect(a.getSnapshot().matches('choosing')).toBe(true);
    a.send({ type: 'CHOOSE', choiceId: 'b' });
    await waitFor(a, (s) => s.matches('submitFailed'));
    expect(a.getSnapshot().context.error).toBe('offline');
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches('feedback'));
    expect(calls).toEqual([{ seq: 0, choiceId: 'b' }, { seq: 0, choiceId: 'b' }]);
  });

  it('resumes a saved attempt at its turn, or at the debrief when it had ended', async () => {
    const saved = view({ seq: 2, turn: turn('n3'), transcript: [{ seq: 0, nodeId: 'n1', customer: 'x', choiceId: 'a', say: 'A', moodAfter: 1 }, { seq: 1, nodeId: 'n2', customer: 'y', choiceId: 'b', say: 'B', moodAfter: 2 }] });
    const { a } = actor('practice', [], saved);
    await waitFor(a, (s) => s.matches('choosing'));
    expect(a.getSnapshot().context).toMatchObject({ seq: 2, turn: { nodeId: 'n3' } });
    expect(a.getSnapshot().context.transcript).toHaveLength(2);
    const done = actor('practice', [], view({ turn: undefined, ending, status: 'completed' })).a;
    await waitFor(done, (s) => s.status === 'done');
  });

  it('writes a reply: opens the box, ignores a blank one, sends the text and shows it as said, with how it was heard', async () => {
    const reply = { text: 'Sorry, Ana, I will fix it now.', heardAs: { choiceId: 'b', say: 'Reply B' }, findings: [], suggestion: 'Good.' };
    const { a, calls, elapsed } = actor('practice', [{ seq: 0, mood: 1, feedback: 'ok', scores: { ownership: 2 }, reply, turn: turn('n2') }]);
    await waitFor(a, (s) => s.matches('choosing'));
    await new Promise((r) => setTimeout(r, 30));
    a.send({ type: 'WRITE' });
    expect(a.getSnapshot().matches({ choosing: 'writing' })).toBe(true);
    a.send({ type: 'REPLY', text: '   ' });
    expect(a.getSnapshot().matches({ choosing: 'writing' })).toBe(true);
    a.send({ type: 'PICK' });
    expect(a.getSnapshot().matches({ choosing: 'picking' })).toBe(true);
    a.send({ type: 'WRITE' });
    a.send({ type: 'REPLY', text: reply.text });
    await waitFor(a, (s) => s.matches('feedback'));
    expect(calls).toEqual([{ seq: 0, reply: reply.text }]);
    // Time to answer runs from when the turn was shown, not from the moment of sending.
    expect(elapsed[0]).toBeGreaterThanOrEqual(25);
    expect(a.getSnapshot().context.transcript[0]).toMatchObject({ say: reply.text, reply: { heardAs: { choiceId: 'b' } } });
    a.send({ type: 'CONTINUE' });
    // A new turn starts with the choices again.
    expect(a.getSnapshot().matches({ choosing: 'picking' })).toBe(true);
  });

  it('keeps the box closed where the attempt does not allow typed replies', async () => {
    const { a } = actor('checkup', [], view({ mode: 'checkup', freeText: false }));
    await waitFor(a, (s) => s.matches('choosing'));
    a.send({ type: 'WRITE' });
    expect(a.getSnapshot().matches({ choosing: 'picking' })).toBe(true);
  });
});
