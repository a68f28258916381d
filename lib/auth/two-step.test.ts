// Two-step sign-in against a real database: setting up, codes spent once, recovery codes, the secret sealed at rest.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recoveryCodes, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { codeAt, confirmEnrolment, disableTwoStep, RECOVERY_CODE_COUNT, startEnrolment, twoStepKey, twoStepStatus, verifySecondFactor } from './two-step';

const key = twoStepKey('a session secret of at least thirty-two characters');
const t0 = new Date('2026-12-06T10:00:05Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(testDrivers)('two-step sign-in on %s', (driver) => {
  const t = blockDatabase(driver);

  const row = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;

  it('sets up with a first code, returns ten distinct recovery codes once, and keeps only hashes and a sealed secret', async () => {
    const u = await makeUser(t.db, { email: 'ade@example.com' });
    const enrolment = await startEnrolment(t.db, key, u);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Empathy%20Trainer:ade%40example\.com\?.*secret=/);
    expect(enrolment.key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const stored = (await row(u.id)).totpSecret!;
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain(enrolment.key.replace(/ /g, ''));
    expect(await twoStepStatus(t.db, u.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });

    await expect(confirmEnrolment(t.db, key, u.id, '000000', t0)).rejects.toThrow('That code is not right');
    const codes = await confirmEnrolment(t.db, key, u.id, codeAt(enrolment.key, t0), t0);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    expect(hashes.map((h) => h.codeHash).some((h) => codes.some((c) => h.includes(c.replace('-', ''))))).toBe(false);
    expect(await twoStepStatus(t.db, u.id)).toEqual({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    await expect(startEnrolment(t.db, key, u)).rejects.toThrow('already on');
  });

  it('accepts a code once: the confirming code, a replay and an older code are refused; the next step’s code works', async () => {
    const u = await makeUser(t.db, { email: 'bea@example.com' });
    const { key: secret } = await startEnrolment(t.db, key, u);
    const first = codeAt(secret, t0);
    await confirmEnrolment(t.db, key, u.id, first, t0);
    const fresh = await row(u.id);
    expect(await verifySecondFactor(t.db, key, fresh, first, later(10))).toBeNull();
    const next = codeAt(secret, later(30));
    expect(await verifySecondFactor(t.db, key, fresh, next, later(31))).toBe('code');
    expect(await verifySecondFactor(t.db, key, fresh, next, later(40))).toBeNull();
    // One step of clock drift either way is allowed; two is not.
    expect(await verifySecondFactor(t.db, key, fresh, codeAt(secret, later(120)), later(90))).toBe('code');
    expect(await verifySecondFactor(t.db, key, fresh, codeAt(secret, later(300)), later(180))).toBeNull();
  });

  it('lets two requests racing with one code spend it only once', async () => {
    const u = await makeUser(t.db, { email: 'cy@example.com' });
    const { key: secret } = await startEnrolment(t.db, key, u);
    await confirmEnrolment(t.db, key, u.id, codeAt(secret, t0), t0);
    const fresh = await row(u.id);
    const code = codeAt(secret, later(60));
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(t.db, key, fresh, code, later(61))));
    expect(results.filter((r) => r === 'code')).toHaveLength(1);
  });

  it('accepts each recovery code once, however it is typed, and counts what is left', async () => {
    const u = await makeUser(t.db, { email: 'dee@example.com' });
    const { key: secret } = await startEnrolment(t.db, key, u);
    const codes = await confirmEnrolment(t.db, key, u.id, codeAt(secret, t0), t0);
    const fresh = await row(u.id);
    expect(await verifySecondFactor(t.db, key, fresh, ` ${codes[3]!.toUpperCase().replace('-', ' ')} `, later(5))).toBe('recovery code');
    expect(await verifySecondFactor(t.db, key, fresh, codes[3]!, later(6))).toBeNull();
    expect(await verifySecondFactor(t.db, key, fresh, 'abcde-fghjk', later(7))).toBeNull();
    expect(await twoStepStatus(t.db, u.id)).toEqual({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });
  });

  it('cannot read a secret sealed under another key, and turning off removes the secret and the codes', async () => {
    const u = await makeUser(t.db, { email: 'eli@example.com' });
    const { key: secret } = await startEnrolment(t.db, key, u);
    await confirmEnrolment(t.db, key, u.id, codeAt(secret, t0), t0);
    await expect(verifySecondFactor(t.db, twoStepKey('another secret, also thirty-two characters long'), await row(u.id), codeAt(secret, later(30)), later(30))).rejects.toThrow();
    await disableTwoStep(t.db, u.id);
    expect(await row(u.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await twoStepStatus(t.db, u.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect(await verifySecondFactor(t.db, key, await row(u.id), codeAt(secret, later(60)), later(60))).toBeNull();
  });
});
