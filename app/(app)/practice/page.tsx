// Practice: the catalogue of role-plays, filterable by skill and channel, with the learner's best score.
import type { Metadata } from 'next';
import Link from 'next/link';
import { practiceStats } from '@/lib/reports/practice';
import { requirePageUser } from '@/lib/auth/guards';
import { channels, isSkillId, skills, type Channel } from '@/lib/curriculum';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { SelectField } from '@/app/_components/Field';

export const metadata: Metadata = { title: 'Practice' };

const channelLabel: Record<Channel, string> = { phone: 'Phone', chat: 'Chat', email: 'Email', 'in-person': 'In person' };
type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PracticePage({ searchParams }: { searchParams: Search }) {
  const { user, db } = await requirePageUser('/practice');
  const params = await searchParams;
  const skill = first(params.skill);
  const channel = first(params.channel);
  const highlight = first(params.scenario);
  const stats = await practiceStats(db, user.id);
  const all = [...scenarioCatalogue().values()];
  const shown = all.filter(
    (x) => (!skill || !isSkillId(skill) || x.scenario.skills.includes(skill)) && (!channel || x.scenario.channel === channel),
  );

  return (
    <section className="stack">
      <h1>Practice</h1>
      <p className="lead">Talk with simulated customers by phone, chat, email and in person. Every reply changes how they feel.</p>
      <form className="card filters" method="get" aria-label="Filter scenarios">
        <SelectField id="skill" label="Skill" name="skill" defaultValue={skill ?? ''}>
          <option value="">All skills</option>
          {Object.entries(skills).map(([id, s]) => (
            <option key={id} value={id}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <SelectField id="channel" label="Channel" name="channel" defaultValue={channel ?? ''}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelLabel[c]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary filters-apply">
          Show
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {shown.length} of {all.length} scenarios
      </p>
      <ul className="scenario-grid">
        {shown.map(({ scenario: s, persona }) => {
          const st = stats.get(s.id);
          return (
            <li key={s.id} className="card scenario-card" data-highlight={highlight === s.id || undefined}>
              <p className="scenario-meta">
                <span className="channel-chip">{channelLabel[s.channel]}</span> with {persona.name}
              </p>
              <h2>
                <Link href={`/practice/${s.id}`}>{s.title}</Link>
              </h2>
              <p className="scenario-summary">{s.summary}</p>
              <p className="scenario-skills">
                {s.skills.map((k) => (
                  <span key={k} className="skill-chip">
                    {isSkillId(k) ? skills[k].label : k}
                  </span>
                ))}
              </p>
              <p className="scenario-stats">
                {st ? (
                  <>
                    Best score <strong>{st.best ?? '—'}</strong> · {st.attempts} attempt{st.attempts === 1 ? '' : 's'}
                  </>
                ) : (
                  'Not tried yet'
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="card">No scenario matches those filters. Try another skill or channel.</p>}
    </section>
  );
}
