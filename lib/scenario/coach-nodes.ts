// A scenario node as the empathy coach sees it: the authored choices and the context a reply there is read in.
import type { StoredCoach } from '@/db/schema';
import { analyzeReply, clueOf } from '@/lib/coach/analyze';
import type { NodeForMapping } from '@/lib/coach/evaluate';
import { nearestChoice } from '@/lib/coach/match';
import { InvalidChoiceError, type PlayState, type ReplyScore } from './engine';
import type { LoadedScenario } from './course';
import type { ScenarioDefinition } from './schema';

/**
 * The node's choices (with their `examples:`) and the coach's context there. `openClue` is a
 * feeling still unanswered from an earlier node, used when this node reveals none of its own.
 */
export function nodeForCoach(s: ScenarioDefinition, customerName: string, nodeId: string, openClue?: string): NodeForMapping | undefined {
  const node = s.nodes[nodeId];
  if (!node) return undefined;
  return {
    choices: node.choices,
    context: { customerName, channel: s.channel, clue: clueOf(node.clue ?? openClue), customerLine: node.customer },
  };
}

export function coachNode(loaded: LoadedScenario | undefined, nodeId: string): NodeForMapping | undefined {
  return loaded ? nodeForCoach(loaded.scenario, loaded.persona.name, nodeId) : undefined;
}

/** A typed reply as the scenario hears it: the choice it follows, its rubric score, what the coach found. */
export interface HeardReply {
  choiceId: string;
  score: ReplyScore;
  coach: StoredCoach;
}

/**
 * Runs the coach on a reply typed at the state's node. Scores count only on skills this scenario
 * scores (`scoredSkills`), so a typed reply is marked on the same rubric as the authored choices;
 * timing stays the engine's to award.
 */
export function hearReply(s: ScenarioDefinition, customerName: string, state: PlayState, text: string, scoredSkills: ReadonlySet<string>): HeardReply {
  if (!('node' in state.at)) throw new InvalidChoiceError('The conversation has ended; no more replies.');
  const n = nodeForCoach(s, customerName, state.at.node, state.openClues.at(-1)?.clue)!;
  const analysis = analyzeReply(text, n.context);
  const match = nearestChoice(text, n.choices, n.context, analysis);
  const scores: Record<string, number> = {};
  for (const [skill, delta] of Object.entries(analysis.scores)) if (scoredSkills.has(skill) && skill !== 'timing') scores[skill] = delta;
  return {
    choiceId: match.choiceId,
    score: { scores, empathy: analysis.empathy },
    coach: { findings: analysis.findings.map((f) => ({ ...f, scored: scoredSkills.has(f.skill) })), suggestion: analysis.suggestion, similarity: Math.round(match.similarity * 1000) / 1000 },
  };
}

let warmed = false;
/** Loads the language model ahead of the first typed reply, so that reply is not the one to wait for it. */
export function warmCoach(): void {
  if (warmed) return;
  warmed = true;
  analyzeReply('Thanks for waiting.', { customerName: 'Sam', channel: 'chat', clue: null });
}
