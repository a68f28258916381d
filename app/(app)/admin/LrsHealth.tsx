// The xAPI outbox as an admin needs to see it: per learning record store, what waits, what fails and why.
import { Table } from '@/app/_components/Table';
import { day, count } from '@/lib/format';
import type { OutboxHealth } from '@/lib/xapi/outbox';

export function LrsHealth({ stores }: { stores: OutboxHealth[] }) {
  return (
    <section className="card" aria-labelledby="lrs-title">
      <h2 id="lrs-title" className="card-title">
        Learning record stores
      </h2>
      <p>Statements wait here until their store takes them; a store that is down is tried again, less often the longer it stays down.</p>
      <Table
        labelledBy="lrs-title"
        phone="stack"
        columns={['Store', 'Waiting', 'Failing', 'Sent', 'Oldest waiting', 'Last error']}
        rows={stores}
        empty="Nothing has been queued yet: statements appear here once learners play, read or answer."
        row={(s) => (
          <tr key={s.lrs}>
            <td data-label="Store">{new URL(s.lrs).host}</td>
            <td data-label="Waiting">{count(s.pending)}</td>
            <td data-label="Failing">{count(s.failing)}</td>
            <td data-label="Sent">{count(s.sent)}</td>
            <td data-label="Oldest waiting">{s.oldestPending ? day(s.oldestPending) : '—'}</td>
            <td data-label="Last error">{s.lastError ?? '—'}</td>
          </tr>
        )}
      />
    </section>
  );
}
