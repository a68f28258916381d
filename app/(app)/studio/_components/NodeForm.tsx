'use client';
// The form for the common edits to one node (what the customer says, their cue, each reply's words, scores, mood, feedback and destination), writing into the same YAML the editor shows.
import { useId } from 'react';
import { Field } from '@/app/_components/Field';
import { skillIds } from '@/lib/curriculum';
import { setIn, type Path } from '@/lib/studio/yaml-edit';
import styles from './studio-editor.module.css';

interface LooseChoice {
  id?: string;
  say?: string;
  scores?: Record<string, number>;
  mood?: number;
  feedback?: string;
  next?: string;
}
export interface LooseScenario {
  skills?: string[];
  nodes?: Record<string, { customer?: string; cue?: string; choices?: LooseChoice[] }>;
  endings?: Record<string, { outcome?: string; customer?: string; summary?: string }>;
}

interface Props {
  text: string;
  doc: LooseScenario | undefined;
  nodeId: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
}

/** A number field's value as YAML wants it: a whole number, or nothing (the key goes) when emptied. */
const wholeOrNone = (raw: string) => (raw.trim() === '' ? undefined : Math.trunc(Number(raw)));

export function NodeForm({ text, doc, nodeId, onChange, readOnly = false }: Props) {
  const uid = useId();
  if (!doc) return <p className="alert alert-info">The YAML has a syntax error, so the form waits: fix it in the editor (the problem list says where).</p>;
  const node = doc.nodes?.[nodeId];
  const ending = doc.endings?.[nodeId];
  const edit = (path: Path, value: unknown) => {
    const next = setIn(text, path, value);
    if (next !== undefined) onChange(next);
  };
  const targets = [...Object.keys(doc.nodes ?? {}), ...Object.keys(doc.endings ?? {})];
  const skills = (doc.skills ?? []).filter((k) => (skillIds as readonly string[]).includes(k) && k !== 'timing');

  if (ending) {
    return (
      <fieldset className={styles.formCard} disabled={readOnly}>
        <legend>Ending {nodeId}</legend>
        <Field id={`${uid}-customer`} label="What the customer says last">
          <textarea id={`${uid}-customer`} rows={3} value={ending.customer ?? ''} onChange={(e) => edit(['endings', nodeId, 'customer'], e.target.value)} />
        </Field>
        <Field id={`${uid}-summary`} label="Summary the learner reads">
          <textarea id={`${uid}-summary`} rows={3} value={ending.summary ?? ''} onChange={(e) => edit(['endings', nodeId, 'summary'], e.target.value)} />
        </Field>
      </fieldset>
    );
  }
  if (!node) return <p className="muted">Choose a node on the map or in the list to edit it here.</p>;

  return (
    <fieldset className={styles.formCard} disabled={readOnly}>
      <legend>Node {nodeId}</legend>
      <Field id={`${uid}-customer`} label="What the customer says">
        <textarea id={`${uid}-customer`} rows={3} value={node.customer ?? ''} onChange={(e) => edit(['nodes', nodeId, 'customer'], e.target.value)} />
      </Field>
      <Field id={`${uid}-cue`} label="Cue (how they sound or look)" hint="Optional: a tone of voice, a pause, a gesture.">
        <input id={`${uid}-cue`} value={node.cue ?? ''} onChange={(e) => edit(['nodes', nodeId, 'cue'], e.target.value)} aria-describedby={`${uid}-cue-hint`} />
      </Field>
      {(node.choices ?? []).map((c, i) => {
        const p = `${uid}-c${i}`;
        const at = (key: string): Path => ['nodes', nodeId, 'choices', i, key];
        return (
          <fieldset key={`${c.id ?? ''}-${i}`} className={styles.choice}>
            <legend>Reply {c.id ?? i + 1}</legend>
            <Field id={`${p}-say`} label="What the rep says">
              <textarea id={`${p}-say`} rows={2} value={c.say ?? ''} onChange={(e) => edit(at('say'), e.target.value)} />
            </Field>
            <div className={styles.scoreGrid}>
              {skills.map((k) => (
                <Field key={k} id={`${p}-score-${k}`} label={k}>
                  <input
                    id={`${p}-score-${k}`}
                    type="number"
                    min={-3}
                    max={3}
                    step={1}
                    value={c.scores?.[k] ?? ''}
                    onChange={(e) => edit([...at('scores'), k], wholeOrNone(e.target.value))}
                  />
                </Field>
              ))}
              <Field id={`${p}-mood`} label="Mood change">
                <input id={`${p}-mood`} type="number" min={-3} max={3} step={1} value={c.mood ?? ''} onChange={(e) => edit(at('mood'), wholeOrNone(e.target.value))} />
              </Field>
            </div>
            <Field id={`${p}-feedback`} label="Feedback: what this reply did, and why">
              <textarea id={`${p}-feedback`} rows={2} value={c.feedback ?? ''} onChange={(e) => edit(at('feedback'), e.target.value)} />
            </Field>
            <Field id={`${p}-next`} label="Goes to">
              <select id={`${p}-next`} value={c.next ?? ''} onChange={(e) => edit(at('next'), e.target.value)}>
                {c.next !== undefined && !targets.includes(c.next) && <option value={c.next}>{c.next} (missing: neither a node nor an ending)</option>}
                {targets.map((t) => (
                  <option key={t} value={t}>
                    {t}
                    {doc.endings?.[t] ? ` (ending, ${doc.endings[t]!.outcome ?? '?'})` : ''}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
