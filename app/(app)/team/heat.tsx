// Heatmap cells: a score printed in a cell shaded by band, so the number, not the colour, carries the meaning.
import type { SkillId } from '@/lib/curriculum';

export const shortSkill: Record<SkillId, string> = {
  relating: 'Relating',
  reflecting: 'Reflecting',
  normalizing: 'Normalizing',
  apologizing: 'Apologizing',
  nonverbal: 'Nonverbal',
  timing: 'Timing',
  personalizing: 'Personal',
  ownership: 'Ownership',
  language: 'Language',
};

const bands = [
  { min: 80, name: 'strong', label: '80–100 strong' },
  { min: 60, name: 'good', label: '60–79 good' },
  { min: 40, name: 'mixed', label: '40–59 mixed' },
  { min: 0, name: 'weak', label: '0–39 needs help' },
] as const;

export function band(score: number): (typeof bands)[number]['name'] {
  return bands.find((b) => score >= b.min)!.name;
}

export function HeatCell({ score, decisions }: { score: number | null; decisions: number }) {
  if (score === null) {
    return (
      <td className="heat heat-none">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">no score</span>
      </td>
    );
  }
  return (
    <td className={`heat heat-${band(score)}`} title={`${score} from ${decisions} repl${decisions === 1 ? 'y' : 'ies'}`}>
      {score}
    </td>
  );
}

export function HeatLegend() {
  return (
    <ul className="heat-legend" aria-label="Score bands">
      {bands.map((b) => (
        <li key={b.name}>
          <span className={`heat-swatch heat-${b.name}`} aria-hidden="true" />
          {b.label}
        </li>
      ))}
      <li>
        <span className="heat-swatch heat-none" aria-hidden="true" />· not yet scored
      </li>
    </ul>
  );
}
