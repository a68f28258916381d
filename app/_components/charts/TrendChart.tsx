'use client';
// Scores over time as a line with every point marked and labelled; one small chart per series, so no legend colours to decode.
import { CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';
import { ChartTable } from './ChartTable';

export interface TrendSeries {
  label: string;
  points: { x: string; y: number }[];
}

// Recharts label renderer that draws only the final point's value.
function lastOnly(n: number) {
  function LastLabel(props: { index?: number; x?: number | string; y?: number | string; value?: unknown }) {
    if (props.index !== n - 1) return null;
    return (
      <text x={Number(props.x)} y={Number(props.y) - 6} textAnchor="middle" fontSize={11} fill="#1b2a33">
        {String(props.value)}
      </text>
    );
  }
  return LastLabel;
}

function Small({ series, height }: { series: TrendSeries; height: number }) {
  return (
    <LineChart responsive style={{ width: '100%', height }} data={series.points} margin={{ top: 20, right: 28, bottom: 0, left: -20 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#e4ebec" vertical={false} />
      <XAxis dataKey="x" tick={{ fontSize: 11, fill: '#4a5c66' }} interval="preserveStartEnd" />
      <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tick={{ fontSize: 11, fill: '#4a5c66' }} />
      <Line type="monotone" dataKey="y" stroke="#1d4e5f" strokeWidth={2} dot={{ r: series.points.length > 12 ? 1.5 : 3, fill: '#1d4e5f' }} isAnimationActive={false}>
        {/* Every value is labelled while they fit; beyond that only the latest, and the table has them all. */}
        <LabelList
          dataKey="y"
          position="top"
          style={{ fontSize: 11, fill: '#1b2a33' }}
          content={series.points.length > 12 ? lastOnly(series.points.length) : undefined}
        />
      </Line>
    </LineChart>
  );
}

export function TrendCharts({ series, title, xLabel }: { series: TrendSeries[]; title: string; xLabel: string }) {
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      <div className={`trend-grid${series.length === 1 ? ' trend-grid-single' : ''}`} aria-hidden="true">
        {series.map((s) => (
          <div key={s.label} className="trend-cell">
            <p className="trend-label">
              {s.label}
              <span className="muted"> {s.points.length ? `now ${s.points[s.points.length - 1]!.y}` : 'no scores yet'}</span>
            </p>
            {s.points.length > 0 && <Small series={s} height={series.length === 1 ? 220 : 140} />}
          </div>
        ))}
      </div>
      <ChartTable
        title={title}
        columns={['Series', `${xLabel} and score`]}
        rows={series.map((s) => ({ label: s.label, value: s.points.length ? s.points.map((p) => `${p.x}: ${p.y}`).join('; ') : 'no scores yet' }))}
      />
    </figure>
  );
}
