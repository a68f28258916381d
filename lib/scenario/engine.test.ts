import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyse, scoreState, scoreTotals } from './analysis';
import { decide, initialState, InvalidChoiceError } from './engine';
import { replay } from './replay';
import { ScenarioSchema, type ScenarioDefinition } from './schema';

const fixture = (yaml: string): ScenarioDefinition => ScenarioSchema.parse(parse(yaml));

// A small scenario: a clue at the start, a rule that ends it when mood hits -5.
const small = fixture(`
id: small
title: Small
channel: phone
persona: pat
summary: A fixture.
principles: [P1]
skills: [reflecting, ownership]
start: a
nodes:
  a:
    customer: I was charged twice.
    clue: frustration
    choices:
      - { id: feel, say: That's maddening., empathy: true, scores: { reflecting: 2 }, mood: 2, feedback: f, next: b }
      - { id: process, say: Account number?, scores: { reflecting: -1 }, mood: -1, feedback: f, next: b }
      - { id: blame, say: Did you click twice?, scores: { reflecting: -3 }, mood: -3, feedback: f, next: b }
  b:
    customer: So what now?
    choices:
      - { id: late-feel, say: "Sorry, that must be stressful.", empathy: true, scores: { reflecting: 1 }, mood: 1, feedback: f, next: c }
      - { id: act, say: I'll refund it now., scores: { ownership: 2 }, mood: 1, feedback: f, next: c }
      - { id: shrug, say: Policy says five days., scores: { ownership: -2 }, mood: -3, feedback: f, next: c }
  c:
    customer: Fine.
    choices:
      - { id: commit, say: "Refund today, text by five.", scores: { ownership: 3 }, mood: 2, feedback: f, next: happy }
      - { id: vague, say: Someone will call., scores: { ownership: -1 }, mood: -1, feedback: f, next: meh }
endings:
  happy: { outcome: success, customer: Thanks!, summary: s }
  meh: { outcome: partial, customer: Okay., summary: s }
  gone: { outcome: failure, customer: Click., summary: s }
rules:
  - when: { moodAtMost: -5 }
    goto: gone
`);

describe('decide', () => {
  it('moves mood by each choice and keeps it within -5 and 5', () => {
    let s = initialState(small, 4);
    s = decide(small, s, 'feel');
    expect(s.mood).toBe(5);
    expect(initialState({ ...small, mood: -2 }, 4).mood).toBe(-2);
  });

  it('keeps mood at or below the scenario’s moodCeiling, from the start and after each choice', () => {
    const capped = { ...small, moodCeiling: 2 };
    expect(initialState(capped, 4).mood).toBe(2);
    expect(decide(capped, initialState(capped, 1), 'feel').mood).toBe(2);
    expect(decide(capped, initialState(capped, 1), 'process').mood).toBe(0);
  });

  it('awards timing +2 for empathy at the clue, +1 one decision late, 0 later, -2 if never answered', () => {
    const atOnce = replay(small, 0, ['feel', 'act', 'commit']);
    expect(atOnce.state.totals.timing).toBe(2);
    expect(atOnce.state.steps[0]!.scores).toEqual({ reflecting: 2, timing: 2 });
    const late = replay(small, 0, ['process', 'late-feel', 'commit']);
    expect(late.state.totals.timing).toBe(1);
    const never = replay(small, 0, ['process', 'act', 'commit']);
    expect(never.state.totals.timing).toBe(-2);
    expect(never.state.steps[2]!.scores).toEqual({ ownership: 3, timing: -2 });
  });

  it('scores a typed reply by its own score while the conversation follows the choice it was heard as', () => {
    // Heard as "process" (mood -1, next b) but said with empathy: the rubric follows the words.
    const typed = replay(small, 0, ['process', 'act', 'commit'], { 0: { scores: { reflecting: 3 }, empathy: true } });
    expect(typed.state.steps[0]).toMatchObject({ choiceId: 'process', moodAfter: -1, scores: { reflecting: 3, timing: 2 } });
    expect(typed.state.totals).toEqual({ reflecting: 3, timing: 2, ownership: 5 });
    // A cold typed reply heard as the empathetic choice earns no timing, and the clue stays open.
    const cold = replay(small, 0, ['feel', 'act', 'commit'], { 0: { scores: {}, empathy: false } });
    expect(cold.state.steps[0]!.scores).toEqual({});
    expect(cold.state.totals.timing).toBe(-2);
    expect(cold.state.mood).toBe(5);
  });

  it('carries on from a saved replay exactly as a replay from the start would', () => {
    const replies = { 1: { scores: { ownership: 3 }, empathy: true } };
    const prefix = replay(small, 0, ['process'], replies);
    const full = replay(small, 0, ['process', 'act', 'commit'], replies);
    const carried = replay(small, 0, ['process', 'act', 'commit'], replies, prefix);
    expect(carried.state).toEqual(full.state);
    expect(carried.ending).toBe(full.ending);
    // The saved replay is not changed by carrying on from it.
    expect(prefix.state.steps).toHaveLength(1);
  });

  it('lets a rule end the conversation early, before the choice’s own next', () => {
    const r = replay(small, -1, ['blame', 'shrug']);
    expect(r.ending).toBe('gone');
    expect(r.state.mood).toBe(-5);
    expect(r.state.steps).toHaveLength(2);
    // The clue was never answered: the engine charges for it at the ending.
    expect(r.state.totals.timing).toBe(-2);
  });

  it('raises for a choice that is not on offer, and for any choice after the ending', () => {
    expect(() => replay(small, 0, ['feel', 'commit'])).toThrow(InvalidChoiceError);
    expect(() => replay(small, 0, ['feel', 'commit'])).toThrow('Decision 2: "commit" is not a choice at "b".');
    expect(() => replay(small, 0, ['feel', 'act', 'commit', 'act'])).toThrow('comes after the conversation ended');
    expect(() => decide(small, initialState(small, 0), 'nope')).toThrow('"nope" is not a choice at "a" (on offer: feel, process, blame).');
  });

  it('replays the same choices to the same state every time', () => {
    const path = ['process', 'late-feel', 'vague'];
    expect(replay(small, 0, path)).toEqual(replay(small, 0, path));
    expect(replay(small, 0, path).ending).toBe('meh');
  });
});

