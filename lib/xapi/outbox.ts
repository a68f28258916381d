// The xAPI outbox: statements queued in the same SQL statement as the decision they describe, then sent to each learning record store with retries.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Writer } from '@/db/client';
import { xapiOutbox } from '@/db/schema';
import { appBaseUrl, env } from '@/lib/env';
import type { Source, Statement } from './statements';

export interface Lrs {
  endpoint: string;
  key: string;
  secret: string;
}

/** Where statements go and what names their activities, from the settings; null while no store is configured. */
export function xapiSettings(): { stores: Lrs[]; source: Source } | null {
  const e = env();
  if (e.lrs.length === 0) return null;
  return { stores: e.lrs, source: { base: appBaseUrl(e) } };
}

/**
 * A CTE that queues the statements for every store, but only if the CTE named `after` wrote a row:
 * a decision refused by the session check or lost to a race queues nothing. Appended to the
 * decision's one statement, so the decision and its statements commit or fail together.
 */
export function queueAfter(after: string, stores: Lrs[], statements: Statement[]): SQL {
  const rows = stores.flatMap((s) => statements.map((st) => ({ lrs: s.endpoint, sid: st.id, st })));
  return sql`, queued as (
      insert into ${xapiOutbox} (lrs, statement_id, statement)
      select x.lrs, x.sid::uuid, x.st from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(lrs text, sid text, st jsonb)
      where exists (select 1 from ${sql.raw(after)})
      on conflict do nothing
    )`;
}


/** Queues statements for events outside a decision (an attempt launched, a module completed, a check-up assigned). */
export async function queueStatements(db: Writer, statements: Statement[]): Promise<void> {
  const settings = xapiSettings();
  if (!settings || statements.length === 0) return;
  await db
    .insert(xapiOutbox)
    .values(settings.stores.flatMap((s) => statements.map((st) => ({ lrs: s.endpoint, statementId: st.id, statement: st as unknown as Record<string, unknown> }))))
    .onConflictDoNothing();
}

// How long a claimed batch is reserved for the instance sending it before another may try.
const LEASE_SECONDS = 60;
const BATCH = 50;
export type Send = (store: Lrs, statements: Statement[]) => Promise<void>;

/** Thrown by a sender for a store's answer: `status` decides whether the batch is done (a 409 means stored already). */
export class LrsError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends what is due to one store, a batch at a time, until nothing is due or a batch fails.
 * Rows are leased with `for update skip locked`, so two instances never send the same row at once;
 * a statement the store already holds is a no-op there (its id is derived from the event).
 */
export async function drainStore(db: Db, store: Lrs, send: Send, now = () => new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await queryRows<{ id: number; statement: Statement; tries: number }>(
      db,
      sql`update ${xapiOutbox} set next_try_at = ${now()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
          where id in (
            select id from ${xapiOutbox}
            where lrs = ${store.endpoint} and sent_at is null and next_try_at <= ${now()}
            order by id limit ${BATCH} for update skip locked)
          returning id, statement, tries`,
    );
    if (batch.length === 0) return { sent, failed };
    batch.sort((a, b) => a.id - b.id);
    const ids = `{${batch.map((b) => b.id).join(',')}}`;
    try {
      await send(store, batch.map((b) => b.statement));
      await db.execute(sql`update ${xapiOutbox} set sent_at = ${now()}, last_error = null, tries = tries + 1 where id = any(${ids}::bigint[])`);
      sent += batch.length;
    } catch (e) {
      // The wait doubles from 5 s to at most an hour, so a store that is down for a day costs a few requests an hour.
      const message = e instanceof Error ? e.message : String(e);
      await db.execute(
        sql`update ${xapiOutbox} set tries = tries + 1, last_error = ${message.slice(0, 500)},
              next_try_at = ${now()}::timestamptz + make_interval(secs => least(3600, 5 * power(2, least(tries, 12))))
            where id = any(${ids}::bigint[])`,
      );
      failed += batch.length;
      return { sent, failed };
    }
  }
}

export interface OutboxHealth {
  lrs: string;
  pending: number;
  /** Pending statements that have failed at least once. */
  failing: number;
  sent: number;
  oldestPending: Date | null;
  lastError: string | null;
}

/** The queue as an admin sees it, per store. One query. */
export async function outboxHealth(db: Db): Promise<OutboxHealth[]> {
  const rows = await queryRows<{ lrs: string; pending: number; failing: number; sent: number; oldest: string | Date | null; lastError: string | null }>(
    db,
    sql`select lrs,
          count(*) filter (where sent_at is null)::int as pending,
          count(*) filter (where sent_at is null and tries > 0)::int as failing,
          count(*) filter (where sent_at is not null)::int as sent,
          min(created_at) filter (where sent_at is null) as oldest,
          (array_agg(last_error order by id desc) filter (where last_error is not null and sent_at is null))[1] as "lastError"
        from ${xapiOutbox} group by lrs order by lrs`,
  );
  return rows.map((r) => ({ lrs: r.lrs, pending: r.pending, failing: r.failing, sent: r.sent, oldestPending: r.oldest ? new Date(r.oldest) : null, lastError: r.lastError }));
}
