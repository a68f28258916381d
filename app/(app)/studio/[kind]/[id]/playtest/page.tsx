// Playtest a studio draft in the real player, from the start or any node; nothing is recorded for learners or teams.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { skills } from '@/lib/curriculum';
import { authoringRoles } from '@/lib/roles';
import { lintDocument } from '@/lib/studio/check';
import { getDocument } from '@/lib/studio/documents';
import { Playtest } from '../../../_components/Playtest';

export const metadata: Metadata = { title: 'Playtest' };

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PlaytestPage({ params, searchParams }: Props) {
  const { kind, id } = await params;
  const { db } = await requirePageUser(`/studio/${kind}/${id}/playtest`, authoringRoles);
  if (kind !== 'scenarios') notFound();
  const doc = await getDocument(db, 'scenario', id);
  if (!doc) notFound();
  const linted = lintDocument('scenario', id, doc.draft);
  const back = <Link href={`/studio/scenarios/${id}`}>← Back to the editor</Link>;
  if (!linted.scenario || !linted.persona || linted.problems.length > 0) {
    return (
      <section className="stack">
        <p>{back}</p>
        <h1>Playtest</h1>
        <p className="alert alert-info">
          The saved draft has {linted.problems.length} problem{linted.problems.length === 1 ? '' : 's'} the checker lists. Fix them in the editor, then playtest.
        </p>
      </section>
    );
  }
  const s = linted.scenario;
  const q = await searchParams;
  const from = first(q.from);
  const moodRaw = first(q.mood);
  const mood = moodRaw !== undefined && /^-?\d+$/.test(moodRaw) ? Number(moodRaw) : undefined;
  return (
    <div className="stack">
      <p>{back}</p>
      <h1 className="player-title">Playtest: {s.title}</h1>
      <Playtest
        id={id}
        channel={s.channel}
        customerName={linted.persona.name}
        nodes={Object.entries(s.nodes).map(([nodeId, n]) => ({ id: nodeId, customer: n.customer }))}
        start={s.start}
        from={from && s.nodes[from] ? from : undefined}
        mood={mood}
        skillLabels={Object.fromEntries(Object.entries(skills).map(([k, v]) => [k, v.label]))}
      />
    </div>
  );
}
