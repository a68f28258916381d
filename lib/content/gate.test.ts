import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/scenario/analysis';
import { readScenarios } from './scenarios';
import { ScenarioSchema, type Persona } from '@/lib/scenario/schema';
import { playTyped, strategyGate, typedStrategies, type GateScenario } from './gate';

const persona: Persona = { id: 'pat-lee', name: 'Pat Lee', situation: 'Waiting on a parcel.', voice: 'Brisk.', mood: 0 };

interface Option {
  say: string;
  score: number;
}

/** Six points of three options each, the first option of each point the best; endings by mood. */
function fixture(id: string, points: Option[][], extra: Record<string, unknown> = {}): GateScenario {
  const nodes: Record<string, unknown> = {};
  points.forEach((options, i) => {
    const next = i + 1 < points.length ? `n${i + 1}` : 'done';
    nodes[`n${i}`] = {
      customer: `The parcel for the wedding is late again, point ${i}.`,
      about: { facts: ['parcel', 'wedding'] },
      choices: options.map((o, j) => ({ id: `c${j}`, say: o.say, scores: { reflecting: o.score }, mood: o.score > 0 ? 1 : -1, feedback: 'f', next })),
    };
  });
  const scenario = ScenarioSchema.parse({
    id,
    title: id,
    channel: 'phone',
    persona: persona.id,
    summary: 's',
    principles: ['P1'],
    skills: ['reflecting'],
    start: 'n0',
    nodes,
    endings: {
      done: { outcome: 'success', moodAtLeast: 0, otherwise: 'meh', customer: 'Thanks.', summary: 's' },
      meh: { outcome: 'partial', customer: 'Fine.', summary: 's' },
      gone: { outcome: 'failure', customer: 'Bye.', summary: 's' },
    },
    rules: [{ when: { moodAtMost: -5 }, goto: 'gone' }],
    ...extra,
  });
  return { scenario, analysis: analyse(scenario, persona.mood), persona, file: `/c/scenarios/${id}.yaml` };
}

const problemsOf = (g: GateScenario) => strategyGate([g], '/c/scenarios', false).problems.map((p) => p.message);

describe('the strategy gate', () => {
  it('fails a scenario whose best option is always the longest', () => {
    const g = fixture(
      'length-tell',
      Array.from({ length: 6 }, (_, i) => [
        { say: `Point ${i}: the best reply here runs on a good deal longer than the rest.`, score: 2 },
        { say: `Point ${i}: a weaker reply of middle size.`, score: -1 },
        { say: `Point ${i}: short.`, score: -1 },
      ]),
    );
    const problems = problemsOf(g);
    expect(problems).toContainEqual(expect.stringMatching(/^the strategy "longest" passes this scenario without reading the customer \(expected score 100, passes 100% of the time\)$/));
    expect(problems).not.toContainEqual(expect.stringMatching(/"shortest"/));
  });

  it('fails a scenario whose best option is always the one with the customer\'s name, however long', () => {
    // The best option's length rank turns round, so only the name gives it away.
    const g = fixture(
      'name-tell',
      Array.from({ length: 6 }, (_, i) => {
        const best = { say: ['Pat, that is the one.', 'Pat, that is the one we want here.', 'Pat, that is the one we want here, for sure, honestly.'][i % 3]!, score: 2 };
        return [best, { say: 'A weaker reply of some size.', score: -1 }, { say: 'Another weaker one, longer than it.', score: -1 }];
      }),
    );
    const gate = strategyGate([g], '/c/scenarios', false);
    expect(gate.results['has-name']!['name-tell']).toEqual({ score: 100, pass: 1 });
    expect(gate.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^the strategy "has-name" passes this scenario/));
    // Picking by length, at random among ties, never passes here.
    for (const id of ['longest', 'shortest', 'middle-length']) expect(gate.results[id]!['name-tell']!.pass).toBeLessThan(0.5);
  });

  it('counts a tie broken at random as its expected value', () => {
    // Two equally long options at every point, one good and one bad: the longest strategy is a coin toss.
    const g = fixture(
      'ties',
      Array.from({ length: 6 }, () => [
        { say: 'Same length A.', score: 2 },
        { say: 'Same length B.', score: -2 },
        { say: 'Short.', score: -2 },
      ]),
    );
    const gate = strategyGate([g], '/c/scenarios', false);
    const longest = gate.results.longest!.ties!;
    expect(longest.pass).toBeGreaterThan(0);
    expect(longest.pass).toBeLessThan(0.5);
    expect(longest.score).toBeGreaterThan(30);
    expect(longest.score).toBeLessThan(70);
  });

  it('fails a scenario where a pasted template passes, and passes the template nothing once turns say what they are about', () => {
    const template = typedStrategies.find((t) => t.id === 'template-sorry')!;
    // One turn whose fact is the worry the template happens to name: the paste answers it, once.
    const options = [
      { say: 'I can hear how worried you are about the wedding parcel; I will trace it now.', score: 3 },
      { say: 'Parcels do get delayed sometimes around now.', score: -1 },
      { say: 'Have you checked with your neighbours?', score: -2 },
    ];
    const lucky = fixture('template-lucky', [options], {});
    lucky.scenario.nodes.n0!.about = { facts: ['worried'], fits: ['apology', 'commitment'] };
    expect(playTyped(lucky, template).pass).toBe(1);
    expect(problemsOf(lucky)).toContainEqual(expect.stringMatching(/^the strategy "template-sorry" passes this scenario/));
    // Six turns about the parcel and the wedding: the paste touches neither, and repeats itself.
    const fresh = [
      'That parcel is for the wedding, so of course a delay feels awful. Let me find where it is.',
      'I have the tracking open: the parcel reached the Leeds depot this morning.',
      'The depot can hand it to a driver this afternoon, in time for the wedding on Saturday.',
      'I have booked that van slot and added a note to ring you before they set off.',
      'You will get a text with the driver name and a two hour window.',
      'If anything slips I will message you myself, and the wedding gift still arrives first.',
    ];
    const six = fixture('template-six', fresh.map((say) => [{ say, score: 3 }, options[1]!, options[2]!]));
    expect(playTyped(six, template).pass).toBe(0);
    // Only its first use earns anything: six turns of the paste score far below typing the best reply at each.
    const typesTheBest = { id: 'types-the-best', reply: (line: string) => fresh[Number(/point (\d)/.exec(line)![1])]! };
    expect(playTyped(six, typesTheBest)).toEqual({ score: 100, pass: 1 });
    expect(playTyped(six, template).score).toBeLessThan(50);
  });
});

describe('the shipped course', () => {
  it('passes the strategy gate: no strategy that ignores the customer passes or averages above 40', () => {
    const { scenarios, problems } = readScenarios(process.cwd());
    expect(problems).toEqual([]);
    const gate = strategyGate(scenarios, 'content/scenarios');
    expect(gate.problems).toEqual([]);
    for (const mean of Object.values(gate.means)) expect(mean).toBeLessThanOrEqual(40);
  });
});
