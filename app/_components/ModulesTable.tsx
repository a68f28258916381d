// The table of course modules with one learner's status and knowledge-check result, for their progress page and their manager's view.
import Link from 'next/link';
import { getCourse } from '@/lib/content/course';
import { day } from '@/lib/format';
import type { ModuleRecord } from '@/lib/reports/learner';

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
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Modules and knowledge-check results</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Status</th>
            <th scope="col">Knowledge check</th>
          </tr>
        </thead>
        <tbody>
          {getCourse().modules.map((m) => {
            const r = byModule.get(m.id);
            return (
              <tr key={m.id}>
                <td data-label="Module">{linkTitles ? <Link href={`/learn/${m.id}`}>{m.title}</Link> : m.title}</td>
                <td data-label="Status">{r ? (r.status === 'completed' ? `Completed${r.completedAt ? ` ${day(r.completedAt)}` : ''}` : 'In progress') : 'Not started'}</td>
                <td data-label="Knowledge check">{r && r.answered > 0 ? checkResult(r, m.checks.length) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
