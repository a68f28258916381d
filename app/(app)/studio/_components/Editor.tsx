'use client';
// The studio's editor for one document: YAML and form on the same text, the checker as you type, the map, the strategy gate, publishing and versions.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { parse } from 'yaml';
import { post } from '@/app/_lib/api';
import { FormMessages } from '@/app/_components/FormMessages';
import type { ContentProblem } from '@/lib/problems';
import type { Persona } from '@/lib/scenario/schema';
import type { GateReport } from '@/lib/studio/check';
import { LINT_AFTER_MS, lintText, type StudioKind } from '@/lib/studio/lint';
import { mapModel } from '@/lib/studio/map-model';
import { GateTable } from './GateTable';
import { LineDiff } from './LineDiff';
import { NodeForm, type LooseScenario } from './NodeForm';
import { ProblemList } from './ProblemList';
import { useDraft } from './useDraft';
import { VersionsPanel, type VersionInfo } from './VersionsPanel';
import { YamlEditor } from './YamlEditor';
import styles from './studio-editor.module.css';

// The map's library is large; it loads after the editor, and only here.
const ScenarioMap = dynamic(() => import('./ScenarioMap').then((m) => m.ScenarioMap), { ssr: false, loading: () => <p className="muted">Drawing the map…</p> });
const NodeList = dynamic(() => import('./NodeList').then((m) => m.NodeList), { ssr: false });

interface Props {
  kind: StudioKind;
  id: string;
  initial: { draft: string; revision: number };
  personas: Persona[];
  shippedPersonaIds: string[];
  versions: VersionInfo[];
}

function loose(text: string): LooseScenario | undefined {
  try {
    const v = parse(text) as unknown;
    return v && typeof v === 'object' ? (v as LooseScenario) : undefined;
  } catch {
    return undefined;
  }
}

