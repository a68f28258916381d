// Two texts' differences line by line, with a little context: added lines marked "+", removed "−", and both said in words to screen readers.
import { diffLines } from 'diff';
import styles from './studio-editor.module.css';

const CONTEXT = 2;

export function LineDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = diffLines(before, after);
  if (parts.every((p) => !p.added && !p.removed)) return <p className="muted">No differences.</p>;
  const rows: { kind: 'added' | 'removed' | 'same' | 'gap'; text: string }[] = [];
  parts.forEach((p, i) => {
    const lines = p.value.replace(/\n$/, '').split('\n');
    if (p.added || p.removed) {
      for (const text of lines) rows.push({ kind: p.added ? 'added' : 'removed', text });
      return;
    }
    // Unchanged runs keep a few lines either side of a change; the rest fold into one marker.
    const head = i > 0 ? lines.slice(0, CONTEXT) : [];
    const tail = i < parts.length - 1 ? lines.slice(-CONTEXT) : [];
    if (lines.length <= head.length + tail.length) for (const text of lines) rows.push({ kind: 'same', text });
    else {
      for (const text of head) rows.push({ kind: 'same', text });
      rows.push({ kind: 'gap', text: `… ${lines.length - head.length - tail.length} unchanged lines …` });
      for (const text of tail) rows.push({ kind: 'same', text });
    }
  });
  return (
    <pre className={styles.diff} aria-label={label} tabIndex={0}>
      {rows.map((r, i) =>
        r.kind === 'added' ? (
          <ins key={i} className={styles.added}>
            <span className="visually-hidden">added: </span>+ {r.text}
          </ins>
        ) : r.kind === 'removed' ? (
          <del key={i} className={styles.removed}>
            <span className="visually-hidden">removed: </span>− {r.text}
          </del>
        ) : (
          <span key={i} className={styles.same}>
            {r.kind === 'gap' ? r.text : `  ${r.text}`}
          </span>
        ),
      )}
    </pre>
  );
}
