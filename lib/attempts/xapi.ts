// The xAPI statements a decision queues: the decision answered and, at an ending, the attempt passed or failed (docs/xapi.md).
import type { SQL } from 'drizzle-orm';
import type { HeardReply } from '@/lib/coach/nodes';
import { scoreState } from '@/lib/scenario/analysis';
import { choicesAt, type PlayState } from '@/lib/scenario/engine';
import { queueAfter, xapiSettings } from '@/lib/xapi/outbox';
import { attemptFinished, decisionAnswered, type Statement } from '@/lib/xapi/statements';
import type { LiveAttempt, Version } from './cache';

/**
 * The CTE that queues this decision's statements once the CTE `after` has written it, or an empty
 * fragment while no learning record store is configured: then a decision costs exactly what it did.
 */
export function queuedStatements(
  after: string,
  d: { attemptId: string; live: LiveAttempt; v: Version; before: PlayState; after: PlayState; seq: number; choiceId: string; heard?: HeardReply; text?: string },
): SQL | undefined {
  const settings = xapiSettings();
  if (!settings) return undefined;
  const { v, live } = d;
  const step = d.after.steps[d.seq]!;
  const node = v.definition.nodes[step.nodeId]!;
  const scenario = { id: v.definition.id, title: v.definition.title, version: live.contentHash };
  const at = new Date();
  const statements: Statement[] = [
    decisionAnswered(settings.source, {
      userId: live.userId,
      attemptId: d.attemptId,
      mode: live.mode,
      scenario,
      seq: d.seq,
      nodeId: step.nodeId,
      customer: node.customer,
      choices: choicesAt(v.definition, d.before).map((c) => ({ id: c.id, say: c.say })),
      choiceId: d.choiceId,
      typed: d.text,
      findings: d.heard?.coach.findings.map((f) => ({ detector: f.detector, skill: f.skill, delta: f.delta, note: f.note, words: f.spans.map((s) => d.text!.slice(s.start, s.end)) })),
      deltas: step.scores,
      moodAfter: step.moodAfter,
      at,
    }),
  ];
  if ('ending' in d.after.at) {
    const score = scoreState(v.definition, v.analysis, d.after);
    statements.push(
      attemptFinished(settings.source, {
        userId: live.userId,
        attemptId: d.attemptId,
        mode: live.mode,
        scenario,
        passed: score.passed,
        score: score.overall,
        skills: score.skills,
        ending: d.after.at.ending,
        at,
      }),
    );
  }
  return queueAfter(after, settings.stores, statements);
}