export function Editor({ kind, id, initial, personas, shippedPersonaIds, versions }: Props) {
  const router = useRouter();
  const url = `/api/studio/${kind === 'scenario' ? 'scenarios' : 'personas'}/${id}`;
  const draft = useDraft(url, initial, `studio:${kind}:${id}`);
  const { text } = draft;
  const personaMap = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas]);
  const shipped = useMemo(() => new Set(shippedPersonaIds), [shippedPersonaIds]);
  const [checked, setChecked] = useState(() => ({ text, linted: lintText(kind, id, text, personaMap, shipped) }));
  const [jump, setJump] = useState<{ line: number; seq: number }>();
  const [selected, setSelected] = useState<string>();
  const [gate, setGate] = useState<{ report: GateReport | null; lint: ContentProblem[] }>();
  const [busy, setBusy] = useState<'gate' | 'publish'>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<{ problems: ContentProblem[]; gate: GateReport | null }>();

  // The checker runs once typing pauses, on the text as it then is.
  useEffect(() => {
    if (checked.text === text) return;
    const timer = setTimeout(() => setChecked({ text, linted: lintText(kind, id, text, personaMap, shipped) }), LINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, checked.text, kind, id, personaMap, shipped]);

  const problems = checked.linted.problems;
  const doc = useMemo(() => loose(text), [text]);
  // The map follows the checker a frame behind: on a large scenario its model takes longer than the checker, and the problems should not wait for it.
  const forMap = useDeferredValue(checked);
  const personaMood = forMap.linted.persona?.mood ?? 0;
  const model = useMemo(() => (kind === 'scenario' ? mapModel(forMap.text, forMap.linted.problems, personaMood) : undefined), [kind, forMap, personaMood]);
  const jumpTo = (line: number) => setJump((j) => ({ line, seq: (j?.seq ?? 0) + 1 }));
  const select = (nodeId: string, line: number) => {
    setSelected(nodeId);
    jumpTo(line);
  };
  const nodeId = selected ?? model?.nodes[0]?.id;

  async function runGate() {
    setBusy('gate');
    setError(undefined);
    const sent = await post<{ lint: ContentProblem[]; gate: GateReport | null }>('/api/studio/gate', { id, yaml: text });
    setBusy(undefined);
    if (sent.ok) setGate({ report: sent.data.gate, lint: sent.data.lint });
    else setError(sent.error);
  }

  async function publish() {
    setBusy('publish');
    setError(undefined);
    setStatus('');
    setRefusal(undefined);
    if (draft.unsaved() && !(await draft.saveNow())) {
      setBusy(undefined);
      return setError('The draft could not be saved, so it was not published. See the message above the editor.');
    }
    const sent = await post<{ version: number }>(`${url}/versions`, { revision: draft.revision() });
    setBusy(undefined);
    if (sent.ok) {
      setStatus(`Published version ${sent.data.version}. It plays from the next start; attempts already started keep the version they began on.`);
      router.refresh();
      return;
    }
    setError(sent.error);
    if (sent.status === 422) setRefusal({ problems: (sent.body?.problems as ContentProblem[]) ?? [], gate: (sent.body?.gate as GateReport | null) ?? null });
  }

  /** Playtests the saved draft, saving first so what plays is what the author sees. */
  async function playtest(from?: string) {
    if (draft.unsaved() && !(await draft.saveNow())) return setError('The draft could not be saved, so the playtest would not show your latest changes. See the message above.');
    router.push(`/studio/scenarios/${id}/playtest${from ? `?from=${encodeURIComponent(from)}` : ''}`);
  }

  const save = draft.save;
  const saveText =
    save.state === 'saved'
      ? save.at
        ? `Saved ${new Date(save.at).toLocaleTimeString()}`
        : 'All changes saved'
      : save.state === 'unsaved'
        ? 'Unsaved changes'
        : save.state === 'saving'
          ? 'Saving…'
          : save.state === 'failed'
            ? `Not saved: ${save.error} Your text is kept in this browser.`
            : 'Not saved: another author saved first';

  return (
    <div className="stack">
      <div className={styles.bar}>
        <p role="status" className={save.state === 'failed' || save.state === 'conflict' ? styles.saveStateBad : styles.saveState}>
          {saveText}
        </p>
        <div className={styles.barActions}>
          {kind === 'scenario' && (
            <button type="button" className="button-secondary" onClick={() => void runGate()} disabled={busy !== undefined}>
              {busy === 'gate' ? 'Playing the strategies…' : 'Run the strategy gate'}
            </button>
          )}
          {kind === 'scenario' && (
            <button type="button" className="button-secondary" onClick={() => void playtest()} disabled={busy !== undefined || problems.length > 0} title={problems.length > 0 ? 'Fix the problems the checker lists first' : undefined}>
              Playtest
            </button>
          )}
          <a className="button button-secondary" href={`${url}/yaml?download=1`}>
            Download YAML
          </a>
          <button type="button" className="button-primary" onClick={() => void publish()} disabled={busy !== undefined || save.state === 'conflict'}>
            {busy === 'publish' ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </div>
      {draft.notice && <p className="alert alert-info">{draft.notice}</p>}
      {save.state === 'conflict' && (
        <section className={styles.conflict} aria-labelledby="conflict-heading" role="alert">
          <h2 id="conflict-heading">{save.theirs.updatedBy ?? 'Another author'} saved this draft while you were editing</h2>
          <p>
            Nothing is lost: your text is still in the editor (and in this browser), and theirs is below. Copy what you need from theirs, then keep
            yours, or take theirs.
          </p>
          <LineDiff before={save.theirs.draft} after={text} label="Their draft compared with yours" />
          <div className={styles.barActions}>
            <button type="button" className="button-primary" onClick={() => draft.keepMine(save.theirs)}>
              Keep mine (save over theirs)
            </button>
            <button type="button" className="button-secondary" onClick={() => draft.takeTheirs(save.theirs)}>
              Take theirs
            </button>
          </div>
        </section>
      )}
      <FormMessages error={error} status={status} />
      {refusal && (
        <section className="stack" aria-labelledby="refusal-heading">
          <h2 id="refusal-heading">Why it was not published</h2>
          <ProblemList problems={refusal.problems} onJump={jumpTo} label="Problems that stop publishing" />
          {refusal.gate && <GateTable rows={refusal.gate.rows} />}
        </section>
      )}

      <section aria-labelledby="problems-heading" className="stack">
        <h2 id="problems-heading">Checker</h2>
        <p role="status" aria-live="polite" className={problems.length ? styles.saveStateBad : 'muted'}>
          {problems.length === 0 ? 'No problems: the checker passes this draft.' : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before publishing.`}
        </p>
        <ProblemList problems={problems} onJump={jumpTo} />
      </section>

      <div className={styles.panes}>
        <section className={styles.editorPane} aria-labelledby="yaml-heading">
          <h2 id="yaml-heading">YAML</h2>
          <p id="yaml-help" className="visually-hidden">
            Tab leaves the editor. Problems are underlined; the list above names each line.
          </p>
          <YamlEditor value={text} onChange={draft.setText} problems={problems} jumpTo={jump} label={`YAML of ${id}`} describedBy="yaml-help" />
        </section>
        {kind === 'scenario' && nodeId && (
          <section className={styles.formPane} aria-labelledby="form-heading">
            <h2 id="form-heading">Form</h2>
            {model?.nodes.find((n) => n.id === nodeId)?.kind === 'node' && problems.length === 0 && (
              <p>
                <button type="button" className="button-quiet" onClick={() => void playtest(nodeId)}>
                  Playtest from {nodeId}
                </button>
              </p>
            )}
            <NodeForm text={text} doc={doc} nodeId={nodeId} onChange={draft.setText} />
          </section>
        )}
      </div>

      {model && (
        <section aria-labelledby="map-heading" className="stack">
          <h2 id="map-heading">Map</h2>
          {model.parseError ? (
            <p className="alert alert-info">The map waits for the YAML to read again: {model.parseError}</p>
          ) : (
            <div className={styles.mapPanes}>
              <ScenarioMap model={model} selected={nodeId} onSelect={select} />
              <div className={styles.listPane}>
                <NodeList model={model} selected={nodeId} onSelect={select} />
              </div>
            </div>
          )}
        </section>
      )}

      {gate && (
        <section aria-labelledby="gate-heading" className="stack">
          <h2 id="gate-heading">Strategy gate</h2>
          {gate.report ? (
            <>
              <p>{gate.report.problems.length === 0 ? 'No strategy that ignores the customer passes this draft.' : 'A strategy that ignores the customer passes this draft: it cannot be published.'}</p>
              <GateTable rows={gate.report.rows} />
              <ProblemList problems={gate.report.problems} onJump={jumpTo} label="What the gate found" />
            </>
          ) : (
            <p>The gate plays a scenario the checker passes: fix the problems above first.</p>
          )}
        </section>
      )}

      <section aria-labelledby="versions-heading" className="stack">
        <h2 id="versions-heading">Versions</h2>
        <VersionsPanel url={url} draft={text} versions={versions} onJump={jumpTo} />
      </section>
    </div>
  );
}
