// The table of a learner's role-play attempts: on their own progress page, where each opens to continue or its debrief, and on their manager's view of them, where each opens its transcript.
import Link from 'next/link';
import { outcomeLabel } from '@/lib/content/labels';
import { day } from '@/lib/format';
import type { AttemptRecord } from '@/lib/reports/learner';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { Table, type Column } from './Table';

/** `reviewing`: the learner a manager is looking at; without it, the learners' own attempts. */
export function AttemptsTable({ attempts, reviewing }: { attempts: AttemptRecord[]; reviewing?: string }) {
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
  return (
    <Table
      caption={own ? 'Every attempt, newest first' : 'Attempts, newest first'}
      columns={[
        { label: own ? 'Scenario' : 'Role-play', cell: (a) => catalogue.get(a.scenarioId)?.scenario.title ?? a.scenarioId },
        { label: 'Mode', cell: (a) => (a.mode === 'checkup' ? 'Check-up' : 'Practice') },
        { label: 'Date', cell: (a) => day(a.startedAt) },
        { label: 'Outcome', cell: (a) => (a.status === 'completed' ? outcomeLabel(a.outcome) : `In progress (${a.decisions} repl${a.decisions === 1 ? 'y' : 'ies'})`) },
        { label: 'Score', cell: (a) => a.score ?? '—' },
        { ...open, hidden: true },
      ]}
      rows={attempts}
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
  );
}
