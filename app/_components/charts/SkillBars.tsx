// A learner's or team's skill profile as labelled horizontal bars; the numbers are printed, so colour is never the only signal.
import { ChartTable } from './ChartTable';
import { SkillBarsDrawing } from './lazy';

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
      <div aria-hidden="true" style={{ height: 32 * rows.length + 40 }}>
        <SkillBarsDrawing rows={rows} />
      </div>
      <ChartTable title={title} columns={['Skill', 'Score out of 100']} rows={rows.map((r) => ({ label: r.label, value: r.text }))} />
    </figure>
  );
}
