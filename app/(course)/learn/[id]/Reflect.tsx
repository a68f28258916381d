'use client';
// A private note for a reflection prompt: saved when the learner leaves the box or presses Save.
import { useId, useState } from 'react';
import { useModuleProgress } from './ModuleProgress';

export function Reflect({ id, prompt }: { id: string; prompt: string }) {
  const progress = useModuleProgress();
  // Remounted once progress loads, so the box starts from the stored note.
  return <ReflectBox key={String(progress.ready)} id={id} prompt={prompt} initial={progress.reflections[id] ?? ''} />;
}

function ReflectBox({ id, prompt, initial }: { id: string; prompt: string; initial: string }) {
  const progress = useModuleProgress();
  const [text, setText] = useState(initial);
  const [lastSaved, setLastSaved] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const fieldId = useId();

  async function save() {
    if (text === lastSaved) return;
    setState('saving');
    const ok = await progress.saveReflection(id, text);
    if (ok) setLastSaved(text);
    setState(ok ? 'saved' : 'idle');
  }

  return (
    <section className="reflect">
      <label htmlFor={fieldId} className="reflect-prompt">
        <span className="check-label">Reflection</span>
        {prompt}
      </label>
      <textarea
        id={fieldId}
        value={text}
        maxLength={4000}
        rows={4}
        disabled={!progress.ready}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
      />
      <div className="reflect-actions">
        <button type="button" className="button-quiet" onClick={() => void save()} disabled={!progress.ready || state === 'saving'}>
          Save note
        </button>
        <span className="hint" aria-live="polite">
          {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved. Only you can see this note.' : 'Only you can see this note.'}
        </span>
      </div>
    </section>
  );
}
