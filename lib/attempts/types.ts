// What the attempts API sends and takes: shared by the server and the player, so nothing server-only is imported here.
import type { attemptMode } from '@/db/schema';
import type { StoredCoach } from '@/lib/coach/nodes';
import type { AttemptScore } from '@/lib/scenario/analysis';

/** Practice (feedback as you go) or a check-up (scored at the end): the database's attempt_mode values. */
export type Mode = (typeof attemptMode.enumValues)[number];

/** What the browser sees of a turn: never scores, feedback or where a choice leads. */
export interface Turn {
  nodeId: string;
  customer: string;
  cue?: string;
  mood: number;
  choices: { id: string; say: string }[];
}

export interface EndingView {
  id: string;
  outcome: 'success' | 'partial' | 'failure';
  customer: string;
  summary: string;
  score: AttemptScore;
  passScore: number;
  /** What the best path said at each step, for the debrief. */
  bestPath: { nodeId: string; choiceId: string; say: string }[];
}

/** A reply the learner typed, as they see it back. */
export interface ReplyView {
  text: string;
  /** The authored choice the customer took it as: the conversation follows that branch. */
  heardAs: { choiceId: string; say: string };
  /** What earned or cost each point, with the words: when feedback is shown (practice, or once a check-up ends). */
  findings?: StoredCoach['findings'];
  suggestion?: string;
}

export interface DecisionAnswer {
  seq: number;
  mood: number;
  feedback?: string;
  scores?: Record<string, number>;
  reply?: ReplyView;
  turn?: Turn;
  ending?: EndingView;
}

/** One decision: a choice picked (`choiceId`) or a reply typed (`reply`), never both. */
export interface DecisionInput {
  seq: number;
  choiceId?: string;
  reply?: string;
  elapsedMs?: number;
}

export interface Started {
  attemptId: string;
  seq: number;
  turn: Turn;
  mode: Mode;
  /** Set when the start carried on with the assignment's attempt already in flight. */
  resumed?: true;
  /** Set when this request was sent before (same Idempotency-Key) and this is what it started. */
  repeated?: true;
  /** Why this play is practice although a check-up was asked for. */
  notice?: string;
}

export interface AttemptView {
  attemptId: string;
  scenarioId: string;
  mode: Mode;
  status: 'in_progress' | 'completed' | 'abandoned';
  seq: number;
  mood: number;
  turn?: Turn;
  ending?: EndingView;
  /** Whether the learner may type their own replies in this attempt. */
  freeText: boolean;
  /** Decisions so far; feedback and scores appear in check-up mode only once it has ended. */
  transcript: TranscriptStep[];
}

export interface TranscriptStep {
  seq: number;
  nodeId: string;
  customer: string;
  choiceId: string;
  /** What the learner said: the choice picked, or the reply they typed. */
  say: string;
  moodAfter: number;
  feedback?: string;
  scores?: Record<string, number>;
  reply?: ReplyView;
}
