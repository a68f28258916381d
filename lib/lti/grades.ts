// Assignment and Grade Services 2.0: the score of each attempt finished after a graded launch goes back to the platform's gradebook, with retries.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { queryRows, type Db } from '@/db/client';
import { attempts, ltiLaunches, ltiPlatforms, ltiScores } from '@/db/schema';
import { SCORE_SCOPE } from './claims';
import { repeatInBackground } from '@/lib/background';
import { ALG, toolKey } from './keys';

const TIMEOUT_MS = 10_000;
const LEASE_SECONDS = 60;

/**
 * Queues a score for every attempt finished since a graded launch of its scenario (or, for a
 * check-ups link, any check-up), once: the latest such launch names the gradebook column. Read
 * from the attempts rather than written by the decision that finishes one, so the decision path
 * costs nothing extra.
 */
export async function queueOwedScores(db: Db): Promise<number> {
  const rows = await queryRows<{ attempt_id: string }>(
    db,
    sql`insert into ${ltiScores} (attempt_id, launch_id)
        select distinct on (a.id) a.id, l.id
        from ${ltiLaunches} l
        join ${attempts} a on a.user_id = l.user_id and a.status = 'completed' and a.score is not null and a.finished_at >= l.created_at
          and ((l.target_kind = 'scenario' and a.scenario_id = l.target_id) or (l.target_kind = 'checkups' and a.mode = 'checkup'))
        where l.line_item is not null
          and not exists (select 1 from ${ltiScores} s where s.attempt_id = a.id)
        order by a.id, l.created_at desc
        on conflict do nothing
        returning attempt_id`,
  );
  return rows.length;
}

interface Due {
  attempt_id: string;
  score: number;
  finished_at: string | Date;
  line_item: string;
  subject: string;
  platform_id: string;
  client_id: string;
  auth_token_url: string;
}

export type PostScore = (due: Due, token: string) => Promise<void>;
export type GetToken = (platform: { id: string; clientId: string; authTokenUrl: string }) => Promise<string>;

const tokens = new Map<string, { token: string; until: number }>();

/** An access token for the score scope, from the platform's token URL with a client assertion signed by the tool's key (RFC 7523). */
export function tokenGetter(db: Db, sessionSecret: string): GetToken {
  return async (p) => {
    const cached = tokens.get(p.id);
    if (cached && cached.until > Date.now()) return cached.token;
    const key = await toolKey(db, sessionSecret);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: ALG, kid: key.kid })
      .setIssuer(p.clientId)
      .setSubject(p.clientId)
      .setAudience(p.authTokenUrl)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
    const res = await fetch(p.authTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: SCORE_SCOPE,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!res.ok || !body.access_token) throw new Error(`the platform's token URL answered ${res.status}`);
    tokens.set(p.id, { token: body.access_token, until: Date.now() + Math.max(30, (body.expires_in ?? 3600) - 60) * 1000 });
    return body.access_token;
  };
}

/** The line item's scores endpoint: `/scores` goes on the path, before any query string. */
export function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/$/, '')}/scores`;
  return u.toString();
}

export const postScore: PostScore = async (due, token) => {
  const res = await fetch(scoresUrl(due.line_item), {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.ims.lis.v1.score+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      userId: due.subject,
      scoreGiven: due.score,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: new Date(due.finished_at).toISOString(),
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`the gradebook answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
};

/** Sends every due score, one at a time; a failure waits with back-off (5 s doubling to an hour) and the rest go on. */
export async function sendDueScores(db: Db, getToken: GetToken, post: PostScore = postScore): Promise<{ sent: number; failed: number }> {
  const due = await queryRows<Due>(
    db,
    sql`with leased as (
          update ${ltiScores} set next_try_at = now() + make_interval(secs => ${LEASE_SECONDS})
          where attempt_id in (select attempt_id from ${ltiScores} where sent_at is null and next_try_at <= now() order by next_try_at limit 50 for update skip locked)
          returning attempt_id, launch_id)
        select a.id as attempt_id, a.score, a.finished_at, l.line_item, l.subject, p.id as platform_id, p.client_id, p.auth_token_url
        from leased join ${attempts} a on a.id = leased.attempt_id join ${ltiLaunches} l on l.id = leased.launch_id join ${ltiPlatforms} p on p.id = l.platform_id`,
  );
  let sent = 0;
  let failed = 0;
  for (const d of due) {
    try {
      await post(d, await getToken({ id: d.platform_id, clientId: d.client_id, authTokenUrl: d.auth_token_url }));
      await db.execute(sql`update ${ltiScores} set sent_at = now(), last_error = null, tries = tries + 1 where attempt_id = ${d.attempt_id}`);
      sent++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await db.execute(
        sql`update ${ltiScores} set tries = tries + 1, last_error = ${message.slice(0, 500)},
              next_try_at = now() + make_interval(secs => least(3600, 5 * power(2, least(tries, 12))))
            where attempt_id = ${d.attempt_id}`,
      );
      failed++;
    }
  }
  return { sent, failed };
}

/** Queues and sends owed scores now and every few seconds. Returns a stop function. */
export function startGradeSender(db: () => Promise<Db>, sessionSecret: string, everyMs = 5_000): () => void {
  return repeatInBackground('LTI: returning scores to the gradebook', everyMs, async () => {
    const handle = await db();
    await queueOwedScores(handle);
    await sendDueScores(handle, tokenGetter(handle, sessionSecret));
  });
}
