import { describe, expect, it } from 'vitest';
import { lintScenario, parsePersona } from './lint';
import type { Persona } from './schema';

const personas = new Map<string, Persona>([['pat-lee', { id: 'pat-lee', name: 'Pat Lee', situation: 'Busy.', voice: 'Brisk.', mood: -1 }]]);

function node(id: string, next: string, extra = '') {
  return [
    `  ${id}:`,
    `    customer: Line at ${id}.`,
    `    about: { facts: [line at ${id}] }`,
    ...(extra ? [extra] : []),
    `    choices:`,
    `      - id: good`,
    `        say: Good reply.`,
    `        empathy: true`,
    `        scores: { reflecting: 2 }`,
    `        mood: 1`,
    `        feedback: It helped.`,
    `        next: ${next}`,
    `      - id: weak`,
    `        say: A weaker and much longer reply that goes on.`,
    `        scores: { reflecting: -1 }`,
    `        mood: -1`,
    `        feedback: It did not help.`,
    `        next: ${next}`,
  ];
}

function scenario(edit: (lines: string[]) => string[] = (l) => l): string {
  const lines = [
    'id: sample',
    'title: Sample',
    'channel: phone',
    'persona: pat-lee',
    'summary: A fixture.',
    'principles: [P1, P5]',
    'skills: [reflecting, timing]',
    'start: n1',
    'nodes:',
    ...node('n1', 'n2', '    clue: worry'),
    ...node('n2', 'n3'),
    ...node('n3', 'n4'),
    ...node('n4', 'n5'),
    ...node('n5', 'n6'),
    ...node('n6', 'happy'),
    'endings:',
    '  happy: { outcome: success, moodAtLeast: 0, otherwise: meh, customer: Thanks., summary: Went well. }',
    '  meh: { outcome: partial, customer: Fine., summary: So-so. }',
    '  gone: { outcome: failure, customer: Bye., summary: Hung up. }',
    'rules:',
    '  - when: { moodAtMost: -5 }',
    '    goto: gone',
  ];
  return edit(lines).join('\n') + '\n';
}

