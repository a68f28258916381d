// The scenario map's model on small drafts, valid and broken: structure, problems, moods, best path and layout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutMap, mapModel, mapShape, type MapModel, type MapShape } from './map-model';

// A cut-down double-charge: a clue at the start, a choice that answers it, an ending that needs a mood, and a hang-up rule.
const VALID = `id: tiny-charge
title: The double charge
channel: phone
persona: yusuf-demirci
summary: A dad rings because his broadband bill was taken twice.
principles: [P15, P24]
skills: [reflecting, ownership]
start: opening
nodes:
  opening:
    customer: You've taken my broadband bill twice, and now the bank has charged me a fee on top of it all.
    clue: frustration
    choices:
      - id: feel-first
        say: Taken twice and a fee on top? No wonder you're fuming, Yusuf.
        empathy: true
        scores: { reflecting: 2 }
        mood: 2
        feedback: You named the feeling first.
        next: fix
      - id: procedure
        say: Date of birth and the first line of your address, please.
        scores: { reflecting: -2 }
        mood: -1
        feedback: Procedure before the person.
        next: fix
  fix:
    customer: So what happens now?
    choices:
      - id: own-it
        say: I've sent the second payment back today.
        scores: { ownership: 2 }
        mood: 1
        feedback: You owned it.
        next: advocate
      - id: pass-on
        say: Billing will be in touch.
        scores: { ownership: -2 }
        mood: -3
        feedback: You passed it on.
        next: advocate
endings:
  advocate:
    outcome: success
    moodAtLeast: 0
    otherwise: grudging
    customer: Cheers. Thanks for actually listening.
    summary: He felt heard.
  grudging:
    outcome: partial
    customer: Fine. Bye.
    summary: Sorted, grudgingly.
  hung-up:
    outcome: failure
    customer: Forget it.
    summary: He hung up.
rules:
  - when: { moodAtMost: -5 }
    goto: hung-up
`;
const YUSUF = -3;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const node = (m: MapModel, id: string) => m.nodes.find((n) => n.id === id)!;

describe('mapModel on a valid scenario', () => {
  const m = mapModel(VALID, [], YUSUF);

  it('lists every node and ending once, start first, each at the line of its key', () => {
    expect(m.parseError).toBeUndefined();
    expect(m.nodes.map((n) => n.id)).toEqual(['opening', 'fix', 'advocate', 'grudging', 'hung-up']);
    expect(node(m, 'opening')).toMatchObject({ kind: 'node', isStart: true, line: lineOf(VALID, '  opening:') });
    expect(node(m, 'fix').label).toBe('So what happens now?');
    expect(node(m, 'opening').label.length).toBeLessThanOrEqual(60);
    expect(m.missingTargets).toEqual([]);
    expect(m.edges.every((e) => !e.broken)).toBe(true);
  });

  it('gives endings their outcome, draws otherwise links, and notes the rule that reaches an ending', () => {
    expect(node(m, 'advocate')).toMatchObject({ kind: 'ending', outcome: 'success' });
    expect(node(m, 'grudging').outcome).toBe('partial');
    expect(node(m, 'hung-up')).toMatchObject({ outcome: 'failure', rules: ['mood -5 or lower'], unreachable: false });
    expect(m.edges.find((e) => e.kind === 'otherwise')).toMatchObject({ from: 'advocate', to: 'grudging', broken: false });
  });

  it('flags the best path: its decisions, its nodes and the ending it reaches', () => {
    expect(m.edges.filter((e) => e.onBestPath).map((e) => e.choiceId)).toEqual(['feel-first', 'own-it']);
    expect(m.nodes.filter((n) => n.onBestPath).map((n) => n.id)).toEqual(['opening', 'fix', 'advocate']);
  });

  it('colours by the arrival mood on the best path, with the range over every path', () => {
    // Yusuf starts at -3 (upset); feeling first lifts him to -1, procedure drops him to -4.
    expect(node(m, 'opening')).toMatchObject({ moodBand: 'upset', moodRange: { min: -3, max: -3 } });
    expect(node(m, 'fix')).toMatchObject({ moodBand: 'neutral', moodRange: { min: -4, max: -1 } });
    expect(node(m, 'advocate')).toMatchObject({ moodBand: 'neutral', moodRange: { min: 0, max: 0 } });
    // Off the best path, the highest arrival mood decides the colour.
    expect(node(m, 'grudging')).toMatchObject({ moodBand: 'upset', moodRange: { min: -4, max: -3 } });
    expect(node(m, 'hung-up')).toMatchObject({ moodBand: 'furious', moodRange: { min: -5, max: -5 } });
  });

  it('attaches each problem to the node or ending whose lines hold it, and keeps the rest apart', () => {
    const problems = [
      { line: lineOf(VALID, 'feedback: Procedure before'), message: 'weak feedback', hint: 'say why' },
      { line: lineOf(VALID, 'summary: He hung up.'), message: 'short summary' },
      { line: lineOf(VALID, 'principles:'), message: 'not a principle' },
    ];
    const withProblems = mapModel(VALID, problems, YUSUF);
    expect(node(withProblems, 'opening').problems).toEqual([problems[0]]);
    expect(node(withProblems, 'hung-up').problems).toEqual([problems[1]]);
    expect(node(withProblems, 'fix').problems).toEqual([]);
    expect(withProblems.problemsElsewhere).toEqual([problems[2]]);
  });

  it('follows the persona mood when the scenario sets none', () => {
    expect(node(mapModel(VALID, [], 4), 'opening').moodBand).toBe('delighted');
  });
});

