'use client';
// The form for the common edits to one node (what the customer says, their cue, each reply's words, scores, mood, feedback and destination), writing into the same YAML the editor shows.
import { useId } from 'react';
import { InputField, SelectField, TextAreaField, WholeNumberField } from '@/app/_components/Field';
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
  // Each field is bound to one place in the YAML: it shows what is there and writes back to it.
  const prose = (id: string, label: string, path: Path, value: string | undefined, rows = 3) => (
    <TextAreaField id={id} label={label} rows={rows} value={value ?? ''} onChange={(e) => edit(path, e.target.value)} />
  );
  const step = (id: string, label: string, path: Path, value: number | undefined) => (
    <WholeNumberField key={id} id={id} label={label} min={-3} max={3} value={value ?? ''} onChange={(e) => edit(path, wholeOrNone(e.target.value))} />
  );

  if (ending) {
    return (
      <fieldset className={styles.formCard} disabled={readOnly}>
        <legend>Ending {nodeId}</legend>
        {prose(`${uid}-customer`, 'What the customer says last', ['endings', nodeId, 'customer'], ending.customer)}
        {prose(`${uid}-summary`, 'Summary the learner reads', ['endings', nodeId, 'summary'], ending.summary)}
      </fieldset>
    );
  }
  if (!node) return <p className="muted">Choose a node on the map or in the list to edit it here.</p>;

  return (
    <fieldset className={styles.formCard} disabled={readOnly}>
      <legend>Node {nodeId}</legend>
      {prose(`${uid}-customer`, 'What the customer says', ['nodes', nodeId, 'customer'], node.customer)}
      <InputField
        id={`${uid}-cue`}
        label="Cue (how they sound or look)"
        hint="Optional: a tone of voice, a pause, a gesture."
        value={node.cue ?? ''}
        onChange={(e) => edit(['nodes', nodeId, 'cue'], e.target.value)}
      />
      {(node.choices ?? []).map((c, i) => {
        const p = `${uid}-c${i}`;
        const at = (key: string): Path => ['nodes', nodeId, 'choices', i, key];
        return (
          <fieldset key={`${c.id ?? ''}-${i}`} className={styles.choice}>
            <legend>Reply {c.id ?? i + 1}</legend>
            {prose(`${p}-say`, 'What the rep says', at('say'), c.say, 2)}
            <div className={styles.scoreGrid}>
              {skills.map((k) => step(`${p}-score-${k}`, k, [...at('scores'), k], c.scores?.[k]))}
              {step(`${p}-mood`, 'Mood change', at('mood'), c.mood)}
            </div>
            {prose(`${p}-feedback`, 'Feedback: what this reply did, and why', at('feedback'), c.feedback, 2)}
            <SelectField id={`${p}-next`} label="Goes to" value={c.next ?? ''} onChange={(e) => edit(at('next'), e.target.value)}>
              {c.next !== undefined && !targets.includes(c.next) && <option value={c.next}>{c.next} (missing: neither a node nor an ending)</option>}
              {targets.map((t) => (
                <option key={t} value={t}>
                  {t}
                  {doc.endings?.[t] ? ` (ending, ${doc.endings[t]!.outcome ?? '?'})` : ''}
                </option>
              ))}
            </SelectField>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
