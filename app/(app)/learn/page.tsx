// Learn: the course modules in order, with the learner's progress.
import type { Metadata } from 'next';
import { Placeholder } from '@/app/_components/Placeholder';
import { requirePageUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Learn' };

export default async function LearnPage() {
  await requirePageUser('/learn');
  return (
    <Placeholder
      title="Learn"
      lead="Short lessons on the skills customers notice most: reflecting emotion, apologizing well, timing, language and more."
      coming={[
        'Nine modules in order, each six to ten minutes, with the skill it builds and a short summary.',
        'Worked conversations that set a weak reply beside a strong one and explain the difference.',
        'Knowledge checks that explain every answer, and your progress through the course.',
      ]}
    />
  );
}
