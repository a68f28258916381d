// The numbers behind a chart as a two-column table only screen readers see, since the drawing itself is hidden from them.
interface Props {
  title: string;
  /** Headings of the label column and the value column. */
  columns: [string, string];
  rows: { label: string; value: string }[];
}

export function ChartTable({ title, columns, rows }: Props) {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
