import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { matchSsoAccount } from './sso';

const issuer = 'https://idp.example';
const strict = { trustUnverifiedEmail: false };

describe.each(testDrivers)('single sign-on matching on %s', (driver) => {
  const t = blockDatabase(driver);
  beforeAll(async () => {
    for (const email of ['admin@company.example', 'rep@company.example', 'quiet@company.example', 'twin@company.example']) await makeUser(t.db, { email });
    await makeUser(t.db, { email: 'gone@company.example', active: false });
  });

  const refusal = (m: Awaited<ReturnType<typeof matchSsoAccount>>) => ('refused' in m ? m.refused : `matched ${m.user.email}`);

  it('refuses an email the provider has not verified, even one naming an admin, and audits the refusal', async () => {
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'attacker', email: 'admin@company.example', emailVerified: false }, strict))).toBe('UnverifiedEmail');
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'attacker', email: 'admin@company.example' }, strict))).toBe('UnverifiedEmail');
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'attacker', email: 'admin@company.example', emailVerified: 'true' }, strict))).toBe('UnverifiedEmail');
    const [admin] = await t.db.select().from(users).where(eq(users.email, 'admin@company.example'));
    expect(admin!.ssoSubject).toBeNull();
    const refused = await t.db.select().from(auditLog).where(eq(auditLog.action, 'signin.sso_refused'));
    expect(refused).toHaveLength(3);
    expect(refused[0]!.detail).toMatchObject({ subject: 'attacker', reason: 'email not verified' });
  });

  it('links the account on the first verified sign-in, then matches on issuer and subject alone', async () => {
    const first = await matchSsoAccount(t.db, { issuer, subject: 'sub-rep', email: 'Rep@Company.example', emailVerified: true }, strict);
    expect(first).toMatchObject({ linked: true, user: { email: 'rep@company.example', ssoIssuer: issuer, ssoSubject: 'sub-rep' } });
    // The person's address changes at the provider: still the same account.
    const later = await matchSsoAccount(t.db, { issuer, subject: 'sub-rep', email: 'renamed@company.example', emailVerified: true }, strict);
    expect(later).toMatchObject({ linked: false, user: { email: 'rep@company.example' } });
    // Someone else now holds the old address at the provider: the link does not move to them.
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-newcomer', email: 'rep@company.example', emailVerified: true }, strict))).toBe('OtherIdentity');
    // The same subject at another issuer is another identity.
    expect(refusal(await matchSsoAccount(t.db, { issuer: 'https://other-idp.example', subject: 'sub-rep', email: 'rep@company.example', emailVerified: true }, strict))).toBe('OtherIdentity');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.sso_linked'))).toHaveLength(1);
  });

  it('takes a missing claim as checked only when told the provider never sends it; an explicit false never', async () => {
    const trusting = { trustUnverifiedEmail: true };
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-twin', email: 'twin@company.example', emailVerified: false }, trusting))).toBe('UnverifiedEmail');
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-quiet', email: 'quiet@company.example' }, trusting))).toBe('matched quiet@company.example');
  });

  it('refuses unknown and deactivated people, before and after linking', async () => {
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-x', email: 'stranger@company.example', emailVerified: true }, strict))).toBe('NoAccount');
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-gone', email: 'gone@company.example', emailVerified: true }, strict))).toBe('AccountInactive');
    await t.db.update(users).set({ active: false }).where(eq(users.email, 'quiet@company.example'));
    expect(refusal(await matchSsoAccount(t.db, { issuer, subject: 'sub-quiet', email: 'quiet@company.example', emailVerified: true }, strict))).toBe('AccountInactive');
  });
});
