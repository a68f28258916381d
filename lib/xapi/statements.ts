// The trainer's xAPI 1.0.3 statements (docs/xapi.md): what a learner did, per decision and per skill, in the shape a learning record store takes.
import { v5 as uuidv5 } from 'uuid';
import type { SkillId } from '@/lib/curriculum';

/** The profile's own IRIs: fixed, so statements from every deployment share their extensions and verbs. */
export const PROFILE = 'https://w3id.org/xapi/empathy-trainer';
// Names statement ids: the same event always gets the same id, so a statement sent twice is stored once.
const ID_NAMESPACE = '5b0f6e1e-2f43-5b8e-9a51-6c1d2f7a9e30';

export const verbs = {
  launched: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-GB': 'launched' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-GB': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-GB': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-GB': 'failed' } },
  assigned: { id: `${PROFILE}/verbs/assigned`, display: { 'en-GB': 'was assigned' } },
} as const;

const types = {
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  module: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  checkup: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

export const extensions = {
  skillDeltas: `${PROFILE}/extensions/skill-deltas`,
  skillScores: `${PROFILE}/extensions/skill-scores`,
  coachFindings: `${PROFILE}/extensions/coach-findings`,
  moodAfter: `${PROFILE}/extensions/mood-after`,
  mode: `${PROFILE}/extensions/mode`,
  decision: `${PROFILE}/extensions/decision-number`,
  ending: `${PROFILE}/extensions/ending`,
  dueAt: `${PROFILE}/extensions/due-at`,
} as const;

export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: Record<string, unknown> };
  result?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp: string;
}

/** Where the statements come from: the trainer's public address, which names the actor's account and every activity. */
export interface Source {
  base: string;
}

export type Mode = 'practice' | 'checkup';
type Skills = Partial<Record<SkillId, number>>;

export interface ScenarioRef {
  id: string;
  title: string;
  /** The content hash of the version played: an activity id names what the learner actually saw. */
  version: string;
}

const trim = (base: string) => base.replace(/\/+$/, '');
const statementId = (...parts: string[]) => uuidv5(parts.join(':'), ID_NAMESPACE);
const name = (text: string) => ({ 'en-GB': text });

/** Learners appear by their account id at the trainer, never by email: the LRS needs no personal data to join statements up. */
function actor(src: Source, userId: string): Statement['actor'] {
  return { objectType: 'Agent', account: { homePage: trim(src.base), name: userId } };
}

function scenarioActivity(src: Source, s: ScenarioRef): Statement['object'] {
  return {
    objectType: 'Activity',
    id: `${trim(src.base)}/xapi/scenarios/${encodeURIComponent(s.id)}/versions/${s.version}`,
    definition: { type: types.scenario, name: name(s.title) },
  };
}

function attemptContext(src: Source, attemptId: string, mode: Mode, scenario: ScenarioRef, more: Record<string, unknown> = {}) {
  return {
    registration: attemptId,
    contextActivities: { parent: [scenarioActivity(src, scenario)] },
    extensions: { [extensions.mode]: mode, ...more },
  };
}

export function attemptLaunched(src: Source, a: { userId: string; attemptId: string; mode: Mode; scenario: ScenarioRef; at: Date }): Statement {
  return {
    id: statementId('launched', a.attemptId),
    actor: actor(src, a.userId),
    verb: verbs.launched,
    object: scenarioActivity(src, a.scenario),
    context: { registration: a.attemptId, extensions: { [extensions.mode]: a.mode } },
    timestamp: a.at.toISOString(),
  };
}

export interface DecisionFacts {
  userId: string;
  attemptId: string;
  mode: Mode;
  scenario: ScenarioRef;
  seq: number;
  nodeId: string;
  /** What the customer said at this turn: the interaction's description. */
  customer: string;
  /** The replies on offer, for a picked choice. */
  choices: { id: string; say: string }[];
  choiceId: string;
  /** The learner's own words, when they typed the reply. */
  typed?: string;
  findings?: unknown[];
  deltas: Skills;
  moodAfter: number;
  at: Date;
}

