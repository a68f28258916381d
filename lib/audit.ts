// Writes the audit trail: sign-ins, sign-outs, failed sign-ins, denied access, account changes.
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditAction =
  | 'signin'
  | 'signin.failed'
  | 'signin.limited'
  | 'signout'
  | 'access.denied'
  | 'session.revoked'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.role_changed';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  });
}
