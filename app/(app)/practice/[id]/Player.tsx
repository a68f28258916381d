'use client';
// The role-play player: runs an attempt's machine and keeps its state (the draft, the timer setting, focus, keys 1–9 and W); what it shows is drawn by the components beside it.
import { useMachine } from '@xstate/react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fromPromise } from 'xstate';
import { get, orThrow, post, type SendOptions } from '@/app/_lib/api';
import { reportAttempt, reportTarget } from '@/app/_lib/report';
import { browserStore } from '@/app/_lib/storage';
import type { AttemptView, DecisionAnswer, DecisionInput, Mode } from '@/lib/attempts/types';
import { isBlankReply } from '@/lib/coach/limits';
import { playerMachine } from '@/lib/player/machine';
import { Choices } from './Choices';
import { CustomerPanel } from './CustomerPanel';
import { Debrief } from './Debrief';
import { FeedbackPanel } from './FeedbackPanel';
import { PendingReply, ReplyBox } from './ReplyBox';
import { useTimerSetting } from './ReplyTimer';
import { Transcript } from './Transcript';

/**
 * Where a run's turns come from and its decisions go: the attempts API by default; the studio's
 * playtest passes one that stores nothing. Made once per run, so a run may keep state in it.
 */
export interface Transport {
  load(input: { scenarioId: string; mode: Mode; attemptId?: string; assignmentId?: string }): Promise<{ attemptId: string; view: AttemptView; notice?: string }>;
  decide(input: DecisionInput & { attemptId: string }): Promise<DecisionAnswer>;
}

interface Props {
  scenarioId: string;
  channel: string;
  customerName: string;
  mode: Mode;
  attemptId?: string;
  /** The check-up assignment to start an attempt for (a check-up, whatever `mode` says). */
  assignmentId?: string;
  skillLabels: Record<string, string>;
  weakestModule: Record<string, { id: string; title: string }>;
  /** Makes each run's transport, for a player that is not playing an attempt (the studio's playtest). */
  transport?: () => Transport;
  /** Replaces the way out under the conversation. */
  exit?: ReactNode;
}

// The machine shows a failed load or reply with a Try again button, so the sentence need not say retry.
const answered: SendOptions = { signedOut: 'Your session has ended. Sign in again to continue.', failed: (status) => `The trainer answered ${status}.` };

/** The tab's storage for unsent replies; it can be full, switched off or denied, and a draft then lives only as long as the page. */
const tabDraft = browserStore('sessionStorage');

/** A key for one start, kept across its retries (crypto.randomUUID needs https; this works over plain http too). */
function newStartKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function Player(props: Props) {
  // Each run is one attempt; trying again starts a fresh run and a new attempt, always a practice
  // one: a check-up's assignment is done once it has ended.
  const [run, setRun] = useState<Pick<Props, 'attemptId' | 'assignmentId' | 'mode'> & { n: number }>({
    n: 0,
    attemptId: props.attemptId,
    assignmentId: props.assignmentId,
    mode: props.mode,
  });
  // Read the launch's report address before the first run rewrites the page's address.
  useEffect(() => void reportTarget(), []);
  return <PlayerRun key={run.n} {...props} {...run} onRetry={() => setRun((r) => ({ n: r.n + 1, mode: 'practice' }))} />;
}

/** The attempts API: a start (retried safely with its key), then one request per decision. */
function attemptsApi(startKey: string): Transport {
  return {
    async load(input) {
      let attemptId = input.attemptId;
      let notice: string | undefined;
      if (!attemptId) {
        const started = await orThrow(
          post<{ attemptId: string; mode: Mode; notice?: string }>(
            '/api/attempts',
            { scenarioId: input.scenarioId, mode: input.mode, ...(input.assignmentId ? { assignmentId: input.assignmentId } : {}) },
            { ...answered, headers: { 'Idempotency-Key': startKey } },
          ),
        );
        attemptId = started.attemptId;
        notice = started.notice;
        // The address now names the attempt, so a reload resumes it (without re-rendering the page).
        const mode = started.mode === 'checkup' ? '&mode=checkup' : '';
        window.history.replaceState(null, '', `/practice/${input.scenarioId}?attempt=${attemptId}${mode}`);
      }
      const view = await orThrow(get<AttemptView>(`/api/attempts/${attemptId}`, answered));
      return { attemptId, view, notice };
    },
    decide({ attemptId, ...decision }) {
      return orThrow(post<DecisionAnswer>(`/api/attempts/${attemptId}/decisions`, decision, answered));
    },
  };
}

