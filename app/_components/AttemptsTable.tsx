// The table of a learner's role-play attempts, for their own progress page and for their manager's view of them.
import type { ReactNode } from 'react';
import { outcomeLabel } from '@/lib/content/labels';
import type { AttemptRecord } from '@/lib/reports/learner';
import { scenarioCatalogue } from '@/lib/content/scenarios';

interface Props {
  attempts: AttemptRecord[];
  caption: string;
  /** Heading of the first column, which names the scenario. */
  scenarioHeading: string;
  /** Heading of the last column; only screen readers hear it. */
  openHeading: string;
  formatDate: (d: Date) => string;
  /** The last cell of a row: where the reader goes to look at that attempt. */
  open: (attempt: AttemptRecord) => ReactNode;
}

export function AttemptsTable({ attempts, caption, scenarioHeading, openHeading, formatDate, open }: Props) {
  const catalogue = scenarioCatalogue();
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{scenarioHeading}</th>
            <th scope="col">Mode</th>
            <th scope="col">Date</th>
            <th scope="col">Outcome</th>
            <th scope="col">Score</th>
            <th scope="col">
              <span className="visually-hidden">{openHeading}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td data-label={scenarioHeading}>{catalogue.get(a.scenarioId)?.scenario.title ?? a.scenarioId}</td>
              <td data-label="Mode">{a.mode === 'checkup' ? 'Check-up' : 'Practice'}</td>
              <td data-label="Date">{formatDate(a.startedAt)}</td>
              <td data-label="Outcome">{a.status === 'completed' ? outcomeLabel(a.outcome) : `In progress (${a.decisions} repl${a.decisions === 1 ? 'y' : 'ies'})`}</td>
              <td data-label="Score">{a.score ?? '—'}</td>
              <td data-label={openHeading}>{open(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