describe('analyse and score', () => {
  const a = analyse(small, 0);

  it('finds every path and the best one', () => {
    // 3 × 3 × 2 paths, less those a rule cuts short (blame then shrug ends at b; process, shrug, vague hits -5 at c).
    expect(a.paths).toBe(17);
    expect(a.bestPath).toEqual(['feel', 'act', 'commit']);
    expect(a.longest).toBe(3);
    expect(a.endings).toEqual({ happy: 8, meh: 7, gone: 2 });
  });

  it('scores the best path 100, the worst 0, and everything else between', () => {
    const best = replay(small, 0, a.bestPath);
    expect(scoreState(small, a, best.state)).toEqual({
      overall: 100,
      // The best overall path is not the best for reflecting alone (feel then late-feel scores 3):
      // reflecting is 2 on a scale from -3 to 3, so 83.
      skills: { reflecting: 83, ownership: 100, timing: 100 },
      passed: true,
    });
    const worst = replay(small, 0, ['blame', 'shrug']);
    expect(scoreState(small, a, worst.state).overall).toBe(0);
    const mid = scoreState(small, a, replay(small, 0, ['process', 'late-feel', 'vague']).state);
    expect(mid.overall).toBeGreaterThan(0);
    expect(mid.overall).toBeLessThan(100);
    expect(mid.passed).toBe(mid.overall >= 70);
  });

  it('keeps scores within 0–100 when typed replies go past what any authored path scores', () => {
    const beyond = scoreTotals(small, a, { reflecting: 9, ownership: 9, timing: 2 }, 'happy');
    expect(beyond.overall).toBe(100);
    expect(beyond.skills.reflecting).toBe(100);
    expect(scoreTotals(small, a, { reflecting: -9, ownership: -9, timing: -2 }, 'happy').overall).toBe(0);
  });

  it('passes only at the pass mark with an ending that is not a failure', () => {
    const top = { reflecting: 9, ownership: 9, timing: 2 };
    expect(scoreTotals(small, a, top, 'happy').passed).toBe(true);
    expect(scoreTotals(small, a, top, 'meh').passed).toBe(true);
    // Full marks and a hang-up: the conversation did not go well.
    expect(scoreTotals(small, a, top, 'gone')).toMatchObject({ overall: 100, passed: false });
    // Still talking: nothing is passed yet.
    expect(scoreTotals(small, a, top, undefined).passed).toBe(false);
  });
});