function PlayerRun(props: Props & { onRetry(): void }) {
  // One per run: a start retried after a lost answer gets the attempt it already created.
  const [startKey] = useState(newStartKey);
  const machine = useMemo(() => {
    const transport = props.transport?.() ?? attemptsApi(startKey);
    return playerMachine.provide({
      actors: {
        load: fromPromise(({ input }) => transport.load(input)),
        decide: fromPromise(({ input }) => transport.decide(input)),
      },
    });
    // startKey never changes within a run (it is state set once), and a run's transport is made once with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startKey]);
  const [state, send] = useMachine(machine, {
    input: { scenarioId: props.scenarioId, mode: props.mode, attemptId: props.attemptId, assignmentId: props.assignmentId },
  });
  const c = state.context;
  const choicesRef = useRef<HTMLOListElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const choosing = state.matches('choosing');
  const writing = state.matches({ choosing: 'writing' });
  const picking = state.matches({ choosing: 'picking' });
  const feedback = state.matches('feedback');
  const sending = state.matches('submitting') || state.matches('submitFailed');
  const [timerSeconds, setTimerSeconds] = useTimerSetting();
  // The reply being typed: kept while the learner goes back to the choices, cleared once a decision
  // lands, and saved for the tab so a reload (a phone discarding the page) does not lose it.
  const [typed, setTyped] = useState({ seq: c.seq, text: '' });
  const draft = typed.seq === c.seq ? typed.text : '';
  const draftKey = `reply-draft:${c.attemptId}:${c.seq}`;
  const keepDraft = (text: string) => {
    setTyped({ seq: c.seq, text });
    tabDraft.write(draftKey, text);
  };
  const openBox = useCallback(() => {
    const saved = draft ? null : tabDraft.read(draftKey);
    if (saved) setTyped({ seq: c.seq, text: saved });
    send({ type: 'WRITE' });
  }, [draft, draftKey, c.seq, send]);

  // Keys 1–9 pick a choice and W opens the reply box, while the choices are showing.
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, textarea, select')) return;
      if ((e.key === 'w' || e.key === 'W') && c.freeText) {
        e.preventDefault();
        openBox();
        return;
      }
      const n = Number(e.key);
      const choice = Number.isInteger(n) && n >= 1 ? c.turn?.choices[n - 1] : undefined;
      if (choice) {
        e.preventDefault();
        send({ type: 'CHOOSE', choiceId: choice.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, c.turn, c.freeText, send, openBox]);

  // Focus follows the flow: to the first choice on a new turn, into the box when writing, to Continue after feedback.
  useEffect(() => {
    if (picking) choicesRef.current?.querySelector('button')?.focus();
    if (writing) replyRef.current?.focus();
    if (state.matches('feedback')) continueRef.current?.focus();
  }, [picking, writing, state, c.seq]);

  // A package page that launched this tab hears the result once, when the debrief first shows.
  const ended = state.matches('debrief') ? c.ending : undefined;
  useEffect(() => {
    if (ended && c.attemptId && !props.transport) reportAttempt(props.scenarioId, c.attemptId, ended, c.transcript);
    // The transcript is complete once the ending is set; reporting again on its identity would repeat the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended, c.attemptId, props.scenarioId]);

  const sendReply = () => {
    if (isBlankReply(draft)) return;
    // Sending is safe to repeat (the server answers a repeat the same), so the saved copy can go now.
    tabDraft.write(draftKey, null);
    send({ type: 'REPLY', text: draft });
  };

  const last = c.transcript.at(-1);
  const announcement = feedback
    ? [
        last?.reply && `Heard as closest to: ${last.reply.heardAs.say}.`,
        `Feedback: ${last?.feedback ?? ''}`,
        last?.reply?.suggestion && `Try next: ${last.reply.suggestion}`,
      ]
        .filter(Boolean)
        .join(' ')
    : choosing && c.turn
      ? `${props.customerName}: ${c.turn.customer}`
      : '';

  if (state.matches('debrief') && c.ending) {
    return (
      <Debrief
        ending={c.ending}
        transcript={c.transcript}
        customerName={props.customerName}
        scenarioId={props.scenarioId}
        skillLabels={props.skillLabels}
        weakestModule={props.weakestModule}
        onRetry={props.onRetry}
      />
    );
  }

  return (
    <div className="player" data-channel={props.channel}>
      <div className="sr-live" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <CustomerPanel
        customerName={props.customerName}
        mood={c.mood}
        cue={choosing ? c.turn?.cue : undefined}
        mode={c.mode}
        notice={c.notice}
        timer={{ seconds: timerSeconds, onChange: setTimerSeconds, running: choosing, turnKey: `${c.seq}` }}
      />
      <section className="player-main" aria-label="Conversation">
        <Transcript
          entries={c.transcript}
          customerName={props.customerName}
          channel={props.channel}
          current={c.turn && !feedback ? c.turn.customer : undefined}
          hideLastReply={feedback && Boolean(last?.reply)}
        />

        {state.matches('loading') && <p className="muted">Connecting you to {props.customerName}…</p>}
        {(state.matches('loadFailed') || state.matches('submitFailed')) && (
          <div className="alert alert-error" role="alert">
            <p>{c.error}</p>
            <button type="button" className="button-quiet" onClick={() => send({ type: 'RETRY' })}>
              Try again
            </button>
          </div>
        )}

        {feedback && last && (
          <FeedbackPanel
            ref={continueRef}
            last={last}
            customerName={props.customerName}
            skillLabels={props.skillLabels}
            ended={Boolean(c.ending)}
            onContinue={() => send({ type: 'CONTINUE' })}
          />
        )}

        {writing && c.turn && (
          <ReplyBox ref={replyRef} customerName={props.customerName} draft={draft} onDraft={keepDraft} onSend={sendReply} onBack={() => send({ type: 'PICK' })} />
        )}

        {sending && c.pending?.reply !== undefined && <PendingReply text={c.pending.reply} />}

        {(picking || (sending && c.pending?.reply === undefined)) && c.turn && (
          <Choices
            ref={choicesRef}
            choices={c.turn.choices}
            picking={picking}
            pendingId={choosing ? undefined : c.pending?.choiceId}
            freeText={c.freeText}
            onChoose={(choiceId) => send({ type: 'CHOOSE', choiceId })}
            onWrite={openBox}
          />
        )}
        <p className="player-exit">
          {props.exit ?? (
            <>
              <Link href="/practice">Leave and come back later</Link> (your progress is saved)
            </>
          )}
        </p>
      </section>
    </div>
  );
}
