// The scenario and persona formats authors write, as zod schemas (strict: unknown keys are errors).
import { z } from 'zod';
import { fitIds } from './fits';
import { channels } from '@/lib/curriculum';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, like double-charge');
const delta = z.number().int('must be a whole number').min(-3, 'must be between -3 and 3').max(3, 'must be between -3 and 3');
const text = z.string().trim().min(1, 'must not be empty');

export const ChoiceSchema = z.strictObject({
  id: kebab,
  say: text,
  empathy: z.boolean().optional(),
  scores: z.record(z.string(), delta).default({}),
  mood: delta.default(0),
  feedback: text,
  next: kebab,
  /** Other ways a learner might say this choice, to help match typed replies to it. */
  examples: z.array(text).optional(),
});

/**
 * What a turn is about, so a typed reply can be judged against it: the facts a reply that engages
 * with this turn would touch, the customer's question, and the moves this moment calls for.
 * Optional in the schema so scenario versions stored before it still load; the linter requires it.
 */
export const AboutSchema = z.strictObject({
  facts: z.array(text).min(1, 'name at least one thing this turn is about, like "bank fee"'),
  asks: text.optional(),
  fits: z.array(z.enum(fitIds)).default([]),
});

export const NodeSchema = z.strictObject({
  customer: text,
  cue: text.optional(),
  about: AboutSchema.optional(),
  clue: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be one lowercase word naming the feeling, like frustration').optional(),
  choices: z.array(ChoiceSchema),
});

export const EndingSchema = z.strictObject({
  outcome: z.enum(['success', 'partial', 'failure']),
  customer: text,
  summary: text,
  /**
   * The mood this ending needs: a path that arrives with the customer's mood lower goes to
   * `otherwise` instead (a grudging resolution rather than an advocate), so an ending can only
   * say the customer is happy when they are.
   */
  moodAtLeast: z.number().int().min(-5).max(5).optional(),
  otherwise: kebab.optional(),
});

export const RuleSchema = z.strictObject({
  when: z.union([
    z.strictObject({ moodAtMost: z.number().int().min(-5).max(5) }),
    z.strictObject({ moodAtLeast: z.number().int().min(-5).max(5) }),
  ]),
  goto: kebab,
});

export const ScenarioSchema = z.strictObject({
  id: kebab,
  title: text,
  channel: z.enum(channels),
  persona: kebab,
  summary: text,
  principles: z.array(z.string()).min(1, 'must list at least one principle'),
  skills: z.array(z.string()).min(1, 'must list at least one skill'),
  passScore: z.number().int().min(0).max(100).default(70),
  /** Whether a check-up lets learners type their own replies (practice always does). */
  freeText: z.boolean().default(true),
  mood: z.number().int().min(-5).max(5).optional(),
  /** The best this customer can feel here: someone grieving or frightened is settled and looked after at best, never delighted. */
  moodCeiling: z.number().int().min(0).max(5).optional(),
  start: kebab,
  nodes: z.record(kebab, NodeSchema),
  endings: z.record(kebab, EndingSchema),
  rules: z.array(RuleSchema).default([]),
});

export const PersonaSchema = z.strictObject({
  id: kebab,
  name: text,
  situation: text,
  /** How they talk, so their lines sound like one person: register, pace and temperament. */
  voice: text,
  mood: z.number().int().min(-5).max(5),
  pronouns: text.optional(),
  avatar: text.optional(),
});

export type Choice = z.output<typeof ChoiceSchema>;
export type ScenarioNode = z.output<typeof NodeSchema>;
export type Ending = z.output<typeof EndingSchema>;
export type Rule = z.output<typeof RuleSchema>;
export type ScenarioDefinition = z.output<typeof ScenarioSchema>;
export type Persona = z.output<typeof PersonaSchema>;
