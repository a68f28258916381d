import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreState } from './analysis';
import { readScenarios } from '@/lib/content/scenarios';
import { choicesAt, decide, initialState, InvalidChoiceError, rawTotal, type PlayState } from './engine';
import { replay } from './replay';

// Property tests over every real scenario in content/.
const { scenarios, problems } = readScenarios(process.cwd());

describe('the course’s scenarios', () => {
  it('all load without problems, ten or more of them', () => {
    expect(problems).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(scenarios.map((x) => [x.scenario.id, x] as const))('%s', (_id, { scenario: s, analysis: a, persona }) => {
    const nodeCount = Object.keys(s.nodes).length;
    // A walk is a list of numbers; each picks one of the choices on offer at that step.
    const walk = fc.array(fc.nat(), { minLength: nodeCount, maxLength: nodeCount });

    function follow(picks: number[]): { state: PlayState; ids: string[] } {
      let state = initialState(s, persona.mood);
      const ids: string[] = [];
      for (const pick of picks) {
        const options = choicesAt(s, state);
        if (options.length === 0) break;
        const id = options[pick % options.length]!.id;
        ids.push(id);
        state = decide(s, state, id);
      }
      return { state, ids };
    }

    it('every random walk ends within the number of nodes, scored between 0 and 100', () => {
      fc.assert(
        fc.property(walk, (picks) => {
          const { state, ids } = follow(picks);
          expect('ending' in state.at).toBe(true);
          expect(ids.length).toBeLessThanOrEqual(nodeCount);
          const score = scoreState(s, a, state);
          const outcome = s.endings[(state.at as { ending: string }).ending]!.outcome;
          expect(score.passed).toBe(outcome !== 'failure' && score.overall >= s.passScore);
          expect(score.overall).toBeGreaterThanOrEqual(0);
          expect(score.overall).toBeLessThanOrEqual(100);
          for (const v of Object.values(score.skills)) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
        }),
        { numRuns: 200 },
      );
    });

    it('the best path scores exactly 100', () => {
      const best = replay(s, persona.mood, a.bestPath);
      expect(best.ending).toBeDefined();
      expect(scoreState(s, a, best.state).overall).toBe(100);
    });

    it('the counted analysis agrees with walking every path one by one', () => {
      const finals: PlayState[] = [];
      const walkAll = (state: PlayState): void => {
        if ('ending' in state.at) finals.push(state);
        else for (const c of choicesAt(s, state)) walkAll(decide(s, state, c.id));
      };
      walkAll(initialState(s, persona.mood));
      // Spread arguments overflow the stack at a hundred thousand paths; fold instead.
      const min = (xs: number[]) => xs.reduce((m, x) => Math.min(m, x), Infinity);
      const max = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);
      const raws = finals.map((f) => rawTotal(f.totals));
      expect(a.paths).toBe(finals.length);
      expect(a.raw).toEqual({ min: min(raws), max: max(raws) });
      expect(a.longest).toBe(max(finals.map((f) => f.steps.length)));
      const firstBest = finals.find((f) => rawTotal(f.totals) === a.raw.max)!;
      expect(a.bestPath).toEqual(firstBest.steps.map((st) => st.choiceId));
      expect(Object.keys(a.skills).sort()).toEqual([...new Set(finals.flatMap((f) => Object.keys(f.totals)))].sort());
      for (const [k, b] of Object.entries(a.skills)) {
        const v = finals.map((f) => f.totals[k] ?? 0);
        expect([k, b]).toEqual([k, { min: min(v), max: max(v) }]);
      }
      for (const [id, floor] of Object.entries(a.floors)) {
        const at = finals.filter((f) => (f.at as { ending: string }).ending === id);
        expect(a.endings[id]).toBe(at.length);
        expect(floor).toEqual({ raw: min(at.map((f) => rawTotal(f.totals))), mood: min(at.map((f) => f.mood)) });
      }
    });

    it('replay is deterministic', () => {
      fc.assert(
        fc.property(walk, (picks) => {
          const { ids } = follow(picks);
          expect(replay(s, persona.mood, ids)).toEqual(replay(s, persona.mood, ids));
        }),
        { numRuns: 100 },
      );
    });

    it('a choice id not on offer always raises', () => {
      fc.assert(
        fc.property(walk, fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), (picks, cut, bogus) => {
          const { ids } = follow(picks);
          const prefix = ids.slice(0, cut % (ids.length + 1));
          const state = replay(s, persona.mood, prefix).state;
          const offered = choicesAt(s, state).map((c) => c.id);
          fc.pre(!offered.includes(bogus));
          expect(() => replay(s, persona.mood, [...prefix, bogus])).toThrow(InvalidChoiceError);
        }),
        { numRuns: 100 },
      );
    });
  });
});