const lint = (text: string, file = '/c/scenarios/sample.yaml') =>
  lintScenario(file, text, personas).problems.map((p) => `${p.line}: ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const replaceAt = (lines: string[], needle: string, by: string, nth = 0) => {
  let seen = -1;
  return lines.map((l) => (l.includes(needle) && ++seen === nth ? l.replace(needle, by) : l));
};

describe('lintScenario', () => {
  it('accepts a valid scenario and analyses it', () => {
    const r = lintScenario('/c/scenarios/sample.yaml', scenario(), personas);
    expect(r.problems).toEqual([]);
    expect(r.analysis?.bestPath).toEqual(['good', 'good', 'good', 'good', 'good', 'good']);
  });

  it('reports a YAML syntax error deep in the file at its line and column, with a fix in the author’s words', () => {
    // A colon followed by a space inside unquoted text, in the last node's feedback.
    const text = scenario((l) => replaceAt(l, '        feedback: It did not help.', '        feedback: It did not help: he hung up.', 5));
    const at = lineOf(text, 'he hung up');
    expect(at).toBeGreaterThan(60);
    expect(lint(text)).toEqual([
      `${at}: YAML syntax error at column 19: Nested mappings are not allowed in compact mappings | put the text in quotes: a colon followed by a space starts a new key (or check the indentation)`,
    ]);
  });

  it('reports an unclosed quote and a tab where the parser stopped, not at line 1', () => {
    const unclosed = scenario((l) => replaceAt(l, 'say: Good reply.', 'say: "Good reply.', 3));
    expect(lint(unclosed)).toEqual([`${lineOf(unclosed, '"Good reply.')}: YAML syntax error: this quote is never closed | add the closing quote at the end of the text, or remove the opening one`]);
    const tabbed = scenario((l) => replaceAt(l, '    customer: Line at n4.', '\tcustomer: Line at n4.'));
    expect(lint(tabbed)[0]).toMatch(new RegExp(`^${lineOf(tabbed, '\tcustomer: Line at n4.')}: YAML syntax error at column 1: .* \\| indent with spaces, not tabs$`));
  });

  it('reports an unknown key and a missing key on their lines', () => {
    const text = scenario((l) => replaceAt(replaceAt(l, '        feedback: It helped.', '        feedbak: It helped.', 1), 'title: Sample', 'titel: Sample'));
    expect(lint(text)).toEqual([
      '1: title is missing',
      `${lineOf(text, 'titel')}: unknown key "titel" | remove it, or check its spelling and indentation`,
      `${lineOf(text, '- id: good', lineOf(text, '  n2:'))}: nodes.n2.choices.0.feedback is missing | say what this reply did to the customer, and why`,
      `${lineOf(text, 'feedbak')}: unknown key "feedbak" in nodes.n2.choices.0 | remove it, or check its spelling and indentation`,
    ]);
  });

  it('points at a next that leads nowhere, and at a goto that is not an ending', () => {
    const text = scenario((l) => replaceAt(replaceAt(l, 'next: n4', 'next: n9'), 'goto: gone', 'goto: n2'));
    expect(lint(text)).toEqual([
      `${lineOf(text, 'next: n9')}: next "n9" is neither a node nor an ending | use one of: n1, n2, n3, n4, n5, n6, happy, meh, gone`,
      `${lineOf(text, 'goto: n2')}: goto "n2" is not an ending | use one of: happy, meh, gone`,
    ]);
  });

  it('names a node that cannot be reached', () => {
    const text = scenario((l) => replaceAt(replaceAt(l, 'next: n4', 'next: n5', 0), 'next: n4', 'next: n5', 0));
    expect(lint(text)).toEqual([`${lineOf(text, '  n4:')}: node "n4" cannot be reached from start "n1" | point a choice at it, or remove it`]);
  });

  it('names a cycle at the edge that closes it', () => {
    // Only n3's weaker reply loops back; its better reply still moves on to n4.
    const text = scenario((l) => replaceAt(l, 'next: n4', 'next: n2', 1));
    expect(lint(text)).toEqual([
      `${lineOf(text, 'next: n2', lineOf(text, '  n3:'))}: this next closes a cycle: n2 → n3 → n2 | every path must reach an ending; point this choice forward instead`,
    ]);
  });

  it('refuses duplicate choice ids and a node with one choice', () => {
    const dup = scenario((l) => replaceAt(l, '- id: weak', '- id: good', 2));
    expect(lint(dup)).toEqual([`${lineOf(dup, '- id: good', lineOf(dup, '  n3:') + 8)}: choice id "good" appears twice in node "n3" | give each choice its own id`]);
    const lone = scenario((l) => {
      const start = l.indexOf('      - id: weak', l.indexOf('  n6:'));
      return [...l.slice(0, start), ...l.slice(start + 6)];
    });
    expect(lint(lone)).toEqual([`${lineOf(lone, '  n6:')}: node "n6" has 1 choice; a decision needs at least two | add a plausible weaker reply`]);
  });

  it('refuses deltas out of range and skills or principles that do not exist', () => {
    const text = scenario((l) => replaceAt(replaceAt(l, 'scores: { reflecting: 2 }', 'scores: { reflecting: 4 }'), 'mood: 1', 'mood: -7', 1));
    expect(lint(text)).toEqual([
      expect.stringMatching(new RegExp(`^${lineOf(text, 'reflecting: 4')}: nodes\\.n1\\.choices\\.0\\.scores\\.reflecting: must be between -3 and 3`)),
      expect.stringMatching(new RegExp(`^${lineOf(text, 'mood: -7')}: nodes\\.n2\\.choices\\.0\\.mood: must be between -3 and 3`)),
    ]);
    const unknown = scenario((l) => replaceAt(replaceAt(l, 'skills: [reflecting, timing]', 'skills: [reflecting, timing, charm]'), 'principles: [P1, P5]', 'principles: [P1, P50]'));
    expect(lint(unknown)).toEqual([
      `${lineOf(unknown, 'principles')}: "P50" is not a principle id | use ids P1 to P25 from the curriculum`,
      expect.stringMatching(new RegExp(`^${lineOf(unknown, 'skills:')}: "charm" is not a skill`)),
    ]);
  });

  it('refuses an unknown persona or channel, and engine-scored timing in scores', () => {
    const text = scenario((l) => replaceAt(replaceAt(replaceAt(l, 'persona: pat-lee', 'persona: nobody'), 'channel: phone', 'channel: fax'), 'scores: { reflecting: -1 }', 'scores: { timing: 1 }'));
    const p = lint(text);
    expect(p).toEqual([expect.stringMatching(new RegExp(`^${lineOf(text, 'channel: fax')}: channel: `))]);
    const t = scenario((l) => replaceAt(replaceAt(l, 'persona: pat-lee', 'persona: nobody'), 'scores: { reflecting: -1 }', 'scores: { timing: 1 }'));
    expect(lint(t)).toEqual([
      `${lineOf(t, 'persona:')}: persona "nobody" does not exist | add content/personas/nobody.yaml, or use one of: pat-lee`,
      `${lineOf(t, 'timing: 1')}: timing is scored by the engine, not by authors | remove it; mark the node with clue: and the empathetic reply with empathy: true`,
    ]);
  });

  it('needs three endings including a success, and a choice without feedback is an error', () => {
    const text = scenario((l) => l.filter((x) => !x.includes('meh:')).map((x) => x.replace('outcome: success, moodAtLeast: 0, otherwise: meh', 'outcome: partial')));
    expect(lint(text)).toEqual([
      `${lineOf(text, 'endings:')}: the scenario has 2 endings; it needs at least three | add endings such as a grudging resolution and a hang-up`,
      `${lineOf(text, 'endings:')}: no ending has outcome: success | add an ending where the customer leaves satisfied`,
    ]);
  });

  it('needs at least six decisions on the best path', () => {
    // n5's choices skip n6: the best path is now five decisions long, and n6 is unreachable.
    const text = scenario((l) => l.map((x) => x.replace('next: n6', 'next: happy')).filter((x, i, all) => i < all.indexOf('  n6:') || i >= all.indexOf('endings:')));
    expect(lint(text)).toEqual([`${lineOf(text, 'start:')}: the best path has 5 decisions; a scenario needs at least six | lengthen the main line of the conversation`]);
  });
});

describe('lintScenario on what a turn is about and how it ends', () => {
  it('needs about: on every node, with a fact the customer says there', () => {
    const text = scenario((l) => replaceAt(replaceAt(l, '    about: { facts: [line at n2] }', '    cue: Quiet.'), 'facts: [line at n4]', 'facts: [refund, parcel]'));
    expect(lint(text)).toEqual([
      `${lineOf(text, '  n2:')}: node "n2" has no about: | add about: { facts: [two or three things the customer raises here], fits: [...] }, so a typed reply can be judged against this turn`,
      `${lineOf(text, 'facts: [refund, parcel]')}: none of the facts of node "n4" is in what the customer says there | name the facts in the words the customer uses at this node`,
    ]);
  });

  it('calls for a congratulation only where the clue is good news, and knows only the listed moves', () => {
    const text = scenario((l) => replaceAt(l, 'facts: [line at n1] }', 'facts: [line at n1], fits: [congratulation] }'));
    expect(lint(text)).toEqual([expect.stringMatching(new RegExp(`^${lineOf(text, 'fits: [congratulation]')}: node "n1" calls for a congratulation without good news \| give it a good-news clue`))]);
    const good = scenario((l) => replaceAt(replaceAt(l, 'facts: [line at n1] }', 'facts: [line at n1], fits: [congratulation] }'), 'clue: worry', 'clue: pride'));
    expect(lint(good)).toEqual([]);
    const typo = scenario((l) => replaceAt(l, 'facts: [line at n1] }', 'facts: [line at n1], fits: [apologising] }'));
    expect(lint(typo)).toEqual([expect.stringMatching(new RegExp(`^${lineOf(typo, 'fits: [apologising]')}: nodes\.n1\.about\.fits\.0: `))]);
  });

  it('refuses a scenario where a weak first or second reply can no longer pass, and accepts one slip that good replies recover', () => {
    // Both early weak replies end the call: no way back.
    const text = scenario((l) => replaceAt(replaceAt(l, 'next: n2', 'next: gone', 1), 'next: n3', 'next: gone', 1));
    expect(lint(text)).toEqual([
      `${lineOf(text, 'start:')}: no path recovers from a slip: a weak reply at the first or second decision fails whatever comes after | let a weak early reply cost a point or two of mood, not the call, and let good replies after it win the customer back to a passing ending`,
    ]);
    // A slip at the second decision that good replies carry on from is enough.
    const second = scenario((l) => replaceAt(l, 'next: n2', 'next: gone', 1));
    expect(lint(second)).toEqual([]);
  });

  it('refuses a success ending a path reaches with the customer still upset, and sends low moods on through otherwise', () => {
    const text = scenario((l) => replaceAt(l, 'moodAtLeast: 0, otherwise: meh, ', ''));
    expect(lint(text)).toEqual([
      `${lineOf(text, 'happy:')}: success ending "happy" is reachable with the customer's mood at -3 (below neutral, -1) | give the ending moodAtLeast: 0 and otherwise: <a partial ending>, so a path arriving with a lower mood ends there instead`,
    ]);
    const r = lintScenario('/c/scenarios/sample.yaml', scenario(), personas);
    // With moodAtLeast, no path reaches "happy" below 0; the weakest success is still reachable, and priced.
    expect(r.analysis!.floors.happy!.mood).toBeGreaterThanOrEqual(0);
    expect(r.analysis!.floors.meh).toBeDefined();
  });

  it('refuses an ending that needs more mood than the scenario’s ceiling allows', () => {
    const text = scenario((l) => replaceAt(l, 'start: n1', 'moodCeiling: 0\nstart: n1').flatMap((x) => x.split('\n')).map((x) => x.replace('moodAtLeast: 0, otherwise', 'moodAtLeast: 1, otherwise')));
    expect(lint(text)).toContain(
      `${lineOf(text, 'happy:')}: ending "happy" needs a mood of 1, above the scenario's moodCeiling of 0, so no path reaches it | lower moodAtLeast to 0 or less, or raise moodCeiling`,
    );
  });

  it('needs moodAtLeast and otherwise together, pointing at an ending, without going round in a circle', () => {
    const half = scenario((l) => replaceAt(l, 'moodAtLeast: 0, otherwise: meh, ', 'moodAtLeast: 0, '));
    expect(lint(half)[0]).toBe(
      `${lineOf(half, 'happy:')}: ending "happy" needs both moodAtLeast and otherwise, or neither | say the mood it needs and the ending a lower mood goes to instead, like moodAtLeast: 0 and otherwise: grudging`,
    );
    const nowhere = scenario((l) => replaceAt(l, 'otherwise: meh', 'otherwise: n2'));
    expect(lint(nowhere)).toEqual([`${lineOf(nowhere, 'happy:')}: otherwise "n2" is not an ending | use one of: happy, meh, gone`]);
    const loop = scenario((l) => replaceAt(l, '  meh: { outcome: partial,', '  meh: { outcome: partial, moodAtLeast: 0, otherwise: happy,'));
    expect(lint(loop)).toContain(`${lineOf(loop, 'happy:')}: the otherwise links of ending "happy" go round in a circle | point otherwise at an ending that needs no mood`);
  });
});