describe('mapModel on broken drafts', () => {
  it('turns a next that points nowhere into a broken edge to a missing target, with its problem on the right node', () => {
    const text = VALID.replace('next: fix\n      - id: procedure', 'next: nowhere\n      - id: procedure');
    const problem = { line: lineOf(text, 'next: nowhere'), message: 'next "nowhere" is neither a node nor an ending' };
    const m = mapModel(text, [problem], YUSUF);
    expect(m.missingTargets).toEqual(['nowhere']);
    expect(m.edges.find((e) => e.to === 'nowhere')).toMatchObject({ from: 'opening', choiceId: 'feel-first', broken: true, onBestPath: false });
    expect(node(m, 'opening').problems).toEqual([problem]);
    // Not a playable scenario, so no moods and no best path; the structure is still all there.
    expect(m.nodes.every((n) => n.moodBand === undefined && !n.onBestPath)).toBe(true);
    expect(node(m, 'fix').unreachable).toBe(false);
  });

  it('flags a node no choice leads to as unreachable, and lists it after the reachable ones', () => {
    const text = VALID.replace('endings:\n', '  orphan:\n    customer: Nobody gets here.\n    choices: []\nendings:\n');
    const m = mapModel(text, [], YUSUF);
    expect(node(m, 'orphan')).toMatchObject({ unreachable: true, line: lineOf(text, '  orphan:') });
    expect(m.nodes.filter((n) => n.unreachable).map((n) => n.id)).toEqual(['orphan']);
    expect(m.nodes.at(-1)!.id).toBe('orphan');
  });

  it('flags the nodes on a cycle, and not the ones leading into it', () => {
    const text = VALID.replace('say: Billing will be in touch.\n        scores: { ownership: -2 }\n        mood: -3\n        feedback: You passed it on.\n        next: advocate', 'say: Billing will be in touch.\n        scores: { ownership: -2 }\n        mood: -3\n        feedback: You passed it on.\n        next: again')
      .replace('endings:\n', '  again:\n    customer: Again?\n    choices:\n      - { id: loop, say: Sorry., feedback: Round again., next: fix }\nendings:\n');
    const m = mapModel(text, [], YUSUF);
    expect(m.nodes.filter((n) => n.inCycle).map((n) => n.id).sort()).toEqual(['again', 'fix']);
    expect(node(m, 'opening').inCycle).toBe(false);
    expect(m.nodes.some((n) => n.moodBand)).toBe(false);
  });

  it('flags a choice that comes back to its own node', () => {
    const m = mapModel(VALID.replace('next: advocate\n      - id: pass-on', 'next: fix\n      - id: pass-on'), [], YUSUF);
    expect(node(m, 'fix').inCycle).toBe(true);
  });

  it('reads a draft with missing fields: no start, no customer, a choice without next', () => {
    const text = 'nodes:\n  first:\n    choices:\n      - id: a\n        say: Hello\n  second:\n    customer: Hi\nendings:\n  done: {}\n';
    const m = mapModel(text, [], 0);
    expect(m.nodes.map((n) => [n.id, n.unreachable, n.label])).toEqual([['first', true, ''], ['second', true, 'Hi'], ['done', true, '']]);
    expect(m.edges).toEqual([expect.objectContaining({ from: 'first', to: '', broken: true })]);
    expect(m.missingTargets).toEqual([]);
    expect(node(m, 'done').outcome).toBeUndefined();
  });

  it('gives a YAML syntax error as parseError with its line, an empty map and every problem kept, without throwing', () => {
    const problems = [{ line: 3, message: 'YAML syntax error' }];
    let m: MapModel | undefined;
    expect(() => (m = mapModel('id: x\nnodes:\n  a: [\nb: "open', problems))).not.toThrow();
    expect(m!.parseError).toMatch(/^line \d+: /);
    expect(m!.nodes).toEqual([]);
    expect(m!.problemsElsewhere).toEqual(problems);
  });

  it('maps an empty draft or a bare scalar to nothing, without an error', () => {
    for (const text of ['', 'just words', '- a\n- b\n']) expect(mapModel(text, [])).toEqual({ nodes: [], edges: [], missingTargets: [], problemsElsewhere: [] });
  });

  it('draws a duplicated id once and a node that is also an ending as the node, without moods', () => {
    const text = VALID.replace('endings:\n', '  fix:\n    customer: A pasted copy.\n    choices: []\nendings:\n  opening:\n    outcome: failure\n    customer: Clash.\n    summary: Clash.\n');
    const m = mapModel(text, [], YUSUF);
    expect(m.nodes.filter((n) => n.id === 'fix')).toHaveLength(1);
    expect(node(m, 'fix').label).toBe('So what happens now?');
    expect(node(m, 'opening').kind).toBe('node');
    expect(m.nodes.some((n) => n.moodBand)).toBe(false);
  });
});

