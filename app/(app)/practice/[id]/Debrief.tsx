'use client';
// The debrief: how it ended, the score against the pass mark, each skill, and the conversation beside the best path.
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { TypedReply } from '@/app/_components/ReplyHighlights';
import type { EndingView } from '@/lib/attempts/types';
import type { TranscriptEntry } from '@/lib/player/machine';

interface Props {
  ending: EndingView;
  transcript: TranscriptEntry[];
  customerName: string;
  scenarioId: string;
  skillLabels: Record<string, string>;
  weakestModule: Record<string, { id: string; title: string }>;
  onRetry(): void;
}

const outcomeLabel = { success: 'A customer on your side', partial: 'Resolved, grudgingly', failure: 'It went wrong' } as const;

export function Debrief({ ending, transcript, customerName, skillLabels, weakestModule, onRetry }: Props) {
  const skills = Object.entries(ending.score.skills).sort((a, b) => a[1] - b[1]);
  const weakest = skills[0];
  const lesson = weakest ? weakestModule[weakest[0]] : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that led here is gone, so focus would fall back to the page's start: a keyboard or
  // screen-reader user lands on the result instead. Focus someone has placed elsewhere is left alone.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);
  return (
    <section className="debrief stack" aria-labelledby="debrief-title">
      <div className="card debrief-head" data-outcome={ending.outcome}>
        <p className="debrief-outcome">{outcomeLabel[ending.outcome]}</p>
        <h2 id="debrief-title" className="debrief-score" tabIndex={-1} ref={heading}>
          {ending.score.passed ? 'Passed' : 'Not passed yet'}: {ending.score.overall} / 100
        </h2>
        <p className="muted">
          Pass mark {ending.passScore}
          {ending.outcome === 'failure' ? ', and an ending where the conversation did not break down' : ''}. 100 is what the best path through this conversation scores.
        </p>
        <blockquote className="debrief-quote">
          <span className="line-who">{customerName}</span> {ending.customer}
        </blockquote>
        <p>{ending.summary}</p>
        <div className="debrief-actions">
          <button type="button" className="button button-primary" onClick={onRetry}>
            Try this conversation again
          </button>
          {lesson && (
            <Link className="button button-secondary" href={`/learn/${lesson.id}`}>
              Read: {lesson.title}
            </Link>
          )}
        </div>
      </div>

      <div className="card">
        <h2>Skills</h2>
        <ul className="skill-bars">
          {skills.map(([k, v]) => (
            <li key={k}>
              <span className="skill-bar-label">
                {skillLabels[k] ?? k} <strong>{v}</strong>
              </span>
              <span className="skill-bar" aria-hidden="true">
                <span className="skill-bar-fill" style={{ width: `${v}%` }} />
              </span>
            </li>
          ))}
        </ul>
      </div>

      <div className="card">
        <h2>Your conversation, step by step</h2>
        <ol className="debrief-steps">
          {transcript.map((t) => {
            const best = ending.bestPath[t.seq];
            const same = best && best.say === t.say;
            return (
              <li key={t.seq} className="debrief-step">
                <p className="debrief-customer">
                  <span className="line-who">{customerName}</span> {t.customer}
                </p>
                {t.reply ? (
                  <>
                    <p>
                      <strong>You wrote:</strong>
                    </p>
                    <TypedReply reply={t.reply} skillLabels={skillLabels} />
                  </>
                ) : (
                  <p>
                    <strong>You said:</strong> {t.say}
                  </p>
                )}
                {t.feedback && (
                  <p className="debrief-feedback">
                    {t.reply && <strong>How {customerName.split(' ')[0]} took it: </strong>}
                    {t.feedback}
                  </p>
                )}
                {best && !same && (
                  <p className="debrief-best">
                    <strong>On the best path, at step {t.seq + 1}:</strong> {best.say}
                  </p>
                )}
                {same && <p className="debrief-best">This is what the best path says here too.</p>}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
