// One role-play: the server checks the session and names the scenario; the player runs in the browser.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { getCourse } from '@/lib/content/course';
import { skills } from '@/lib/curriculum';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { isUuid } from '@/lib/ids';
import { Player } from './Player';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = scenarioCatalogue().get((await params).id);
  return s ? { title: s.scenario.title } : {};
}

export default async function PracticeScenarioPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageUser(`/practice/${id}`);
  const loaded = scenarioCatalogue().get(id);
  if (!loaded) notFound();
  const q = await searchParams;
  const attempt = first(q.attempt);
  const assignment = first(q.assignment);
  // An assigned check-up starts in check-up mode; resuming an attempt takes its mode from the server.
  const assignmentId = !attempt && assignment && isUuid(assignment) ? assignment : undefined;
  const skillLabels: Record<string, string> = Object.fromEntries(Object.entries(skills).map(([k, v]) => [k, v.label]));
  // The first module (in course order) that teaches each skill.
  const weakestModule: Record<string, { id: string; title: string }> = {};
  for (const m of getCourse().modules) weakestModule[m.skill] ??= { id: m.id, title: m.title };
  return (
    <div className="stack">
      <h1 className="player-title">{loaded.scenario.title}</h1>
      <Player
        key={attempt ?? assignmentId ?? 'new'}
        scenarioId={id}
        channel={loaded.scenario.channel}
        customerName={loaded.persona.name}
        mode={assignmentId || first(q.mode) === 'checkup' ? 'checkup' : 'practice'}
        attemptId={attempt && isUuid(attempt) ? attempt : undefined}
        assignmentId={assignmentId}
        skillLabels={skillLabels}
        weakestModule={weakestModule}
      />
    </div>
  );
}
