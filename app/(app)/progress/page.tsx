// My progress: the learner's own record.
import type { Metadata } from 'next';
import { Placeholder } from '@/app/_components/Placeholder';
import { requirePageUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'My progress' };

export default async function ProgressPage() {
  await requirePageUser('/progress');
  return (
    <Placeholder
      title="My progress"
      lead="Everything you have read and practised, in one place. Only you and your manager see it."
      coming={[
        'Your skill profile from your recent decisions, and how each skill is trending.',
        'Modules completed and your knowledge-check answers.',
        'Every attempt with its outcome, score and debrief.',
      ]}
    />
  );
}
