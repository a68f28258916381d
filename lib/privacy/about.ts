// Which audit rows are about one person: the ones they did, and the ones naming any email they have had while it was theirs.
import { and, desc, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

export interface PastEmail {
  email: string;
  /** The audit row that moved the person off this email; rows naming it from then on are someone else's. Null for the current one. */
  until: number | null;
}

/**
 * Every email the person has had, newest first, following the `previousEmail` an email change
 * records. Subjects are emails typed at sign-in or named by an admin, so without the old ones an
 * export would miss, and an erasure would leave, everything before the change.
 */
export async function emailHistory(db: Db, person: { email: string; createdAt: Date }): Promise<PastEmail[]> {
  const changes = await db
    .select({ id: auditLog.id, subject: auditLog.subject, previous: sql<string>`${auditLog.detail}->>'previousEmail'` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'user.updated'), isNotNull(sql`${auditLog.detail}->>'previousEmail'`), gte(auditLog.at, person.createdAt)))
    .orderBy(desc(auditLog.id));
  const history: PastEmail[] = [{ email: person.email, until: null }];
  let current = person.email;
  let before = Number.POSITIVE_INFINITY;
  for (const c of changes) {
    if (c.id >= before || c.subject !== current || history.some((h) => h.email === c.previous)) continue;
    history.push({ email: c.previous, until: c.id });
    current = c.previous;
    before = c.id;
  }
  return history;
}

/** The condition for audit rows about the person: theirs as actor, naming their id, or naming one of their emails while it was theirs. */
export function auditAbout(person: { id: string; createdAt: Date }, emails: PastEmail[]): SQL {
  return or(eq(auditLog.actorId, person.id), eq(auditLog.subject, person.id), namingEmails(person, emails))!;
}

/** Rows whose subject is one of the person's emails, from when the account was made until the email stopped being theirs. */
export function namingEmails(person: { createdAt: Date }, emails: PastEmail[]): SQL {
  return or(
    ...emails.map((e) => and(eq(auditLog.subject, e.email), gte(auditLog.at, person.createdAt), e.until === null ? undefined : lt(auditLog.id, e.until))),
  )!;
}
