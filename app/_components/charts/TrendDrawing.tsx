'use client';
// The drawn part of a trend chart: one line with its points, loaded after the page so the chart library stays out of first-load JS.
import { CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';

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

export default function TrendDrawing({ points, height }: { points: { x: string; y: number }[]; height: number }) {
  return (
    <LineChart responsive style={{ width: '100%', height }} data={points} margin={{ top: 20, right: 28, bottom: 0, left: -20 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#e4ebec" vertical={false} />
      <XAxis dataKey="x" tick={{ fontSize: 11, fill: '#4a5c66' }} interval="preserveStartEnd" />
      <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tick={{ fontSize: 11, fill: '#4a5c66' }} />
      <Line type="monotone" dataKey="y" stroke="#1d4e5f" strokeWidth={2} dot={{ r: points.length > 12 ? 1.5 : 3, fill: '#1d4e5f' }} isAnimationActive={false}>
        {/* Every value is labelled while they fit; beyond that only the latest, and the table has them all. */}
        <LabelList
          dataKey="y"
          position="top"
          style={{ fontSize: 11, fill: '#1b2a33' }}
          content={points.length > 12 ? lastOnly(points.length) : undefined}
        />
      </Line>
    </LineChart>
  );
}

