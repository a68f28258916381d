// A document's status in words and colour: shipped, draft, published, or published with newer changes.
import type { StudioRow } from '@/lib/studio/overview';
import styles from './studio.module.css';

const look: Record<StudioRow['status'], { text: string; className: string }> = {
  shipped: { text: 'Shipped', className: styles.pillShipped! },
  draft: { text: 'Draft', className: styles.pillDraft! },
  published: { text: 'Published', className: styles.pillPublished! },
  changed: { text: 'Changed since publishing', className: styles.pillChanged! },
};

export function StatusPill({ status, version }: { status: StudioRow['status']; version: number | null }) {
  const { text, className } = look[status];
  return (
    <span className={`${styles.pill} ${className}`}>
      {text}
      {version !== null ? ` · v${version}` : ''}
    </span>
  );
}
