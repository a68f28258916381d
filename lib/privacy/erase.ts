// Erasure of one person by an admin: the account is pseudonymised and their own words deleted, their scored practice kept for the statistics (ADR 17).
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attempts, auditLog, decisions, recoveryCodes, reflections, signInFailures, teamManagers, users, xapiOutbox } from '@/db/schema';
import { audit } from '@/lib/audit';
import { endUserSessions } from '@/lib/auth/sessions';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';
import { normalizeEmail } from '@/lib/auth/users';
import { auditAbout, emailHistory, namingEmails } from './about';

export const ERASED_NAME = 'Erased person';
/** Stands where a typed reply was, so a transcript still shows that a reply was typed and how it scored. */
export const ERASED_REPLY = '(reply erased)';

/**
 * The update that takes a typed reply's words away: the text, and the coach's pointers into it.
 * The choice it was heard as, its scores and what the coach found stay, so reports do not change.
 */
export const replyWordsErased = {
  replyText: ERASED_REPLY,
  coach: sql`case when ${decisions.coach} is null then null else jsonb_set(${decisions.coach}, '{findings}', coalesce(
    (select jsonb_agg(f || '{"spans": []}'::jsonb) from jsonb_array_elements(${decisions.coach}->'findings') f), '[]'::jsonb)) end`,
};

/** The address an erased account keeps: unique, and in the `.invalid` domain, which no mail can reach. */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

export function isErased(user: { id: string; email: string }): boolean {
  return user.email === erasedEmail(user.id);
}

export class ErasureError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

export interface Erased {
  repliesErased: number;
  /** xAPI statements about them in the outbox, sent or waiting. */
  statementsDeleted: number;
  reflectionsDeleted: number;
  sessionsEnded: number;
  auditRowsRewritten: number;
  signInFailuresDeleted: number;
  teamsNoLongerManaged: number;
}

/** Replaces, anywhere in an audit row's detail, a string that is exactly one of the person's identifiers. */
function scrub(value: unknown, replace: Map<string, string>): unknown {
  if (typeof value === 'string') return replace.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, replace)]));
  return value;
}

/**
 * Erases a person in one transaction, after the admin has typed their email. Refused for one's
 * own account (another admin must do it, so an organisation is never left without one) and for an
 * account already erased. Audited as `user.erased` with the person's id, never their email.
 */
export async function erasePerson(db: Db, actorId: string, userId: string, confirm: { email: string; ip?: string | null }): Promise<Erased> {
  if (!isUuid(userId)) throw new ErasureError(404, 'No such user.');
  if (actorId === userId) throw new ErasureError(400, 'You cannot erase your own account: another admin has to.');
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!person) throw new ErasureError(404, 'No such user.');
    if (isErased(person)) throw new ErasureError(409, 'This person has already been erased.');
    if (normalizeEmail(confirm.email) !== person.email) {
      throw new ErasureError(400, `To confirm, type the email of the person being erased (${person.email}).`);
    }
    const emails = await emailHistory(tx, person);
    const pseudonym = erasedEmail(person.id);

    // Audit rows first, while their subjects still name the person's emails.
    const replace = new Map<string, string>(emails.map((e) => [e.email, pseudonym]));
    if (person.ssoSubject) replace.set(person.ssoSubject, 'erased');
    const rewritten = new Set<number>();
    const withDetail = await tx
      .select({ id: auditLog.id, detail: auditLog.detail })
      .from(auditLog)
      .where(and(auditAbout(person, emails), isNotNull(auditLog.detail)));
    for (const row of withDetail) {
      const clean = scrub(row.detail, replace) as Record<string, unknown>;
      if (JSON.stringify(clean) === JSON.stringify(row.detail)) continue;
      await tx.update(auditLog).set({ detail: clean }).where(eq(auditLog.id, row.id));
      rewritten.add(row.id);
    }
    const named = await tx.update(auditLog).set({ subject: pseudonym }).where(namingEmails(person, emails)).returning({ id: auditLog.id });
    for (const r of named) rewritten.add(r.id);

    await tx
      .update(users)
      .set({
        name: ERASED_NAME,
        email: pseudonym,
        passwordHash: null,
        ssoIssuer: null,
        ssoSubject: null,
        mustChangePassword: false,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        active: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, person.id));
    const sessionsEnded = await endUserSessions(tx, person.id, 'ended by an admin');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    const failures = await tx
      .delete(signInFailures)
      .where(inArray(signInFailures.email, emails.map((e) => e.email)))
      .returning({ id: signInFailures.id });
    const notes = await tx.delete(reflections).where(eq(reflections.userId, person.id)).returning({ moduleId: reflections.moduleId });
    // Managing is a role, not a record: an erased person is no longer listed as a team's manager.
    const managed = await tx.delete(teamManagers).where(eq(teamManagers.userId, person.id)).returning({ teamId: teamManagers.teamId });
    // The words go; the choice each reply was heard as, its scores and what the coach found (without pointers into the words) stay.
    const replies = await tx
      .update(decisions)
      .set(replyWordsErased)
      .where(and(inArray(decisions.attemptId, tx.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, person.id))), isNotNull(decisions.replyText)))
      .returning({ seq: decisions.seq });

    // Statements about them, sent or waiting, hold their id and their words: none is kept or sent after erasure.
    const statements = await tx
      .delete(xapiOutbox)
      .where(sql`${xapiOutbox.statement}->'actor'->'account'->>'name' = ${person.id}`)
      .returning({ id: xapiOutbox.id });

    const out: Erased = {
      repliesErased: replies.length,
      statementsDeleted: statements.length,
      reflectionsDeleted: notes.length,
      sessionsEnded,
      auditRowsRewritten: rewritten.size,
      signInFailuresDeleted: failures.length,
      teamsNoLongerManaged: managed.length,
    };
    await audit(tx, { action: 'user.erased', actorId, subject: person.id, ip: confirm.ip ?? null, detail: { ...out } });
    return out;
  });
}
