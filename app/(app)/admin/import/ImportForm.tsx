'use client';
// Reads a CSV from a file or pasted text, checks or imports it, and shows the per-row report.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { decodeCsvBytes } from '@/lib/admin/csv-encoding';
import type { ImportResult } from '@/lib/admin/import';
import { count } from '@/lib/format';
import styles from '../admin.module.css';
import { FormMessages } from '@/app/_components/FormMessages';
import { Table } from '@/app/_components/Table';
import { send } from '@/app/_lib/api';
import { InputField, TextAreaField } from '@/app/_components/Field';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

const outcomeWord = { created: 'Created', skipped: 'Skipped', rejected: 'Rejected' } as const;
const EXAMPLE = 'email,name,role,team\nana.ruiz@example.com,Ana Ruiz,learner,Harbour Street Support\n';

export function ImportForm({ maxRows }: { maxRows: number }) {
  const router = useRouter();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<ImportResult>();
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const dryRun = useRef(false);

  async function readFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setError(undefined);
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setError(`${file.name} is larger than 1024 KB. Split it into smaller files of at most ${count(maxRows)} people.`);
      e.target.value = '';
      return;
    }
    const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    setCsv(text);
    setFileName(file.name);
    setResult(undefined);
    setStatus(
      encoding === 'utf-8'
        ? `Read ${file.name}. Check it or import it.`
        : `Read ${file.name}, which is not saved as UTF-8, so it was read as Windows-1252 (Excel's usual CSV). Check that the names with accents look right, then import it.`,
    );
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const createTeams = new FormData(e.currentTarget).get('createTeams') === 'on';
    const check = dryRun.current;
    setBusy(true);
    setError(undefined);
    setStatus(check ? 'Checking…' : 'Importing…');
    const sent = await send<ImportResult>('/api/admin/import', 'POST', { csv, createTeams, dryRun: check });
    setBusy(false);
    if (!sent.ok) {
      setStatus('');
      setResult(undefined);
      setError(sent.error);
      return;
    }
    const { counts } = sent.data;
    setResult(sent.data);
    setStatus(
      `${check ? 'Checked, nothing saved' : 'Imported'}: ${counts.created} ${check ? 'to create' : 'created'}, ${counts.skipped} skipped, ${counts.rejected} rejected.`,
    );
    if (!check) router.refresh();
  }

  // A keyboard or screen-reader user lands on the report as soon as it appears.
  useEffect(() => {
    if (result) reportHeading.current?.focus();
  }, [result]);

  return (
    <div className="stack">
      <form className={`card ${forms.form}`} onSubmit={(e) => void submit(e)}>
        <InputField id="import-file" label="CSV file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} />
        <TextAreaField
          id="import-text"
          label="Or paste the rows"
          hint={fileName ? `From ${fileName}; edit here before importing if you need to.` : 'The first row names the columns.'}
          className={styles.textarea}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setFileName(undefined);
          }}
          placeholder={EXAMPLE}
          spellCheck={false}
        />
        <label className={styles.check}>
          <input type="checkbox" name="createTeams" aria-describedby="import-teams-hint" />
          <span>
            Create teams that do not exist yet
            <span id="import-teams-hint" className={`hint ${styles.block}`}>
              Otherwise a row naming an unknown team is rejected, so a misspelt team name never becomes a new team.
            </span>
          </span>
        </label>
        <FormActions>
          <button type="submit" className="button button-secondary" disabled={busy || !csv.trim()} onClick={() => (dryRun.current = true)}>
            Check without saving
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !csv.trim()} onClick={() => (dryRun.current = false)}>
            {busy ? 'Working…' : 'Import people'}
          </button>
        </FormActions>
        <FormMessages error={error} status={status} />
      </form>

      {result && (
        <section className="stack" aria-labelledby="import-report">
          <h2 id="import-report" tabIndex={-1} ref={reportHeading}>
            {result.dryRun ? 'What an import would do' : 'Import report'}
          </h2>
          <ul className={styles.counts}>
            <li>
              {result.counts.created} {result.dryRun ? 'to create' : 'created'}
            </li>
            <li>{result.counts.skipped} skipped</li>
            <li>{result.counts.rejected} rejected</li>
            {result.teamsCreated.length > 0 && (
              <li>
                {result.dryRun ? 'Teams to create' : 'Teams created'}: {result.teamsCreated.join(', ')}
              </li>
            )}
          </ul>
          <Table
            caption="Import report, one line per row of the file"
            columns={['Row', 'Email', 'Outcome', 'Why']}
            rows={result.rows}
            empty="The file had no rows to import."
            className={styles.labels}
            row={(r) => (
              <tr key={r.row}>
                <td data-label="Row">{r.row}</td>
                <td data-label="Email">{r.email || <span className="muted">(none)</span>}</td>
                <td data-label="Outcome">
                  <span className={`${styles.outcome} ${styles[r.outcome]}`}>
                    {result.dryRun && r.outcome === 'created' ? 'Would create' : outcomeWord[r.outcome]}
                  </span>
                </td>
                <td data-label="Why" className={styles.reason}>
                  {r.reason}
                </td>
              </tr>
            )}
          />
        </section>
      )}
    </div>
  );
}
