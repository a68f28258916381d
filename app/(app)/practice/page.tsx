// Practice: the catalogue of role-play scenarios.
import type { Metadata } from 'next';
import { Placeholder } from '@/app/_components/Placeholder';
import { requirePageUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Practice' };

export default async function PracticePage() {
  await requirePageUser('/practice');
  return (
    <Placeholder
      title="Practice"
      lead="Talk with simulated customers by phone, chat, email and in person. Every reply changes how they feel."
      coming={[
        'A catalogue of role-plays you can filter by skill and channel, with your best score on each.',
        'A customer whose face and tone follow the conversation, and choices you can make with the keyboard.',
        'Feedback on every decision and a debrief that shows the path a skilled rep would take.',
      ]}
    />
  );
}
