// Shown inside the learning platform when a launch is refused: what went wrong in words a learner can act on (the detail is in the audit trail).
import type { Metadata } from 'next';
import { refusalText, type RefusalCode } from '@/lib/lti/refusal';

export const metadata: Metadata = { title: 'This link could not open the trainer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LtiRefusedPage({ searchParams }: Props) {
  const reason = (await searchParams).reason;
  const text = typeof reason === 'string' && reason in refusalText ? refusalText[reason as RefusalCode] : refusalText['bad-token'];
  return (
    <section className="stack">
      <h1>{text.title}</h1>
      <p className="lead">{text.body}</p>
      <p className="muted">Nothing was recorded, and this link signed no one in.</p>
    </section>
  );
}