describe('mapModel on a real scenario', () => {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../../content/scenarios/double-charge.yaml'), 'utf8');
  const m = mapModel(text, [], YUSUF);

  it('reaches everything, with a mood on every node and a best path that ends in success', () => {
    expect(m.nodes.filter((n) => n.unreachable || n.inCycle)).toEqual([]);
    expect(m.nodes.filter((n) => n.kind === 'node').every((n) => n.moodBand && n.moodRange)).toBe(true);
    expect(m.nodes.filter((n) => n.onBestPath && n.kind === 'ending').map((n) => n.outcome)).toEqual(['success']);
    expect(m.edges.filter((e) => e.onBestPath).length).toBeGreaterThanOrEqual(6);
  });
});

describe('layoutMap', () => {
  it('places every node, ending and missing target, the same way each time', () => {
    const m = mapModel(VALID.replace('next: fix\n      - id: procedure', 'next: nowhere\n      - id: procedure'), [], YUSUF);
    const a = layoutMap(m);
    expect([...a.keys()].sort()).toEqual([...m.nodes.map((n) => n.id), 'nowhere'].sort());
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(layoutMap(m)).toEqual(a);
    // Top to bottom: the start above what follows it, and endings with missing targets in one row beneath every node.
    expect(a.get('opening')!.y).toBeLessThan(a.get('fix')!.y);
    const floor = ['advocate', 'grudging', 'hung-up', 'nowhere'].map((id) => a.get(id)!);
    expect(new Set(floor.map((p) => p.y)).size).toBe(1);
    expect(floor[0]!.y).toBeGreaterThan(a.get('fix')!.y);
    expect(new Set(floor.map((p) => p.x)).size).toBe(4);
  });

  it('keys the layout on structure only, so rewording keeps the key and a new link changes it', () => {
    const m = mapModel(VALID, [], YUSUF);
    expect(mapShape(mapModel(VALID.replace('So what happens now?', 'And now?'), [], YUSUF))).toBe(mapShape(m));
    expect(mapShape(mapModel(VALID.replace('next: fix\n      - id: procedure', 'next: advocate\n      - id: procedure'), [], YUSUF))).not.toBe(mapShape(m));
    expect(layoutMap(JSON.parse(mapShape(m)) as MapShape)).toEqual(layoutMap(m));
  });

  it('lays out 150 generated nodes, with cycles and broken links, without error', () => {
    const lines = ['start: n0', 'nodes:'];
    for (let i = 0; i < 150; i++) {
      lines.push(`  n${i}:`, `    customer: Turn ${i}`, '    choices:');
      // Branches that merge a few turns on, a loop back now and then, a hang-up from every turn, and some links to nowhere.
      for (const to of [`n${i + 1}`, `n${Math.min(149, i + 2 + (i % 3))}`, i % 10 === 0 ? `lost-${i}` : i % 25 === 7 ? `n${i - 5}` : 'done']) lines.push(`      - { id: to-${to}, say: Go to ${to}, next: ${i === 149 && to === 'n150' ? 'done' : to} }`);
    }
    lines.push('endings:', '  done: { outcome: success, customer: Bye }');
    const m = mapModel(lines.join('\n'), [], 0);
    expect(m.nodes).toHaveLength(151);
    expect(m.missingTargets).toHaveLength(15);
    expect(m.nodes.filter((n) => n.inCycle).length).toBeGreaterThan(0);
    const at = layoutMap(m);
    expect(at.size).toBe(166);
    expect(new Set([...at.values()].map((p) => `${p.x},${p.y}`)).size).toBe(166);
  });
});
