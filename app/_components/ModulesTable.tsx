// The table of course modules with one learner's status and knowledge-check result, for their progress page and their manager's view.
import Link from 'next/link';
import { getCourse } from '@/lib/content/course';
import { day } from '@/lib/format';
import type { ModuleRecord } from '@/lib/reports/learner';
import { Table } from './Table';

interface Props {
  records: ModuleRecord[];
  /** The learner can open a module from here; a manager only reads about it. */
  linkTitles?: boolean;
  /** The knowledge-check cell for a module the learner has answered questions in. */
  checkResult: (record: ModuleRecord, checks: number) => string;
}

export function ModulesTable({ records, linkTitles = false, checkResult }: Props) {
  const byModule = new Map(records.map((m) => [m.moduleId, m]));
  return (
    <Table
      caption="Modules and knowledge-check results"
      columns={['Module', 'Status', 'Knowledge check']}
      rows={getCourse().modules}
      empty="The course has no modules yet."
      row={(m) => {
        const r = byModule.get(m.id);
        return (
          <tr key={m.id}>
            <td data-label="Module">{linkTitles ? <Link href={`/learn/${m.id}`}>{m.title}</Link> : m.title}</td>
            <td data-label="Status">{r ? (r.status === 'completed' ? `Completed${r.completedAt ? ` ${day(r.completedAt)}` : ''}` : 'In progress') : 'Not started'}</td>
            <td data-label="Knowledge check">{r && r.answered > 0 ? checkResult(r, m.checks.length) : '—'}</td>
          </tr>
        );
      }}
    />
  );
}
