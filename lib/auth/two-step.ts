// Two-step sign-in: authenticator-app codes (TOTP, RFC 6238) with one-time recovery codes, the secret encrypted at rest.
import crypto from 'node:crypto';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
import { HttpError } from '@/lib/http-error';
import { derivedKey, seal, unseal } from './seal';

export const ISSUER = 'Empathy Trainer';
const PERIOD = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

export class TwoStepError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

/**
 * The key that seals authenticator secrets and peppers recovery-code hashes, derived from the
 * session secret so there is no second secret to lose. Rotating NEXTAUTH_SECRET therefore
 * means everyone sets up two-step sign-in again (ADR 18).
 */
export function twoStepKey(sessionSecret: string): Buffer {
  return derivedKey(sessionSecret, 'two-step secrets v1');
}

function totpFor(base32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(base32) });
}

/** The time step a code belongs to, if it is right for `now` give or take one step of clock drift. */
function matchingStep(base32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

export interface Enrolment {
  /** The otpauth:// address an authenticator app reads from the QR code. */
  uri: string;
  /** The same secret to type in by hand, in groups of four. */
  key: string;
}

/** Starts (or restarts) setting up: a fresh secret, stored sealed and pending until a code confirms it. */
export async function startEnrolment(db: Db, key: Buffer, user: { id: string; email: string }): Promise<Enrolment> {
  const secret = new Secret({ size: 20 });
  const rows = await db
    .update(users)
    .set({ totpSecret: seal(key, secret.base32), totpLastStep: null })
    .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (rows.length === 0) throw new TwoStepError(409, 'Two-step sign-in is already on. Turn it off first to move it to another device.');
  return { uri: totpFor(secret.base32, user.email).toString(), key: secret.base32.replace(/(.{4})/g, '$1 ').trim() };
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten characters from a 31-letter alphabet (about 50 bits), shown as two groups of five. */
function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashRecoveryCode(key: Buffer, code: string): string {
  return crypto.createHmac('sha256', key).update(normalizeRecoveryCode(code)).digest('hex');
}

/** Replaces a person's recovery codes with a fresh set, returned once in plain text and kept only as hashes. */
export async function replaceRecoveryCodes(db: Db, key: Buffer, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(key, c) })));
  });
  return codes;
}

/** Confirms the pending secret with a first code; two-step sign-in is on from then, and the recovery codes are returned once. */
export async function confirmEnrolment(db: Db, key: Buffer, userId: string, code: string, now = new Date()): Promise<string[]> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!row) throw new TwoStepError(404, 'No such user.');
  if (row.enabledAt) throw new TwoStepError(409, 'Two-step sign-in is already on.');
  if (!row.secret) throw new TwoStepError(400, 'Start setting up two-step sign-in first.');
  const step = matchingStep(unseal(key, row.secret), code.replace(/\s/g, ''), now);
  if (step === null) throw new TwoStepError(400, 'That code is not right. Check the time on your phone and enter the code showing now.');
  const enabled = await db
    .update(users)
    .set({ totpEnabledAt: now, totpLastStep: step })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, row.secret)))
    .returning({ id: users.id });
  if (enabled.length === 0) throw new TwoStepError(409, 'Two-step sign-in changed in another window. Reload and try again.');
  return replaceRecoveryCodes(db, key, userId);
}

export async function disableTwoStep(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  });
}

export type SecondFactor = 'code' | 'recovery code';

/**
 * Checks a code at sign-in: an authenticator code not used before (the step only moves forward,
 * in one conditional write, so two requests cannot both spend it), or an unused recovery code,
 * crossed off in the same way.
 */
export async function verifySecondFactor(
  db: Db,
  key: Buffer,
  user: { id: string; totpSecret: string | null },
  code: string,
  now = new Date(),
): Promise<SecondFactor | null> {
  if (!user.totpSecret) return null;
  const compact = code.replace(/\s/g, '');
  const step = matchingStep(unseal(key, user.totpSecret), compact, now);
  if (step !== null) {
    const moved = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return moved.length > 0 ? 'code' : null;
  }
  if (normalizeRecoveryCode(compact).length !== 10) return null;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(key, compact)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? 'recovery code' : null;
}

export interface TwoStepStatus {
  enabled: boolean;
  /** Unused recovery codes left. */
  recoveryCodesLeft: number;
}

export async function twoStepStatus(db: Db, userId: string): Promise<TwoStepStatus> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(row?.enabledAt), recoveryCodesLeft: left?.n ?? 0 };
}

/** For tests and the end-to-end journeys: the code an authenticator would show for `key` at `now`. */
export function codeAt(base32Key: string, now: Date): string {
  return totpFor(base32Key.replace(/\s/g, ''), '').generate({ timestamp: now.getTime() });
}

