'use client';
// A learner's or team's skill profile as labelled horizontal bars; the numbers are printed, so colour is never the only signal.
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { ChartTable } from './ChartTable';

export interface SkillBar {
  label: string;
  score: number | null;
}

export function SkillBars({ data, title }: { data: SkillBar[]; title: string }) {
  const rows = data.map((d) => ({ label: d.label, score: d.score ?? 0, text: d.score === null ? 'not yet scored' : String(d.score) }));
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      {/* The table below carries the same numbers for screen readers; the drawing is for the eye. */}
      <div aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height: 32 * rows.length + 40 }}
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#e4ebec" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: '#4a5c66' }} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 13, fill: '#1b2a33' }} interval={0} />
          <Bar dataKey="score" fill="#2f8f83" radius={[0, 4, 4, 0]} isAnimationActive={false} barSize={16}>
            <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: '#1b2a33' }} />
          </Bar>
        </BarChart>
      </div>
      <ChartTable title={title} columns={['Skill', 'Score out of 100']} rows={rows.map((r) => ({ label: r.label, value: r.text }))} />
    </figure>
  );
}
