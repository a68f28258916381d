// The studio: every scenario and persona, shipped or written here, and where new ones start (a copy of a shipped one, or a file from git).
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/guards';
import { dateTime } from '@/lib/format';
import { authoringRoles } from '@/lib/roles';
import { segmentOf } from '@/lib/studio/documents';
import { studioOverview, type StudioRow } from '@/lib/studio/overview';
import { Table, type Column } from '@/app/_components/Table';
import { ImportForm } from './ImportForm';
import { NewDocumentForm } from './NewDocumentForm';
import { StatusPill } from './StatusPill';
import styles from './studio.module.css';

export const metadata: Metadata = { title: 'Studio' };

const columns = (noun: string): Column<StudioRow>[] => [
  { label: noun, cell: (r) => <Link href={`/studio/${segmentOf(r.kind)}/${r.id}`}>{r.title}</Link> },
  { label: 'Id', cell: (r) => <code>{r.id}</code> },
  { label: 'Status', cell: (r) => <StatusPill status={r.status} version={r.version} /> },
  { label: 'Last edit', cell: (r) => (r.updatedAt ? `${dateTime(r.updatedAt)} UTC${r.updatedBy ? ` by ${r.updatedBy}` : ''}` : '—') },
  {
    label: 'Lint',
    cell: (r) =>
      r.source === 'shipped' ? (
        <span className="muted">Checked with the course</span>
      ) : r.problems === 0 ? (
        <span className={styles.clean}>No problems</span>
      ) : (
        <span className={styles.dirty}>
          {r.problems} problem{r.problems === 1 ? '' : 's'}
        </span>
      ),
  },
];

export default async function StudioPage() {
  const { db } = await requirePageUser('/studio', authoringRoles);
  const { scenarios, personas } = await studioOverview(db);
  const shipped = (rows: StudioRow[]) => rows.filter((r) => r.source === 'shipped').map((r) => ({ id: r.id, title: r.title }));
  const mine = (rows: StudioRow[]) => rows.filter((r) => r.source === 'studio');
  return (
    <section className="stack">
      <h1>Studio</h1>
      <p className="lead">
        Write role-plays about your own products, policies and customers. The checker reads every line as you type, the map shows where each reply
        leads, and a scenario can be published only once no strategy that ignores the customer passes it.
      </p>

      <h2 id="scenarios-heading">Scenarios written here</h2>
      <Table labelledBy="scenarios-heading" columns={columns('Scenario')} rows={mine(scenarios)} rowKey={(r) => r.id} empty="None yet: start one from a shipped scenario, or import a file." />
      <div className={styles.twoUp}>
        <NewDocumentForm kind="scenario" templates={shipped(scenarios)} />
        <ImportForm />
      </div>
      <details className={styles.shipped}>
        <summary>Scenarios shipped with the course ({shipped(scenarios).length})</summary>
        <Table caption="Scenarios shipped with the course" columns={columns('Scenario').slice(0, 2)} rows={scenarios.filter((r) => r.source === 'shipped')} rowKey={(r) => r.id} empty="None." />
      </details>

      <h2 id="personas-heading">Personas written here</h2>
      <p className="muted">The customers scenarios feature. A scenario can use a persona written here once that persona is published.</p>
      <Table labelledBy="personas-heading" columns={columns('Persona')} rows={mine(personas)} rowKey={(r) => r.id} empty="None yet." />
      <NewDocumentForm kind="persona" templates={shipped(personas)} />
      <details className={styles.shipped}>
        <summary>Personas shipped with the course ({shipped(personas).length})</summary>
        <Table caption="Personas shipped with the course" columns={columns('Persona').slice(0, 2)} rows={personas.filter((r) => r.source === 'shipped')} rowKey={(r) => r.id} empty="None." />
      </details>
    </section>
  );
}
