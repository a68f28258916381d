import { describe, expect, it } from 'vitest';
import { parsePath, pathProgress } from './paths';

const known = { modules: new Set(['listen', 'apologize']), scenarios: new Set(['double-charge']) };
const lines = (text: string) => parsePath('/c/paths/onboarding.yaml', text, known).problems.map((p) => `${p.line}: ${p.message}`);

describe('parsePath', () => {
  it('reads an ordered path of modules and scenarios', () => {
    const r = parsePath('/c/paths/onboarding.yaml', 'id: onboarding\ntitle: First\nitems:\n  - module: listen\n  - scenario: double-charge\n', known);
    expect(r.path).toEqual({ id: 'onboarding', title: 'First', items: [{ kind: 'module', id: 'listen' }, { kind: 'scenario', id: 'double-charge' }] });
  });

  it('names the line of an unknown or repeated step and of a malformed item', () => {
    expect(lines('id: onboarding\ntitle: First\nitems:\n  - module: listen\n  - scenario: fraud\n  - module: listen\n')).toEqual([
      '5: scenario "fraud" does not exist',
      '6: module "listen" appears twice in the path',
    ]);
    expect(lines('id: onboarding\ntitle: First\nitems:\n  - module: listen\n  - video: intro\n')).toEqual([expect.stringMatching(/^5: items\.1: /)]);
  });

  it('names the line of a YAML syntax error, not line 1', () => {
    expect(lines('id: onboarding\ntitle: First\nitems:\n  - module: listen\n  - scenario: "double-charge\n  - module: apologize\n')).toEqual([
      '5: YAML syntax error: this quote is never closed',
    ]);
  });
});

describe('pathProgress', () => {
  it('marks finished steps and names the first unfinished one as next', () => {
    const p = { id: 'onboarding', title: 'First', items: [{ kind: 'module' as const, id: 'listen' }, { kind: 'scenario' as const, id: 'double-charge' }, { kind: 'module' as const, id: 'apologize' }] };
    const r = pathProgress(p, { modules: new Set(['listen', 'apologize']), scenarios: new Set() });
    expect(r.completed).toBe(2);
    expect(r.next).toEqual({ kind: 'scenario', id: 'double-charge', done: false });
    expect(pathProgress(p, { modules: new Set(['listen', 'apologize']), scenarios: new Set(['double-charge']) }).next).toBeUndefined();
  });
});
