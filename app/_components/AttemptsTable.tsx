// The table of a learner's role-play attempts, for their own progress page and for their manager's view of them.
import type { ReactNode } from 'react';
import { outcomeLabel } from '@/lib/content/labels';
import { day } from '@/lib/format';
import type { AttemptRecord } from '@/lib/reports/learner';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { Table } from './Table';

interface Props {
  attempts: AttemptRecord[];
  caption: string;
  /** Heading of the first column, which names the scenario. */
  scenarioHeading: string;
  /** Heading of the last column; only screen readers hear it. */
  openHeading: string;
  /** The last cell of a row: where the reader goes to look at that attempt. */
  open: (attempt: AttemptRecord) => ReactNode;
  /** Said instead of the table when there are no attempts. */
  empty: ReactNode;
}

export function AttemptsTable({ attempts, caption, scenarioHeading, openHeading, open, empty }: Props) {
  const catalogue = scenarioCatalogue();
  return (
    <Table
      caption={caption}
      columns={[scenarioHeading, 'Mode', 'Date', 'Outcome', 'Score', { label: openHeading, hidden: true }]}
      rows={attempts}
      empty={empty}
      row={(a) => (
        <tr key={a.id}>
          <td data-label={scenarioHeading}>{catalogue.get(a.scenarioId)?.scenario.title ?? a.scenarioId}</td>
          <td data-label="Mode">{a.mode === 'checkup' ? 'Check-up' : 'Practice'}</td>
          <td data-label="Date">{day(a.startedAt)}</td>
          <td data-label="Outcome">{a.status === 'completed' ? outcomeLabel(a.outcome) : `In progress (${a.decisions} repl${a.decisions === 1 ? 'y' : 'ies'})`}</td>
          <td data-label="Score">{a.score ?? '—'}</td>
          <td data-label={openHeading}>{open(a)}</td>
        </tr>
      )}
    />
  );
}
