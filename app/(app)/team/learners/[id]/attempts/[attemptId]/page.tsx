// A manager's review of one attempt: every decision (typed replies with the coach's marks), its feedback and skill deltas, and what the best path said at that point.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TypedReply } from '@/app/_components/ReplyHighlights';
import { audit, auditNotFound } from '@/lib/audit';
import { reviewAttempt } from '@/lib/attempts/read';
import { requirePageLearnerAccess } from '@/lib/auth/guards';
import { isSkillId, skills as skillInfo } from '@/lib/curriculum';
import { outcomeLabel } from '@/lib/content/labels';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { moodBand } from '@/lib/scenario/engine';
import { isUuid } from '@/lib/ids';
import { findUserById } from '@/lib/auth/users';
import { day, signed } from '@/lib/format';

export const metadata: Metadata = { title: 'Transcript' };

type Props = { params: Promise<{ id: string; attemptId: string }> };
const skillLabels: Record<string, string> = Object.fromEntries(Object.entries(skillInfo).map(([k, v]) => [k, v.label]));

export default async function TranscriptPage({ params }: Props) {
  const { id, attemptId } = await params;
  if (!isUuid(id) || !isUuid(attemptId)) notFound();
  const { user: viewer, db } = await requirePageLearnerAccess(`/team/learners/${id}/attempts/${attemptId}`, id);
  const [learner, review] = await Promise.all([findUserById(db, id), reviewAttempt(db, attemptId)]);
  // The attempt must belong to the learner in the address, whose access was just checked.
  if (review && review.userId !== id) await auditNotFound(db, viewer.id, `attempt ${attemptId}`, 'an attempt of another learner than the address names');
  if (!learner || !review || review.userId !== id) notFound();
  await audit(db, { action: 'transcript.viewed', actorId: viewer.id, subject: learner.email, detail: { learnerId: id, attemptId } });
  const title = scenarioCatalogue().get(review.scenarioId)?.scenario.title ?? review.scenarioId;
  const e = review.ending;

  return (
    <section className="stack transcript-review">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/team">Team</Link> <span aria-hidden="true">›</span> <Link href={`/team/learners/${id}`}>{learner.name}</Link>{' '}
        <span aria-hidden="true">›</span> <span>Transcript</span>
      </nav>
      <h1>{title}</h1>
      <p className="muted">
        {learner.name} · {review.mode === 'checkup' ? 'Check-up' : 'Practice'} ·{' '}
        {day(review.startedAt)} ·{' '}
        {review.transcript.length} repl{review.transcript.length === 1 ? 'y' : 'ies'}
      </p>

      {e ? (
        <div className={`card result result-${e.score.passed ? 'pass' : 'fail'}`}>
          <p className="summary-figure">
            {e.score.overall}
            <span className="muted"> / 100</span>
          </p>
          <p>
            <strong>{outcomeLabel(e.outcome)}</strong>,{' '}
            {e.score.passed ? 'passed' : e.score.overall >= e.passScore ? `not passed: at the pass mark of ${e.passScore}, but the conversation broke down` : `below the pass mark of ${e.passScore}`}. {e.summary}
          </p>
          <ul className="skill-chips" aria-label="Skill scores in this attempt">
            {Object.entries(e.score.skills).map(([k, v]) => (
              <li key={k}>
                {isSkillId(k) ? skillInfo[k].label : k}: <strong>{v}</strong>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="card">Still in progress: the customer is {moodBand(review.mood)} after {review.transcript.length} repl{review.transcript.length === 1 ? 'y' : 'ies'}.</p>
      )}

      <ol className="review-list">
        {review.transcript.map((t) => {
          const best = review.bestAt[t.nodeId];
          const onBest = best?.choiceId === t.choiceId;
          const deltas = Object.entries(t.scores ?? {}).filter(([, v]) => v !== 0);
          return (
            <li key={t.seq} className="card review-step">
              <h2 className="review-step-title">Decision {t.seq + 1}</h2>
              <p className="review-customer">
                <span className="review-who">Customer:</span> {t.customer}
              </p>
              {t.reply ? (
                <div className="review-reply">
                  <p>
                    <span className="review-who">{learner.name.split(' ')[0]} wrote:</span>
                  </p>
                  <TypedReply reply={t.reply} skillLabels={skillLabels} />
                </div>
              ) : (
                <p className="review-reply">
                  <span className="review-who">{learner.name.split(' ')[0]} chose:</span> {t.say}
                </p>
              )}
              {t.feedback && (
                <p className="review-feedback">
                  <span className="review-who">{t.reply ? 'Feedback on the reply it was heard as:' : 'Feedback:'}</span> {t.feedback}
                </p>
              )}
              <p className="review-meta">
                {deltas.length > 0 ? deltas.map(([k, v]) => `${isSkillId(k) ? skillInfo[k].label : k} ${signed(v)}`).join(' · ') : 'No skill change'} · customer now {moodBand(t.moodAfter)}
              </p>
              {best &&
                (onBest ? (
                  <p className="review-best review-best-same">✓ {t.reply ? 'Heard as the best reply at this point.' : 'The best reply at this point.'}</p>
                ) : (
                  <p className="review-best">
                    <span className="review-who">Best reply here:</span> {best.say}
                  </p>
                ))}
            </li>
          );
        })}
      </ol>
      {e && (
        <p className="card">
          <span className="review-who">The customer’s last words:</span> {e.customer}
        </p>
      )}
    </section>
  );
}
