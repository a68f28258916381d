// The numbers behind a chart as a two-column table only screen readers see, since the drawing itself is hidden from them.
import { Table } from '../Table';

interface Props {
  title: string;
  /** Headings of the label column and the value column. */
  columns: [string, string];
  rows: { label: string; value: string }[];
}

export function ChartTable({ title, columns, rows }: Props) {
  return (
    <Table
      caption={title}
      columns={columns}
      rows={rows}
      empty={`${title}: no scores yet.`}
      screenReaderOnly
      row={(r) => (
        <tr key={r.label}>
          <th scope="row">{r.label}</th>
          <td>{r.value}</td>
        </tr>
      )}
    />
  );
}
