// The strategy gate of `content:check`: strategies that ignore the customer must fail every scenario.
import { percent } from '@/lib/format';
import type { ContentProblem } from '@/lib/problems';
import { scoreState, type Analysis } from '@/lib/scenario/analysis';
import { hearReply, type EarlierReply } from '@/lib/coach/nodes';
import { decide, initialState } from '@/lib/scenario/engine';
import { pickStrategies, playStrategy, tellStats, markers, type StrategyResult, type TellStats } from '@/lib/scenario/strategies';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';

export interface GateScenario {
  scenario: ScenarioDefinition;
  analysis: Analysis;
  persona: Persona;
  file: string;
}

/** A strategy passes a scenario when it passes more often than not. */
export const PASS_CHANCE = 0.5;
/** No strategy may average more than this over the course. */
export const MAX_MEAN = 40;
/** An option carrying a marker may be the best one at most this often. */
export const MAX_MARKER_SHARE = 0.6;
/** The best option may sit at any one length rank (longest, middle, shortest) at most this often. */
export const MAX_RANK_SHARE = 0.5;
/** At least this share of decision points offers a second option with credit on one skill and a cost on another. */
export const MIN_PARTIAL_CREDIT = 0.5;

interface TypedStrategy {
  id: string;
  reply(customerLine: string, firstName: string): string;
}

// Replies that could be pasted into any conversation: each sounds kind, none reads the customer.
export const typedStrategies: TypedStrategy[] = [
  {
    id: 'template-sorry',
    reply: () =>
      "I'm so sorry we got this wrong. I can hear how worried you are, and I completely understand why you're frustrated. I'm on your side and we'll sort this out together. I will call you back by 3pm today with an update.",
  },
  {
    id: 'template-named',
    reply: (_, first) =>
      `${first}, thank you for telling me all of this. I'm really sorry we've let you down, that sounds so stressful. I'm taking ownership of this personally: I will fix it and email you by the end of today.`,
  },
  {
    id: 'template-normal',
    reply: (_, first) =>
      `That must be really upsetting, ${first}, and it's completely normal to feel that way. I'd feel exactly the same in your shoes. So if I understand correctly, you need this sorted today, and I'll make sure that happens.`,
  },
  {
    id: 'template-cheer',
    reply: () => "Congratulations, that's wonderful news! I'm so pleased for you. I'll get everything set up for you now and confirm it all by email this afternoon.",
  },
  {
    id: 'keyword-salad',
    reply: (_, first) => `${first} sorry frustrating worried understand together apologise I'll fix it today, I promise, call you back by 3pm, thank you for your patience.`,
  },
  { id: 'parrot', reply: (line) => line },
  { id: 'parrot-framed', reply: (line) => `So what I'm hearing is: ${line}` },
];

export const firstNameOf = (p: Persona) => p.name.split(/\s+/)[0] ?? p.name;

/** Plays a typed strategy: the same kind of reply at every turn, the conversation following wherever it is heard. */
export function playTyped(g: GateScenario, strategy: TypedStrategy): StrategyResult {
  const s = g.scenario;
  const scored = new Set(Object.keys(g.analysis.skills));
  let state = initialState(s, g.persona.mood);
  const earlier: EarlierReply[] = [];
  while ('node' in state.at) {
    const text = strategy.reply(s.nodes[state.at.node]!.customer, firstNameOf(g.persona));
    const heard = hearReply(s, g.persona.name, state, text, scored, earlier);
    earlier.push({ text, detectors: heard.coach.findings.map((f) => f.detector) });
    state = decide(s, state, heard.choiceId, heard.score);
  }
  const r = scoreState(s, g.analysis, state);
  return { score: r.overall, pass: r.passed ? 1 : 0 };
}

export interface GateResult {
  strategies: string[];
  /** Per strategy, per scenario id. */
  results: Record<string, Record<string, StrategyResult>>;
  means: Record<string, number>;
  stats: TellStats;
  problems: ContentProblem[];
  table: string[];
}

/**
 * Plays every strategy on every scenario. `course` adds the course-wide limits (means, markers, length
 * ranks, partial credit), which mean little for a single file.
 */
