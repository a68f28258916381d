// Check-ups: scenarios the learner's team has assigned, with due dates.
import type { Metadata } from 'next';
import { Placeholder } from '@/app/_components/Placeholder';
import { requirePageUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Check-ups' };

export default async function CheckupsPage() {
  await requirePageUser('/checkups');
  return (
    <Placeholder
      title="Check-ups"
      lead="Every few months your team checks in on its skills. Check-ups are scored at the end, with no hints along the way."
      coming={[
        'The scenarios assigned to you, overdue ones first, with their due dates.',
        'Scenarios chosen for the skills you most want to grow.',
        'Your result on each skill, compared with your last check-up.',
      ]}
    />
  );
}
