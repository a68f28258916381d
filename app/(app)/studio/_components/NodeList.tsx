'use client';
// The scenario map in words, for the keyboard and screen readers: every node and ending from the start, each a button that jumps the editor to it.
import type { MapEdge, MapModel, MapNode, MapProblem } from '@/lib/studio/map-model';
import styles from './studio-map.module.css';

export interface NodeListProps {
  model: MapModel;
  selected?: string;
  onSelect: (id: string, line: number) => void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** A typographic minus, which screen readers say as "minus" where a hyphen may be skipped. */
const signed = (n: number) => (n < 0 ? `−${-n}` : String(n));

/** What the button says after the id: e.g. "start · mood neutral · best path · 2 problems" or "ending, failure". */
export function describeNode(n: MapNode): string {
  const parts: string[] = [];
  if (n.kind === 'ending') parts.push(n.outcome ? `ending, ${n.outcome}` : 'ending, no outcome yet');
  if (n.isStart) parts.push('start');
  if (n.moodBand) parts.push(`mood ${n.moodBand}`);
  if (n.onBestPath) parts.push('best path');
  if (n.unreachable) parts.push('unreachable');
  if (n.inCycle) parts.push('in a cycle');
  if (n.problems.length) parts.push(plural(n.problems.length, 'problem'));
  return parts.join(' · ') || 'node';
}

function Problems({ problems }: { problems: MapProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className={styles.problems}>
      {problems.map((p, i) => (
        <li key={`${p.line}-${i}`}>
          Line {p.line}: {p.message}
          {p.hint && <span className={styles.fix}>Fix: {p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

function Choice({ edge }: { edge: MapEdge }) {
  const where = edge.broken ? (
    <span className={styles.goesNowhere}>{edge.to ? `${edge.to} (goes nowhere)` : 'no next (goes nowhere)'}</span>
  ) : (
    edge.to
  );
  return (
    <li>
      {edge.kind === 'otherwise' ? edge.label : `“${edge.label || edge.choiceId || 'a choice with no say'}”`} → {where}
      {edge.onBestPath && <span className={styles.best}> (best path)</span>}
    </li>
  );
}

export function NodeList({ model, selected, onSelect }: NodeListProps) {
  const from = new Map<string, MapEdge[]>();
  for (const e of model.edges) from.set(e.from, [...(from.get(e.from) ?? []), e]);

  return (
    <div className={styles.listWrap}>
      {model.parseError && <p className={styles.parseError}>The YAML cannot be read ({model.parseError}), so there is nothing to list until that line is fixed.</p>}
      {!model.parseError && model.nodes.length === 0 && <p className={styles.detail}>No nodes or endings yet.</p>}
      <ol className={styles.list} aria-label="Nodes and endings, from the start">
        {model.nodes.map((n) => {
          const choices = from.get(n.id) ?? [];
          const range = n.moodRange;
          return (
            <li key={n.id} className={styles.entry}>
              <button type="button" className={styles.entryButton} aria-current={n.id === selected ? 'true' : undefined} onClick={() => onSelect(n.id, n.line)}>
                <span className={styles.swatch} data-kind={n.kind} data-band={n.kind === 'node' ? n.moodBand : undefined} data-outcome={n.outcome} aria-hidden="true" />
                <span>
                  <span className={styles.entryId}>{n.id}</span> — {describeNode(n)}
                </span>
              </button>
              <p className={styles.detail}>
                Line {n.line}
                {n.label && <> · the customer says “{n.label}”</>}
                {range && <> · arrives with mood {range.min === range.max ? signed(range.min) : `${signed(range.min)} to ${signed(range.max)}`}</>}
              </p>
              {n.rules && <p className={styles.detail}>A rule ends the call here from any turn: {n.rules.join('; ')}.</p>}
              {choices.length > 0 && (
                <ul className={styles.choices} aria-label={`${n.kind === 'ending' ? 'Links' : 'Choices'} from ${n.id}`}>
                  {choices.map((e) => (
                    <Choice key={e.id} edge={e} />
                  ))}
                </ul>
              )}
              <Problems problems={n.problems} />
            </li>
          );
        })}
        {model.missingTargets.map((id) => {
          const line = model.edges.find((e) => e.to === id)?.line ?? 1;
          return (
            <li key={`missing:${id}`} className={styles.entry}>
              <button type="button" className={styles.entryButton} aria-current={id === selected ? 'true' : undefined} onClick={() => onSelect(id, line)}>
                <span className={styles.swatch} data-kind="missing" aria-hidden="true" />
                <span>
                  <span className={styles.entryId}>{id}</span> — missing: named by a next but not written
                </span>
              </button>
              <p className={styles.detail}>Named on line {line}. Add a node or ending with this id, or point the next somewhere that exists.</p>
            </li>
          );
        })}
      </ol>
      {model.problemsElsewhere.length > 0 && (
        <>
          <p className={styles.subhead}>Problems outside any node or ending</p>
          <Problems problems={model.problemsElsewhere} />
        </>
      )}
    </div>
  );
}

export default NodeList;
