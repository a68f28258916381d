// Reads and changes user accounts; every change that affects access ends the user's sessions.
import { eq, sql } from 'drizzle-orm';
import { prepared, type Db } from '@/db/client';
import { users, type Role, type User } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { hashPassword } from './password';
import { MIN_PASSWORD_LENGTH } from './password-limits';
import { audit } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await prepared(db, 'user_by_id', (d) =>
    d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('user_by_id'),
  ).execute({ id });
  return row;
}

export class UserChangeError extends HttpError {
  constructor(status: 400 | 404, message: string) {
    super(status, message);
  }
}

/** Adds an account; the email must be new. A null password makes a single-sign-on-only account. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; password: string | null; mustChangePassword?: boolean },
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UserChangeError(400, `"${input.email}" is not an email address.`);
  if (!input.name.trim()) throw new UserChangeError(400, 'A name is required.');
  if (input.password !== null && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserChangeError(400, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name.trim(), role: input.role, passwordHash, mustChangePassword: input.mustChangePassword ?? false })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new UserChangeError(400, `There is already an account for ${email}.`);
  return row;
}

export interface AccountChange {
  active?: boolean;
  role?: Role;
}

/**
 * Activates, deactivates or changes the role of an account, in one write that also bumps its
 * session version, so the change applies at the user's very next request on every device.
 */
export async function updateAccount(db: Db, actorId: string, userId: string, change: AccountChange): Promise<User> {
  if (change.active === undefined && change.role === undefined) throw new UserChangeError(400, 'Nothing to change.');
  if (actorId === userId && change.active === false) throw new UserChangeError(400, 'You cannot deactivate your own account.');
  if (actorId === userId && change.role !== undefined) throw new UserChangeError(400, 'You cannot change your own role.');
  if (!isUuid(userId)) throw new UserChangeError(404, 'No such user.');
  const [row] = await db
    .update(users)
    .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new UserChangeError(404, 'No such user.');
  if (change.role !== undefined) {
    await audit(db, { action: 'user.role_changed', actorId, subject: row.email, detail: { role: change.role } });
  }
  if (change.active !== undefined) {
    await audit(db, { action: change.active ? 'user.reactivated' : 'user.deactivated', actorId, subject: row.email });
  }
  return row;
}
