// The strategy gate's table for one scenario: each way of playing that ignores the customer, its expected score, and whether it would pass.
import { Table } from '@/app/_components/Table';
import { percent } from '@/lib/format';
import type { GateRow } from '@/lib/studio/check';
import styles from './studio-editor.module.css';

export function GateTable({ rows }: { rows: GateRow[] }) {
  return (
    <Table
      caption="Strategies that ignore the customer, played on this scenario"
      columns={[
        { label: 'Strategy', cell: (r) => r.strategy },
        { label: 'Expected score', cell: (r) => `${r.score} / 100` },
        { label: 'Passes', cell: (r) => percent(r.pass) + ' of the time' },
        { label: 'Verdict', cell: (r) => (r.passes ? <span className={styles.passes}>Passes: must not</span> : 'Fails, as it should') },
      ]}
      rows={rows}
      rowKey={(r) => r.strategy}
      empty="No strategies were played."
      className={styles.gateTable}
    />
  );
}
