// The player's UI flow as an XState machine: load or resume, choose or write, submit (with retry), feedback, debrief.
import { assign, fromPromise, setup } from 'xstate';
import type { AttemptView, DecisionAnswer, EndingView, ReplyView, Turn } from '@/lib/attempts/types';
import type { Mode } from '@/lib/attempts/types';

export interface TranscriptEntry {
  seq: number;
  customer: string;
  cue?: string;
  say: string;
  feedback?: string;
  scores?: Record<string, number>;
  /** Set when the learner typed this reply rather than picking one. */
  reply?: ReplyView;
}

export interface PlayerContext {
  scenarioId: string;
  mode: Mode;
  attemptId?: string;
  /** The check-up assignment a new attempt is made for. */
  assignmentId?: string;
  seq: number;
  mood: number;
  turn?: Turn;
  /** Whether this attempt lets the learner type their own replies. */
  freeText: boolean;
  transcript: TranscriptEntry[];
  /** When the current turn was shown, for the decision's time to answer. */
  turnShownAt: number;
  /** The decision being sent: a choice or a typed reply, and how long the learner took. */
  pending?: { choiceId?: string; reply?: string; elapsedMs: number };
  lastAnswer?: DecisionAnswer;
  ending?: EndingView;
  error?: string;
  notice?: string;
}

export type PlayerEvent =
  | { type: 'CHOOSE'; choiceId: string }
  | { type: 'WRITE' }
  | { type: 'PICK' }
  | { type: 'REPLY'; text: string }
  | { type: 'CONTINUE' }
  | { type: 'RETRY' };

export interface DecideInput {
  attemptId: string;
  seq: number;
  choiceId?: string;
  reply?: string;
  elapsedMs: number;
}

export interface LoadInput {
  scenarioId: string;
  mode: Mode;
  attemptId?: string;
  assignmentId?: string;
}

export interface StartResult {
  attemptId: string;
  view: AttemptView;
  /** Why this play is not what was asked for (a finished check-up played again is practice). */
  notice?: string;
}

/** Fills the transcript from a saved attempt, so a reload resumes where the learner was. */
function fromView(view: AttemptView): Partial<PlayerContext> {
  return {
    attemptId: view.attemptId,
    // The attempt's own mode decides what the server reveals, whatever the address said.
    mode: view.mode,
    seq: view.seq,
    mood: view.mood,
    turn: view.turn,
    ending: view.ending,
    freeText: view.freeText,
    transcript: view.transcript.map((t) => ({ seq: t.seq, customer: t.customer, say: t.say, feedback: t.feedback, scores: t.scores, reply: t.reply })),
  };
}

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
    input: {} as LoadInput,
  },
  actors: {
    // Implementations are provided by the page (fetch) or by tests.
    load: fromPromise<StartResult, LoadInput>(async () => {
      throw new Error('load is not provided');
    }),
    decide: fromPromise<DecisionAnswer, DecideInput>(async () => {
      throw new Error('decide is not provided');
    }),
  },
  guards: {
    ended: ({ context }) => Boolean(context.ending),
    showsFeedback: ({ context }) => context.mode === 'practice',
  },
}).createMachine({
  id: 'player',
  context: ({ input }) => ({ ...input, seq: 0, mood: 0, freeText: false, transcript: [], turnShownAt: Date.now() }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ scenarioId: context.scenarioId, mode: context.mode, attemptId: context.attemptId, assignmentId: context.assignmentId }),
        onDone: { target: 'routing', actions: assign(({ event }) => ({ ...fromView(event.output.view), notice: event.output.notice, error: undefined })) },
        onError: { target: 'loadFailed', actions: assign({ error: ({ event }) => (event.error as Error).message }) },
      },
    },
    loadFailed: { on: { RETRY: 'loading' } },
    routing: { always: [{ guard: 'ended', target: 'debrief' }, { target: 'choosing' }] },
    choosing: {
      entry: assign({ turnShownAt: () => Date.now() }),
      initial: 'picking',
      on: {
        CHOOSE: {
          target: 'submitting',
          guard: ({ context, event }) => Boolean(context.turn?.choices.some((c) => c.id === event.choiceId)),
          actions: assign({ pending: ({ context, event }) => ({ choiceId: event.choiceId, elapsedMs: Math.max(0, Date.now() - context.turnShownAt) }) }),
        },
      },
      states: {
        picking: { on: { WRITE: { target: 'writing', guard: ({ context }) => context.freeText } } },
        writing: {
          on: {
            PICK: 'picking',
            REPLY: {
              target: '#player.submitting',
              guard: ({ event }) => event.text.trim().length > 0,
              actions: assign({ pending: ({ context, event }) => ({ reply: event.text, elapsedMs: Math.max(0, Date.now() - context.turnShownAt) }) }),
            },
          },
        },
      },
    },
    submitting: {
      invoke: {
        src: 'decide',
        input: ({ context }) => ({ attemptId: context.attemptId!, seq: context.seq, ...context.pending! }),
        onDone: {
          target: 'answered',
          actions: assign(({ context, event }) => {
            const a = event.output;
            const say = a.reply?.text ?? context.turn!.choices.find((c) => c.id === context.pending!.choiceId)!.say;
            return {
              lastAnswer: a,
              mood: a.mood,
              transcript: [
                ...context.transcript,
                { seq: a.seq, customer: context.turn!.customer, cue: context.turn!.cue, say, feedback: a.feedback, scores: a.scores, reply: a.reply },
              ],
              seq: a.seq + 1,
              ending: a.ending,
              error: undefined,
            };
          }),
        },
        // Decisions are idempotent on the server, so sending the same one again is always safe.
        onError: { target: 'submitFailed', actions: assign({ error: ({ event }) => (event.error as Error).message }) },
      },
    },
    submitFailed: { on: { RETRY: 'submitting' } },
    answered: {
      always: [
        { guard: 'showsFeedback', target: 'feedback' },
        // A finished check-up is read back from the server, which now reveals every decision's feedback.
        { guard: 'ended', target: 'loading' },
        { target: 'choosing', actions: assign({ turn: ({ context }) => context.lastAnswer?.turn }) },
      ],
    },
    feedback: {
      on: {
        CONTINUE: [
          { guard: 'ended', target: 'debrief' },
          { target: 'choosing', actions: assign({ turn: ({ context }) => context.lastAnswer?.turn }) },
        ],
      },
    },
    debrief: { type: 'final' },
  },
});
