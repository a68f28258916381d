// Home: where a signed-in person starts, with the areas their role can open.
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/guards';

const areas = [
  { href: '/learn', title: 'Learn', text: 'Nine short lessons, one empathy skill each, with quick knowledge checks.' },
  { href: '/practice', title: 'Practice', text: 'Role-play with simulated customers whose mood moves with every reply.' },
  { href: '/checkups', title: 'Check-ups', text: 'Scenarios your team assigns every few months, scored at the end.' },
  { href: '/progress', title: 'My progress', text: 'Your skill profile, every attempt and its debrief.' },
];

export default async function HomePage() {
  const user = await requirePageUser('/');
  const firstName = user.name.split(' ')[0];
  const extra = [
    ...(user.role !== 'learner'
      ? [{ href: '/team', title: 'Team', text: 'Where each person on your teams stands, skill by skill.' }]
      : []),
    ...(user.role === 'admin' ? [{ href: '/admin', title: 'Admin', text: 'People, roles and access.' }] : []),
  ];
  return (
    <section className="stack">
      <h1>Welcome, {firstName}</h1>
      <p className="lead">Read a little, then practise a lot. Pick up where you left off, or start with the first lesson.</p>
      <div className="grid">
        {[...areas, ...extra].map((a) => (
          <Link key={a.href} href={a.href} className="card tile">
            <h2>{a.title}</h2>
            <p>{a.text}</p>
          </Link>
        ))}
      </div>
    </section>
  );
}
