'use client';
// The drawn part of a skill profile: labelled horizontal bars, loaded after the page so the chart library stays out of first-load JS.
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';

export default function SkillBarsDrawing({ rows }: { rows: { label: string; score: number; text: string }[] }) {
  return (
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
  );
}
