// Readiness: whether this instance can serve real requests, which means reaching its database within a bound.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/runtime';

export const READY_TIMEOUT_MS = 2000;

/** 200 when one trivial query comes back in time; 503 with the reason otherwise, so a load balancer routes around it. */
export async function readiness(db: () => Promise<Db> = getDb, timeoutMs = READY_TIMEOUT_MS): Promise<Response> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db().then((d) => d.execute(sql`select 1`)), late]);
    return Response.json({ ok: true, database: 'up', ms: Math.round(performance.now() - started) }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return Response.json({ ok: false, database: 'down', error: `The database cannot be reached: ${(e as Error).message.split('\n')[0]}` }, { status: 503, headers: { 'cache-control': 'no-store' } });
  } finally {
    clearTimeout(timer);
  }
}
