'use client';
// Scores over time as a line with every point marked and labelled; one small chart per series, so no legend colours to decode.
import { CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';

export interface TrendSeries {
  label: string;
  points: { x: string; y: number }[];
}

function Small({ series }: { series: TrendSeries }) {
  return (
    <LineChart responsive style={{ width: '100%', height: 140 }} data={series.points} margin={{ top: 18, right: 16, bottom: 0, left: -20 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#e4ebec" vertical={false} />
      <XAxis dataKey="x" tick={{ fontSize: 11, fill: '#4a5c66' }} interval="preserveStartEnd" />
      <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tick={{ fontSize: 11, fill: '#4a5c66' }} />
      <Line type="monotone" dataKey="y" stroke="#1d4e5f" strokeWidth={2} dot={{ r: 3, fill: '#1d4e5f' }} isAnimationActive={false}>
        <LabelList dataKey="y" position="top" style={{ fontSize: 11, fill: '#1b2a33' }} />
      </Line>
    </LineChart>
  );
}

export function TrendCharts({ series, title, xLabel }: { series: TrendSeries[]; title: string; xLabel: string }) {
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      <div className="trend-grid" aria-hidden="true">
        {series.map((s) => (
          <div key={s.label} className="trend-cell">
            <p className="trend-label">
              {s.label}
              <span className="muted"> {s.points.length ? `now ${s.points[s.points.length - 1]!.y}` : 'no scores yet'}</span>
            </p>
            {s.points.length > 0 && <Small series={s} />}
          </div>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">{xLabel} and score</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              <td>{s.points.length ? s.points.map((p) => `${p.x}: ${p.y}`).join('; ') : 'no scores yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
