import { describe, expect, it } from 'vitest';
import { scenarioWeight, selectScenarios, type CatalogueEntry, type SelectInput } from './select';

const catalogue: CatalogueEntry[] = [
  { id: 'apology-1', skills: ['apologizing'] },
  { id: 'apology-2', skills: ['apologizing', 'timing'] },
  { id: 'plain-1', skills: ['language'] },
  { id: 'plain-2', skills: ['language', 'timing'] },
  { id: 'plain-3', skills: ['language'] },
  { id: 'own-1', skills: ['ownership'] },
  { id: 'own-2', skills: ['ownership', 'language'] },
  { id: 'own-3', skills: ['ownership'] },
];

const base: SelectInput = {
  seed: 42,
  userId: '6f1c2b1e-0000-4000-8000-000000000001',
  count: 3,
  profile: {},
  recent: new Set(),
  catalogue,
};

describe('selectScenarios', () => {
  it('is deterministic for a seed and learner, and varies between learners and seeds', () => {
    const a = selectScenarios(base);
    expect(selectScenarios(base)).toEqual(a);
    // The catalogue's order does not matter.
    expect(selectScenarios({ ...base, catalogue: [...catalogue].reverse() })).toEqual(a);
    const draws = new Set<string>();
    for (let seed = 0; seed < 30; seed++) draws.add(selectScenarios({ ...base, seed }).join());
    for (let i = 0; i < 30; i++) draws.add(selectScenarios({ ...base, userId: `user-${i}` }).join());
    expect(draws.size).toBeGreaterThan(20);
  });

  it('never gives the same scenario twice in one check-up', () => {
    for (let seed = 0; seed < 200; seed++) {
      const picked = selectScenarios({ ...base, seed, count: 6, catalogue: [...catalogue, ...catalogue] });
      expect(picked).toHaveLength(6);
      expect(new Set(picked).size).toBe(6);
    }
  });

  it('avoids the scenarios of the last run while enough others remain', () => {
    const recent = new Set(['apology-1', 'plain-1', 'own-1', 'own-2']);
    for (let seed = 0; seed < 200; seed++) {
      const picked = selectScenarios({ ...base, seed, count: 4, recent });
      expect(picked.filter((id) => recent.has(id))).toEqual([]);
    }
  });

  it('falls back on last run’s scenarios when too few others remain', () => {
    const recent = new Set(catalogue.slice(0, 6).map((c) => c.id));
    const picked = selectScenarios({ ...base, count: 4, recent });
    expect(picked).toHaveLength(4);
    // Both unplayed scenarios first, then two from the last run.
    expect(picked.slice(0, 2).sort()).toEqual(['own-2', 'own-3']);
    expect(picked.slice(2).every((id) => recent.has(id))).toBe(true);
  });

  it('gives the whole catalogue, once each, when asked for more than it holds', () => {
    const picked = selectScenarios({ ...base, count: 20 });
    expect(picked.sort()).toEqual(catalogue.map((c) => c.id).sort());
    expect(selectScenarios({ ...base, catalogue: [] })).toEqual([]);
    expect(selectScenarios({ ...base, count: 0 })).toEqual([]);
  });

  it('picks scenarios for the weakest skills clearly more often across many seeds', () => {
    const profile = { apologizing: { score: 10 }, language: { score: 90 }, ownership: { score: 60 }, timing: { score: null } };
    const tally = new Map<string, number>();
    const runs = 3000;
    for (let seed = 0; seed < runs; seed++) {
      for (const id of selectScenarios({ ...base, seed, count: 1, profile })) tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    const share = (prefix: string) => [...tally].filter(([id]) => id.startsWith(prefix)).reduce((a, [, n]) => a + n, 0) / runs;
    // Two of eight scenarios practise apologizing, but they should win far more than a quarter of the draws.
    expect(share('apology-')).toBeGreaterThan(0.45);
    expect(share('plain-')).toBeLessThan(0.2);
    expect(share('apology-')).toBeGreaterThan(share('own-'));
    // Every scenario still comes up sometimes.
    expect(tally.size).toBe(catalogue.length);
  });

  it('treats unscored skills as middling', () => {
    const middling = scenarioWeight({ id: 'x', skills: ['timing'] }, { timing: { score: 50 } });
    expect(scenarioWeight({ id: 'x', skills: ['timing'] }, {})).toBe(middling);
    expect(scenarioWeight({ id: 'x', skills: ['timing'] }, { timing: { score: null } })).toBe(middling);
    expect(scenarioWeight({ id: 'x', skills: ['timing'] }, { timing: { score: 0 } })).toBeGreaterThan(middling);
    expect(scenarioWeight({ id: 'x', skills: ['timing'] }, { timing: { score: 100 } })).toBe(1);
  });
});
