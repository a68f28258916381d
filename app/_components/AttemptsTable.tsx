// The table of a learner's role-play attempts, the latest first and all on request: on their own progress page, where each opens to continue or its debrief, and on their manager's view of them, where each opens its transcript.
import Link from 'next/link';
import { outcomeLabel } from '@/lib/content/labels';
import { day } from '@/lib/format';
import type { AttemptRecord } from '@/lib/reports/learner';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { Table, type Column } from './Table';

/** How many attempts show, newest first, until the reader asks for all: a phone stacks each one as a card. */
const SHOWN = 25;

interface Props {
  attempts: AttemptRecord[];
  /** The learner a manager is looking at; without it, the learner's own attempts. */
  reviewing?: string;
  /** Every attempt, not just the latest; `allHref` is the page that shows them all. */
  all: boolean;
  allHref: string;
}

export function AttemptsTable({ attempts, reviewing, all, allHref }: Props) {
  const catalogue = scenarioCatalogue();
  const own = reviewing === undefined;
  const open: Column<AttemptRecord> = own
    ? {
        label: 'Open',
        cell: (a) => (
          <Link href={`/practice/${a.scenarioId}?attempt=${a.id}${a.mode === 'checkup' ? '&mode=checkup' : ''}`}>{a.status === 'completed' ? 'Debrief' : 'Continue'}</Link>
        ),
      }
    : {
        label: 'Transcript',
        cell: (a) => (a.decisions > 0 ? <Link href={`/team/learners/${reviewing}/attempts/${a.id}`}>Transcript</Link> : <span className="muted">No replies yet</span>),
      };
  const shown = all ? attempts : attempts.slice(0, SHOWN);
  return (
    <>
      <Table
        caption="Attempts, newest first"
        columns={[
          { label: own ? 'Scenario' : 'Role-play', cell: (a) => catalogue.get(a.scenarioId)?.scenario.title ?? a.scenarioId },
          { label: 'Mode', cell: (a) => (a.mode === 'checkup' ? 'Check-up' : 'Practice') },
          { label: 'Date', cell: (a) => day(a.startedAt) },
          { label: 'Outcome', cell: (a) => (a.status === 'completed' ? outcomeLabel(a.outcome) : `In progress (${a.decisions} repl${a.decisions === 1 ? 'y' : 'ies'})`) },
          { label: 'Score', cell: (a) => a.score ?? '—' },
          { ...open, hidden: true },
        ]}
        rows={shown}
        rowKey={(a) => a.id}
        empty={
          own ? (
            <>
              No role-plays yet. <Link href="/practice">Pick a conversation to practise</Link>.
            </>
          ) : (
            'No role-plays yet.'
          )
        }
      />
      {shown.length < attempts.length && (
        <p>
          Showing the latest {shown.length} of {attempts.length}. <Link href={allHref}>Show all attempts</Link>
        </p>
      )}
    </>
  );
}
