// A typed reply with the words behind each coach finding marked, and the findings listed beside it.
import type { ReplyView } from '@/lib/attempts/types';
import { signed } from '@/lib/format';
import { segments, signOf, type Finding } from '@/lib/player/marks';

/** The reply's words, with the ones a finding points at marked; the finding list beside it says the same in words. */
export function MarkedReply({ text, findings = [] }: { text: string; findings?: readonly Finding[] }) {
  return (
    <span className="marked-reply">
      {segments(text, findings).map((s, i) =>
        s.findings.length === 0 ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} data-sign={signOf(s.findings)} title={s.findings.map((f) => f.note).join(' · ')}>
            {s.text}
          </mark>
        ),
      )}
    </span>
  );
}

/** What the coach found, each with its words quoted, its skill and its points: the marks explained in words. */
export function FindingList({ text, findings, skillLabels }: { text: string; findings: readonly Finding[]; skillLabels: Record<string, string> }) {
  if (findings.length === 0) return <p className="muted">The coach found nothing to mark in this reply.</p>;
  return (
    <ul className="finding-list">
      {findings.map((f, i) => {
        const words = f.spans.map((s) => text.slice(s.start, s.end)).filter(Boolean);
        return (
          <li key={`${f.detector}-${i}`} data-sign={f.delta > 0 ? 'up' : f.delta < 0 ? 'down' : 'same'}>
            <span className="finding-points">
              {skillLabels[f.skill] ?? f.skill} {signed(f.delta)}
            </span>{' '}
            {f.scored === false && <span className="finding-unscored">(not scored in this role-play) </span>}
            <span>{f.note}</span>
            {words.length > 0 && <span className="finding-words"> {words.map((w) => `“${w}”`).join(', ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** A typed reply in full: marked words, how the customer heard it, the findings and the suggestion. */
export function TypedReply({ reply, skillLabels, heading = 'h3' }: { reply: ReplyView; skillLabels: Record<string, string>; heading?: 'h2' | 'h3' | 'h4' }) {
  const H = heading;
  return (
    <div className="typed-reply">
      <p className="typed-reply-text">
        <MarkedReply text={reply.text} findings={reply.findings} />
      </p>
      <p className="typed-reply-heard">
        <strong>Heard as closest to:</strong> “{reply.heardAs.say}”
      </p>
      {reply.findings && (
        <>
          <H className="typed-reply-heading">What the coach found</H>
          <FindingList text={reply.text} findings={reply.findings} skillLabels={skillLabels} />
        </>
      )}
      {reply.suggestion && (
        <p className="typed-reply-suggestion">
          <strong>Try next:</strong> {reply.suggestion}
        </p>
      )}
    </div>
  );
}
