'use client';
// A document's published versions: who published each and when, a readable difference between any two (or the draft), rollback, and downloads for git.
import { useEffect, useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { post } from '@/app/_lib/api';
import { FormMessages } from '@/app/_components/FormMessages';
import { dateTime } from '@/lib/format';
import type { ContentProblem } from '@/lib/problems';
import { LineDiff } from './LineDiff';
import { ProblemList } from './ProblemList';
import styles from './studio-editor.module.css';
import { Options } from '@/app/_components/Options';

export interface VersionInfo {
  version: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
}

const DRAFT = 'draft';

export function VersionsPanel({ url, draft, versions, onJump }: { url: string; draft: string; versions: VersionInfo[]; onJump: (line: number) => void }) {
  const router = useRouter();
  const [from, setFrom] = useState(versions[0] ? String(versions[0].version) : DRAFT);
  const [to, setTo] = useState(DRAFT);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<ContentProblem[]>([]);

  useEffect(() => {
    for (const v of [from, to]) {
      if (v === DRAFT || texts[v] !== undefined) continue;
      void fetch(`${url}/yaml?version=${v}`).then(async (r) => {
        if (r.ok) {
          const text = await r.text();
          setTexts((t) => ({ ...t, [v]: text }));
        } else setError(`Version ${v} could not be read (status ${r.status}).`);
      });
    }
  }, [from, to, texts, url]);

  const textOf = (v: string) => (v === DRAFT ? draft : texts[v]);
  const name = (v: string) => (v === DRAFT ? 'the draft' : `version ${v}`);

  async function rollBack(version: number) {
    setError(undefined);
    setStatus('');
    setProblems([]);
    const sent = await post<{ version: number }>(`${url}/versions`, { rollBackTo: version });
    if (!sent.ok) {
      setError(sent.error);
      setProblems((sent.body?.problems as ContentProblem[] | undefined) ?? []);
      return;
    }
    setStatus(`Version ${version} plays again, as version ${sent.data.version}. Attempts already started keep the version they began on.`);
    router.refresh();
  }

  if (versions.length === 0) return <p className="muted">Nothing is published yet. Publish the draft once the checker and the strategy gate pass it.</p>;
  const options = [{ value: DRAFT, label: 'The draft' }, ...versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))];
  return (
    <div className="stack">
      <ol className={styles.versionList}>
        {versions.map((v, i) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> {i === 0 && <span className="muted">(plays now)</span>} · {dateTime(new Date(v.publishedAt))} UTC
            {v.publishedBy ? ` by ${v.publishedBy}` : ''}
            {v.note ? ` · ${v.note}` : ''}
            <span className={styles.versionActions}>
              <a href={`${url}/yaml?version=${v.version}&download=1`}>Download YAML</a>
              {i > 0 && (
                <button type="button" className="button-secondary" onClick={() => void rollBack(v.version)}>
                  Roll back to version {v.version}
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      <FormMessages error={error} status={status} />
      <ProblemList problems={problems} onJump={onJump} label="Why the rollback was refused" />
      <div className={styles.compare}>
        <VersionPicker label="Compare" value={from} onChange={setFrom} options={options} />
        <VersionPicker label="with" value={to} onChange={setTo} options={options} />
      </div>
      {textOf(from) !== undefined && textOf(to) !== undefined ? (
        <LineDiff before={textOf(from)!} after={textOf(to)!} label={`What changed from ${name(from)} to ${name(to)}`} />
      ) : (
        <p className="muted">Reading…</p>
      )}
    </div>
  );
}

function VersionPicker({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <Options items={options} />
      </select>
    </span>
  );
}
