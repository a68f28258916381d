'use client';
// A shipped scenario or persona, read-only: its YAML and map, and a copy to edit under a new id (content/ changes only through git).
import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { post } from '@/app/_lib/api';
import { InputField } from '@/app/_components/Field';
import { FormMessages } from '@/app/_components/FormMessages';
import type { StudioKind } from '@/lib/studio/lint';
import { mapModel } from '@/lib/studio/map-model';
import { YamlEditor } from './YamlEditor';
import styles from './studio-editor.module.css';

const ScenarioMap = dynamic(() => import('./ScenarioMap').then((m) => m.ScenarioMap), { ssr: false, loading: () => <p className="muted">Drawing the map…</p> });
const NodeList = dynamic(() => import('./NodeList').then((m) => m.NodeList), { ssr: false });

export function ShippedView({ kind, id, yaml }: { kind: StudioKind; id: string; yaml: string }) {
  const router = useRouter();
  const [copyId, setCopyId] = useState(`${id}-copy`);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string>();
  const [jump, setJump] = useState<{ line: number; seq: number }>();
  const select = (n: string, line: number) => {
    setSelected(n);
    setJump((j) => ({ line, seq: (j?.seq ?? 0) + 1 }));
  };
  const model = useMemo(() => (kind === 'scenario' ? mapModel(yaml, []) : undefined), [kind, yaml]);

  async function duplicate() {
    setBusy(true);
    setError(undefined);
    const sent = await post<{ href: string }>('/api/studio/documents', { kind, from: id, id: copyId });
    setBusy(false);
    if (sent.ok) router.push(sent.data.href);
    else setError(sent.error);
  }

  return (
    <div className="stack">
      <p className="lead">Shipped with the course and changed only through git. Duplicate it to make a version of your own.</p>
      <form
        className={`card ${styles.bar}`}
        onSubmit={(e) => {
          e.preventDefault();
          void duplicate();
        }}
      >
        <InputField
          id="copy-id"
          label="Id of the copy"
          value={copyId}
          onChange={(e) => setCopyId(e.target.value)}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={100}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Duplicating…' : 'Duplicate to edit'}
        </button>
      </form>
      <FormMessages error={error} status="" />
      <div className={styles.editorPane}>
        <YamlEditor value={yaml} onChange={() => {}} problems={[]} jumpTo={jump} readOnly label={`YAML of ${id} (read-only)`} />
      </div>
      {model && (
        <section aria-labelledby="map-heading" className="stack">
          <h2 id="map-heading">Map</h2>
          <div className={styles.mapPanes}>
            <ScenarioMap
              model={model}
              selected={selected}
              onSelect={select}
            />
            <div className={styles.listPane}>
              <NodeList
                model={model}
                selected={selected}
                onSelect={select}
              />
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
