// Scores over time as a line with every point marked and labelled; one small chart per series, so no legend colours to decode.
import { ChartTable } from './ChartTable';
import { TrendDrawing } from './lazy';

export interface TrendSeries {
  label: string;
  points: { x: string; y: number }[];
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
            {s.points.length > 0 && (
              <div style={{ height: series.length === 1 ? 220 : 140 }}>
                <TrendDrawing points={s.points} height={series.length === 1 ? 220 : 140} />
              </div>
            )}
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
