// The linter's problems as a list: each names its line and fix, and jumps the editor there.
import type { ContentProblem } from '@/lib/problems';
import listStyles from '../studio.module.css';

export function ProblemList({ problems, onJump, label = 'Problems' }: { problems: ContentProblem[]; onJump: (line: number) => void; label?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className={listStyles.problemsList} aria-label={label}>
      {problems.map((p, i) => (
        <li key={`${p.line}-${i}`}>
          {p.line > 0 ? (
            <button type="button" onClick={() => onJump(p.line)}>
              Line {p.line}
            </button>
          ) : (
            <strong>The scenario</strong>
          )}
          : {p.message}
          {p.hint && <span className={listStyles.fix}>Fix: {p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