export function strategyGate(scenarios: GateScenario[], dir: string, course = true): GateResult {
  const strategies = [...pickStrategies.map((p) => p.id), ...typedStrategies.map((t) => t.id)];
  const results: GateResult['results'] = {};
  for (const p of pickStrategies) {
    results[p.id] = Object.fromEntries(scenarios.map((g) => [g.scenario.id, playStrategy(g.scenario, g.analysis, g.persona.mood, firstNameOf(g.persona), p)]));
  }
  for (const t of typedStrategies) results[t.id] = Object.fromEntries(scenarios.map((g) => [g.scenario.id, playTyped(g, t)]));
  const means = Object.fromEntries(strategies.map((id) => [id, mean(Object.values(results[id]!).map((r) => r.score))]));
  const stats = tellStats(scenarios.map((g) => ({ scenario: g.scenario, firstName: firstNameOf(g.persona) })));

  const problems: ContentProblem[] = [];
  for (const g of scenarios) {
    const passing = strategies.filter((id) => results[id]![g.scenario.id]!.pass >= PASS_CHANCE);
    for (const id of passing) {
      const r = results[id]![g.scenario.id]!;
      problems.push({
        file: g.file,
        line: 1,
        message: `the strategy "${id}" passes this scenario without reading the customer (expected score ${Math.round(r.score)}, passes ${Math.round(r.pass * 100)}% of the time)`,
        hint: hintFor(id),
      });
    }
  }
  if (course && scenarios.length > 0) {
    for (const id of strategies) {
      if (means[id]! > MAX_MEAN) problems.push({ file: dir, line: 0, message: `the strategy "${id}" averages ${Math.round(means[id]!)} over the course (limit ${MAX_MEAN})`, hint: hintFor(id) });
    }
    for (const m of markers) {
      const { carriers, best } = stats.markers[m.id]!;
      if (carriers > 0 && best / carriers > MAX_MARKER_SHARE) {
        problems.push({ file: dir, line: 0, message: `an option with ${m.label} is the best one ${best} times of ${carriers} (${percent(best / carriers)}; limit ${percent(MAX_MARKER_SHARE)})`, hint: `put ${m.label} in weaker options too` });
      }
    }
    for (const [rank, n] of Object.entries(stats.lengthRank)) {
      if (stats.points > 0 && n / stats.points > MAX_RANK_SHARE) {
        problems.push({ file: dir, line: 0, message: `the best option is the ${rank} one at ${percent(n / stats.points)} of decision points (limit ${percent(MAX_RANK_SHARE)})`, hint: 'vary where the best option falls by length' });
      }
    }
    if (stats.points > 0 && stats.partialCredit / stats.points < MIN_PARTIAL_CREDIT) {
      problems.push({
        file: dir,
        line: 0,
        message: `only ${stats.partialCredit} of ${stats.points} decision points (${percent(stats.partialCredit / stats.points)}) offer a weaker option that earns credit on one skill while costing another (at least ${percent(MIN_PARTIAL_CREDIT)})`,
        hint: 'make a weaker option partly right: warm but vague, or quick to act but cold',
      });
    }
  }
  return { strategies, results, means, stats, problems, table: formatTable(scenarios, strategies, results, means, stats) };
}

function hintFor(id: string): string {
  if (/length|longest|shortest/.test(id)) return 'make the options at each point similar in length, and vary where the best one falls';
  if (id.startsWith('has-')) return 'use that marker in weaker options too, and leave it out of some best ones';
  if (id === 'random') return 'make more of the options cost something';
  return 'give each node an about: whose facts a pasted reply would not touch, and check the fits';
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function formatTable(scenarios: GateScenario[], strategies: string[], results: GateResult['results'], means: Record<string, number>, stats: TellStats): string[] {
  if (scenarios.length === 0) return [];
  const cols = scenarios.map((_, i) => String(i + 1).padStart(4));
  const lines = [
    `Strategy gate: expected score out of 100 for play that ignores the customer (✓ passes; limits: no pass, mean ≤ ${MAX_MEAN})`,
    `  ${'strategy'.padEnd(18)}${cols.join('')}  mean`,
  ];
  for (const id of strategies) {
    const cells = scenarios.map((g) => {
      const r = results[id]![g.scenario.id]!;
      return `${Math.round(r.score)}${r.pass >= PASS_CHANCE ? '✓' : ' '}`.padStart(4);
    });
    lines.push(`  ${id.padEnd(18)}${cells.join('')}  ${String(Math.round(means[id]!)).padStart(4)}`);
  }
  lines.push(`  ${scenarios.map((g, i) => `${i + 1} ${g.scenario.id}`).join(', ')}`);
  lines.push(
    `Tells: ${markers
      .map((m) => {
        const { carriers, best } = stats.markers[m.id]!;
        return `${m.label} best ${best}/${carriers}`;
      })
      .join(' · ')} (limit ${percent(MAX_MARKER_SHARE)} each)`,
  );
  const r = stats.lengthRank;
  lines.push(
    `Best option by length: longest ${percent(r.longest / stats.points)}, middle ${percent(r.middle / stats.points)}, shortest ${percent(r.shortest / stats.points)} (limit ${percent(MAX_RANK_SHARE)} each); ` +
      `partial credit at ${stats.partialCredit} of ${stats.points} points (at least ${percent(MIN_PARTIAL_CREDIT)})`,
  );
  return lines;
}
