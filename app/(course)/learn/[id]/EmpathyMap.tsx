'use client';
// An empathy-mapping exercise: the learner writes what a customer feels, sees, says, fears and wants, then compares with a model answer.
import { useId, useState } from 'react';
import { useModuleProgress } from './ModuleProgress';

const parts = [
  { key: 'feels', label: 'Feels', hint: 'The emotions under the words.' },
  { key: 'sees', label: 'Sees', hint: 'What is in front of them right now.' },
  { key: 'says', label: 'Says', hint: 'Their words, or what they are likely to say.' },
  { key: 'fears', label: 'Fears', hint: 'What could go wrong, as they see it.' },
  { key: 'wants', label: 'Wants', hint: 'What would make them hang up feeling sorted.' },
] as const;
type Part = (typeof parts)[number]['key'];

type Props = { id: string; customer: string; moment: string } & Record<Part, string>;

export function EmpathyMap(props: Props) {
  const progress = useModuleProgress();
  const initial = Object.fromEntries(parts.map((p) => [p.key, progress.reflections[`${props.id}-${p.key}`] ?? ''])) as Record<Part, string>;
  // Remounted once progress loads, so the boxes start from what was saved.
  return <MapForm key={String(progress.ready)} {...props} initial={initial} />;
}

function MapForm({ id, customer, moment, initial, ...model }: Props & { initial: Record<Part, string> }) {
  const progress = useModuleProgress();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [comparing, setComparing] = useState(false);
  const baseId = useId();
  const filled = parts.filter((p) => text[p.key].trim()).length;

  async function save(part: Part) {
    if (text[part] === saved[part]) return;
    setState('saving');
    const ok = await progress.saveReflection(`${id}-${part}`, text[part]);
    if (ok) setSaved((s) => ({ ...s, [part]: text[part] }));
    setState(ok ? 'saved' : 'failed');
  }

  return (
    <section className="empathy-map" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`} className="empathy-map-title">
        <span className="check-label">Exercise</span>Map {customer}
      </h3>
      <p className="empathy-map-moment">{moment}</p>
      <div className="empathy-map-grid">
        {parts.map((p) => (
          <div key={p.key} className="empathy-map-part" data-part={p.key}>
            <label htmlFor={`${baseId}-${p.key}`}>
              <strong>{p.label}</strong> <span className="hint">{p.hint}</span>
            </label>
            <textarea
              id={`${baseId}-${p.key}`}
              value={text[p.key]}
              maxLength={4000}
              rows={3}
              disabled={!progress.ready}
              onChange={(e) => {
                setText((t) => ({ ...t, [p.key]: e.target.value }));
                setState('idle');
              }}
              onBlur={() => void save(p.key)}
            />
            {comparing && (
              <div className="empathy-map-model">
                <p className="compare-tag">A model answer</p>
                <p>{model[p.key]}</p>
              </div>
            )}
          </div>
        ))}
      </div>
      <div className="reflect-actions">
        <button
          type="button"
          className="button"
          aria-expanded={comparing}
          disabled={!progress.ready || filled < parts.length}
          onClick={() => {
            for (const p of parts) void save(p.key);
            setComparing((c) => !c);
          }}
        >
          {comparing ? 'Hide the model answer' : 'Compare with a model answer'}
        </button>
        <span className="hint" aria-live="polite">
          {state === 'saving'
            ? 'Saving…'
            : state === 'failed'
              ? 'Not saved. Check your connection and try again.'
              : filled < parts.length
                ? `Fill in all five parts to compare (${filled} of 5 so far). Only you can see your map.`
                : comparing
                  ? 'Yours need not match word for word: look for what you missed, and what you saw that the model did not.'
                  : 'Saved as you go. Only you can see your map.'}
        </span>
      </div>
    </section>
  );
}
