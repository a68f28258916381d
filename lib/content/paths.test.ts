import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePath, pathOrderProblems, pathProgress, readPaths } from './paths';
import { teaches } from './check';

const known = { modules: new Set(['listen', 'apologize']), scenarios: new Set(['double-charge']) };
const lines = (text: string) => parsePath('/c/paths/onboarding.yaml', text, known).problems.map((p) => `${p.line}: ${p.message}`);

describe('parsePath', () => {
  it('reads an ordered path of modules and scenarios', () => {
    const r = parsePath('/c/paths/onboarding.yaml', 'id: onboarding\ntitle: First\nitems:\n  - module: listen\n  - scenario: double-charge\n', known);
    expect(r.path).toMatchObject({ id: 'onboarding', title: 'First', items: [{ kind: 'module', id: 'listen' }, { kind: 'scenario', id: 'double-charge' }], lines: [4, 5] });
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

function pathsRoot(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paths-'));
  fs.mkdirSync(path.join(root, 'content', 'paths'), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, 'content', 'paths', name), text);
  return root;
}

describe('readPaths', () => {
  const onboarding = 'id: onboarding\ntitle: First\nitems:\n  - module: listen\n';
  it('puts onboarding first and each follow-on after the path it follows', () => {
    const root = pathsRoot({
      'a-later.yaml': 'id: a-later\ntitle: Later\nafter: hard\nitems:\n  - module: apologize\n',
      'hard.yaml': 'id: hard\ntitle: Hard\nafter: onboarding\nitems:\n  - scenario: double-charge\n',
      'onboarding.yaml': onboarding,
    });
    const r = readPaths(root, known);
    expect(r.problems).toEqual([]);
    expect(r.paths.map((p) => p.id)).toEqual(['onboarding', 'hard', 'a-later']);
  });

  it('refuses a follow-on that names no path, a missing one, or itself', () => {
    const root = pathsRoot({
      'onboarding.yaml': onboarding,
      'loose.yaml': 'id: loose\ntitle: Loose\nitems:\n  - module: apologize\n',
      'lost.yaml': 'id: lost\ntitle: Lost\nafter: nowhere\nitems:\n  - module: apologize\n',
      'self.yaml': 'id: self\ntitle: Self\nafter: self\nitems:\n  - module: apologize\n',
    });
    expect(readPaths(root, known).problems.map((p) => `${path.basename(p.file)}: ${p.message}`)).toEqual([
      'loose.yaml: path "loose" does not say which path it follows',
      'lost.yaml: path "lost" follows "nowhere", which does not exist',
      'self.yaml: path "self" follows itself in a circle',
    ]);
  });
});

describe('pathOrderProblems', () => {
  const modules = [
    { id: 'listen', skill: 'reflecting', principles: ['P24'] },
    { id: 'personal', skill: 'personalizing', principles: ['P16', 'P17'] },
    { id: 'apologize', skill: 'apologizing', principles: ['P15'] },
  ];
  const scenarios = [
    { id: 'double-charge', skills: ['reflecting', 'apologizing', 'ownership'] },
    { id: 'hard-one', skills: ['reflecting'] },
  ];
  const first = { id: 'onboarding', title: 'First', file: 'onboarding.yaml', items: [{ kind: 'module' as const, id: 'listen' }, { kind: 'scenario' as const, id: 'double-charge' }, { kind: 'module' as const, id: 'personal' }, { kind: 'module' as const, id: 'apologize' }], lines: [4, 5, 6, 7] };
  const follow = { id: 'hard', title: 'Hard', after: 'onboarding', file: 'hard.yaml', items: [{ kind: 'scenario' as const, id: 'hard-one' }], lines: [5] };

  it('names a scenario that scores a skill before its module, counting a core principle as teaching it', () => {
    expect(pathOrderProblems([first, follow], modules, scenarios, teaches).map((p) => `${p.file}:${p.line}: ${p.message} | ${p.hint}`)).toEqual([
      'onboarding.yaml:5: scenario "double-charge" scores apologizing, ownership before the path teaches them | move it after apologize, personal, or put those modules earlier',
    ]);
    // After both modules, ownership is taught by the module whose principles include its core, P17; the follow-on counts onboarding's modules as read.
    const fixed = { ...first, items: [first.items[0]!, first.items[2]!, first.items[3]!, first.items[1]!] };
    expect(pathOrderProblems([fixed, follow], modules, scenarios, teaches)).toEqual([]);
  });

  it('names a scenario that is on no path', () => {
    expect(pathOrderProblems([{ ...first, items: first.items.filter((i) => i.kind === 'module') }], modules, scenarios, teaches).map((p) => p.message)).toEqual([
      'scenario "double-charge" is on no learning path',
      'scenario "hard-one" is on no learning path',
    ]);
  });
});