/** One decision, answered: the choice or the typed words, how each skill moved and, for typed words, what the coach found in them. */
export function decisionAnswered(src: Source, d: DecisionFacts): Statement {
  const interaction = d.typed === undefined
    ? { interactionType: 'choice', choices: d.choices.map((c) => ({ id: c.id, description: name(c.say) })) }
    : { interactionType: 'long-fill-in' };
  return {
    id: statementId('answered', d.attemptId, String(d.seq)),
    actor: actor(src, d.userId),
    verb: verbs.answered,
    object: {
      objectType: 'Activity',
      id: `${scenarioActivity(src, d.scenario).id}/nodes/${encodeURIComponent(d.nodeId)}`,
      definition: { type: types.interaction, description: name(d.customer), ...interaction },
    },
    result: {
      response: d.typed ?? d.choiceId,
      extensions: {
        [extensions.skillDeltas]: d.deltas,
        [extensions.moodAfter]: d.moodAfter,
        ...(d.typed === undefined ? {} : { [extensions.coachFindings]: d.findings ?? [] }),
      },
    },
    context: attemptContext(src, d.attemptId, d.mode, d.scenario, { [extensions.decision]: d.seq + 1 }),
    timestamp: d.at.toISOString(),
  };
}

/** The attempt's end: passed or failed, with the overall score out of 100 and the score on each skill. */
export function attemptFinished(
  src: Source,
  a: { userId: string; attemptId: string; mode: Mode; scenario: ScenarioRef; passed: boolean; score: number; skills: Skills; ending: string; at: Date },
): Statement {
  return {
    id: statementId('finished', a.attemptId),
    actor: actor(src, a.userId),
    verb: a.passed ? verbs.passed : verbs.failed,
    object: scenarioActivity(src, a.scenario),
    result: {
      completion: true,
      success: a.passed,
      score: { raw: a.score, min: 0, max: 100, scaled: a.score / 100 },
      extensions: { [extensions.skillScores]: a.skills, [extensions.ending]: a.ending },
    },
    context: { registration: a.attemptId, extensions: { [extensions.mode]: a.mode } },
    timestamp: a.at.toISOString(),
  };
}

function moduleActivity(src: Source, m: { id: string; title: string }): Statement['object'] {
  return { objectType: 'Activity', id: `${trim(src.base)}/xapi/modules/${encodeURIComponent(m.id)}`, definition: { type: types.module, name: name(m.title) } };
}

export function moduleCompleted(src: Source, m: { userId: string; module: { id: string; title: string }; at: Date }): Statement {
  return {
    id: statementId('module-completed', m.userId, m.module.id),
    actor: actor(src, m.userId),
    verb: verbs.completed,
    object: moduleActivity(src, m.module),
    result: { completion: true },
    timestamp: m.at.toISOString(),
  };
}

/** A knowledge check answered: the learner's first answer stands, so one statement per learner and question. */
export function checkAnswered(
  src: Source,
  c: { userId: string; module: { id: string; title: string }; check: { id: string; question: string; options: { id: string; text: string }[] }; optionId: string; correct: boolean; at: Date },
): Statement {
  const parent = moduleActivity(src, c.module);
  return {
    id: statementId('check-answered', c.userId, c.module.id, c.check.id),
    actor: actor(src, c.userId),
    verb: verbs.answered,
    object: {
      objectType: 'Activity',
      id: `${parent.id}/checks/${encodeURIComponent(c.check.id)}`,
      definition: {
        type: types.interaction,
        description: name(c.check.question),
        interactionType: 'choice',
        choices: c.check.options.map((o) => ({ id: o.id, description: name(o.text) })),
      },
    },
    result: { response: c.optionId, success: c.correct },
    context: { contextActivities: { parent: [parent] } },
    timestamp: c.at.toISOString(),
  };
}

/** A check-up scenario assigned to a learner, with its due date. */
export function checkupAssigned(
  src: Source,
  a: { userId: string; assignmentId: string; scenario: { id: string; title: string }; plan: string; dueAt: Date; at: Date },
): Statement {
  return {
    id: statementId('assigned', a.assignmentId),
    actor: actor(src, a.userId),
    verb: verbs.assigned,
    object: {
      objectType: 'Activity',
      id: `${trim(src.base)}/xapi/checkups/${a.assignmentId}`,
      definition: { type: types.checkup, name: name(`${a.plan}: ${a.scenario.title}`) },
    },
    context: { extensions: { [extensions.dueAt]: a.dueAt.toISOString() } },
    timestamp: a.at.toISOString(),
  };
}
