// A check-up's result beside the previous one: overall score, then each skill the check-up scored.
import { skills as skillInfo, skillIds } from '@/lib/curriculum';
import type { RunResult } from '@/lib/checkups/results';
import { change, changeFrom } from '@/lib/format';
import { Table } from '@/app/_components/Table';
import styles from './checkups.module.css';

export function RunResultView({ result, previous, caption }: { result: RunResult; previous: RunResult | null; caption: string }) {
  const scored = skillIds.filter((k) => result.skills[k].score !== null);
  const overallChange = change(result.overall, previous?.overall);
  return (
    <div className={styles.result}>
      <p className={styles.overall}>
        <span className={styles.overallScore}>{result.overall === null ? 'No score yet' : `${result.overall} / 100`}</span>
        <span className="muted">
          {result.completed < result.total ? ` so far, ${result.completed} of ${result.total} scenarios done. ` : ' overall. '}
          {previous?.overall != null ? `Previous check-up: ${previous.overall} (${overallChange}).` : 'No earlier check-up to compare with.'}
        </span>
      </p>
      {scored.length > 0 && (
        <Table
          caption={caption}
          columns={['Skill', 'Score', 'Since last check-up']}
          rows={scored}
          empty="No skill scored yet."
          phone="scroll"
          className={styles.skills}
          row={(k) => (
            <tr key={k}>
              <th scope="row">{skillInfo[k].label}</th>
              <td>{result.skills[k].score}</td>
              <td>{changeFrom(result.skills[k].score, previous?.skills[k].score ?? null)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