describe('parsePersona', () => {
  it('reports a YAML syntax error at its line', () => {
    const bad = parsePersona('/c/personas/pat-lee.yaml', 'id: pat-lee\nname: Pat Lee\nsituation: Busy: always late.\nmood: -1\n');
    expect(bad.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['3: YAML syntax error at column 12: Nested mappings are not allowed in compact mappings']);
  });

  it('reads a persona and checks its id, voice and mood', () => {
    expect(parsePersona('/c/personas/pat-lee.yaml', 'id: pat-lee\nname: Pat Lee\nsituation: Busy.\nvoice: Brisk.\nmood: -1\n').value).toEqual(personas.get('pat-lee'));
    const bad = parsePersona('/c/personas/pat-lee.yaml', 'id: pat-lee\nname: Pat Lee\nsituation: Busy.\nvoice: Brisk.\nmood: -9\n');
    expect(bad.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['5: mood: Too small: expected number to be >=-5']);
    const mute = parsePersona('/c/personas/pat-lee.yaml', 'id: pat-lee\nname: Pat Lee\nsituation: Busy.\nmood: -1\n');
    expect(mute.problems.map((p) => `${p.line}: ${p.message} | ${p.hint}`)).toEqual([expect.stringMatching(/^1: voice is missing \| how this person talks/)]);
  });
});
