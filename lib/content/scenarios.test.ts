import { describe, expect, it } from 'vitest';
import { scenarioCoverage } from './scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { tellStats } from '@/lib/scenario/strategies';
import type { ScenarioDefinition } from '@/lib/scenario/schema';

const choice = (id: string, say: string, score: number, empathy = false) => ({
  id,
  say,
  empathy,
  scores: { reflecting: score },
  mood: 0,
  feedback: 'f',
  next: 'end',
});

const def = (nodes: ScenarioDefinition['nodes'], principles: string[] = ['P1']): ScenarioDefinition => ({
  id: 's',
  title: 'S',
  channel: 'chat',
  persona: 'p',
  summary: 's',
  principles,
  skills: ['reflecting'],
  passScore: 70,
  freeText: true,
  start: Object.keys(nodes)[0]!,
  nodes,
  endings: { end: { outcome: 'success', customer: 'c', summary: 's' } },
  rules: [],
});

describe('tellStats', () => {
  it('places the best option by length rank, ties sharing, with a clue making the empathetic reply the best', () => {
    const s = def({
      a: { customer: 'x', choices: [choice('best', 'The longest reply of all here', 2), choice('weak', 'Short', 0)] },
      b: { customer: 'x', choices: [choice('best', 'Short best', 2), choice('weak', 'A much longer weaker reply', -1)] },
      // A clue makes the empathetic reply the best even with a lower listed score.
      c: { customer: 'x', clue: 'worry', choices: [choice('kind', 'That sounds worrying for you', 1, true), choice('fix', 'Fixing it', 2)] },
      d: { customer: 'x', choices: [choice('one', 'Same size', 2), choice('two', 'Same size', 0)] },
    });
    const stats = tellStats([{ scenario: s, firstName: 'Pat' }]);
    expect(stats.points).toBe(4);
    // a: longest; b: shortest; c: the kind reply, best once timing counts, is the longer; d: one length, so longest.
    expect(stats.lengthRank).toEqual({ longest: 3, middle: 0, shortest: 1 });
  });
});

describe('scenarioCoverage', () => {
  it('fails for unscored skills and principles practised fewer than twice', () => {
    const tell = def({ a: { customer: 'x', choices: [choice('best', 'The longest reply of all', 2), choice('weak', 'Short', 0)] } }, ['P1', 'P2']);
    const loaded = [tell, { ...tell, principles: ['P1'] }].map((scenario) => ({ scenario }) as unknown as LoadedScenario);
    const messages = scenarioCoverage(loaded, '/c/scenarios').map((p) => p.message);
    expect(messages).toContain('no scenario scores the skill "ownership"');
    expect(messages).not.toContain('no scenario scores the skill "reflecting"');
    expect(messages).not.toContain(expect.stringMatching(/^principle P1 /));
    expect(messages).toContain('principle P2 is practised by 1 scenario; it needs at least two');
    expect(messages).toContain('principle P3 is practised by 0 scenarios; it needs at least two');
  });
});
