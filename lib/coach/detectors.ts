// The coach's detectors, each finding one thing a reply does well or badly: their ids, what they report, and the list the coach runs (the rules are in detectors/, by skill).
import type { SkillId } from '@/lib/curriculum';
import type { ContextId } from './context';
import { blamesCustomer, nonApology, realApology } from './detectors/apologizing';
import { fearWords, jargon, yesBut } from './detectors/language';
import { lumpsTogether, normalizes } from './detectors/normalizing';
import { commitsAction, vagueHandoff } from './detectors/ownership';
import { namesCustomer, recaps, together } from './detectors/personalizing';
import { congratulates, namesFeeling } from './detectors/reflecting';
import { overshares, relates } from './detectors/relating';
import type { Reading } from './nlp';

export const detectorIds = [
  'names-customer',
  'names-feeling',
  'real-apology',
  'non-apology',
  'blames-customer',
  'yes-but',
  'fear-words',
  'jargon',
  'commits-action',
  'vague-handoff',
  'recaps',
  'normalizes',
  'lumps-together',
  'relates',
  'overshares',
  'congratulates',
  'together',
] as const;
export type DetectorId = (typeof detectorIds)[number];

export interface ReplyContext {
  /** The customer's full name as the scenario gives it ("Farida Benali"). */
  customerName: string;
  channel: 'phone' | 'chat' | 'email' | 'in-person';
  /** A feeling the customer has shown that no reply has answered yet, and whether it is good news. */
  clue: { news: 'bad' | 'good'; feeling?: string } | null;
  customerLine?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  /** A detector, or one of the checks of the reply against its turn (context.ts). */
  detector: DetectorId | ContextId;
  skill: SkillId;
  delta: number;
  spans: Span[];
  /** Why it matters, in a sentence a learner reads beside the highlighted words. */
  note: string;
}

export interface Detector {
  id: DetectorId;
  skill: SkillId;
  principle: string;
  /** Empathy in the engine's sense: answering an open clue with it earns the timing credit. */
  empathy?: boolean;
  find(r: Reading, ctx: ReplyContext): Omit<Finding, 'detector' | 'skill'>[];
  /** Its score and note, for the detectors with a learned model (model.ts), whose findings read the same from either. */
  says?: { delta: number; note: string };
}

export const detectors: readonly Detector[] = [
  namesCustomer, namesFeeling, realApology, nonApology, blamesCustomer, yesBut, fearWords, jargon, commitsAction,
  vagueHandoff, recaps, normalizes, lumpsTogether, relates, overshares, congratulates, together,
];

/** Detectors that count as empathy for the engine's timing rule. */
export const empathyDetectors: ReadonlySet<DetectorId> = new Set(detectors.filter((d) => d.empathy).map((d) => d.id));
