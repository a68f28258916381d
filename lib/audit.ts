// Writes the audit trail: sign-ins, sign-outs, failed sign-ins, denied access, account changes.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';

export type AuditAction =
  | 'signin'
  | 'signin.failed'
  | 'signin.limited'
  | 'signin.sso_refused'
  | 'user.sso_linked'
  | 'user.password_changed'
  | 'user.two_step_enabled'
  | 'user.two_step_disabled'
  | 'user.recovery_codes_replaced'
  | 'user.two_step_reset'
  | 'signout'
  | 'access.denied'
  | 'access.not_found'
  | 'learner.viewed'
  | 'transcript.viewed'
  | 'team.exported'
  | 'session.revoked'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.role_changed'
  | 'user.created'
  | 'user.updated'
  | 'user.data_exported'
  | 'user.erased'
  | 'users.imported'
  | 'team.created'
  | 'team.renamed'
  | 'team.deleted'
  | 'team.member_added'
  | 'team.member_removed'
  | 'team.manager_added'
  | 'team.manager_removed'
  | 'checkup.plan_created'
  | 'checkup.plan_stopped'
  | 'demo.removed'
  | 'lti.platform_registered'
  | 'lti.platform_removed'
  | 'lti.launched'
  | 'lti.refused'
  | 'scorm.package_exported'
  | 'scorm.package_revoked'
  | 'scorm.launched'
  | 'scorm.refused'
  | 'studio.created'
  | 'studio.published'
  | 'studio.rolled_back';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
  /** When it happened, if not now (a caller working on a clock of its own, as the sign-in limits do). */
  at?: Date;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

/**
 * A signed-in person asked for something that exists but is not theirs, and was told it does not
 * exist (the 404 keeps ids from being probed; this row lets an admin see the probing).
 */
export async function auditNotFound(db: Db, actorId: string, subject: string, why: string): Promise<void> {
  await audit(db, { action: 'access.not_found', actorId, subject, detail: { why } });
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  subject: string | null;
  ip: string | null;
}

/** The newest audit entries, for the admin's activity list. */
export async function recentAudit(db: Db, limit = 50): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: users.name,
      subject: auditLog.subject,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
