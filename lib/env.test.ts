import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof EnvError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseEnv', () => {
  it('defaults to embedded PGlite on port 3000 with demo data', () => {
    const e = parseEnv({});
    expect(e.driver).toBe('pglite');
    expect(e.PGLITE_DIR).toBe('.data/pglite');
    expect(e.PORT).toBe(3000);
    expect(e.seedDemo).toBe(true);
    expect(e.oidcEnabled).toBe(false);
    expect(e.SIGNIN_MAX_FAILURES).toBe(10);
    expect(e.SIGNIN_WINDOW_MINUTES).toBe(15);
    expect(e.AUDIT_RETENTION_DAYS).toBe(365);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const e = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/trainer' });
    expect(e.driver).toBe('postgres');
  });

  it('treats empty values as unset', () => {
    const e = parseEnv({ DATABASE_URL: '', PORT: ' ', PGLITE_DIR: '' });
    expect(e.driver).toBe('pglite');
    expect(e.PORT).toBe(3000);
  });

  it('names every bad variable with what is wrong', () => {
    const p = problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', NEXTAUTH_SECRET: 'short' });
    expect(p).toHaveLength(3);
    expect(p.find((x) => x.startsWith('PORT'))).toMatch(/positive whole number, got "abc"/);
    expect(p.find((x) => x.startsWith('DATABASE_URL'))).toMatch(/postgres:\/\//);
    expect(p.find((x) => x.startsWith('NEXTAUTH_SECRET'))).toMatch(/at least 32 characters/);
  });

  it('refuses production on PostgreSQL without a session secret', () => {
    const p = problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/trainer' });
    expect(p).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is required in production/)]);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/trainer', NEXTAUTH_SECRET: 'x'.repeat(32) }),
    ).not.toThrow();
  });

  it('does not seed demo users into a production database unless asked', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/t', NEXTAUTH_SECRET: 'x'.repeat(40) };
    expect(parseEnv(prod).seedDemo).toBe(false);
    expect(parseEnv({ ...prod, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production' }).seedDemo).toBe(true);
  });

  it('needs all three single sign-on settings or none', () => {
    expect(problems({ OIDC_ISSUER: 'https://id.example.com' })[0]).toMatch(/needs all three/);
    const e = parseEnv({ OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'trainer', OIDC_CLIENT_SECRET: 's' });
    expect(e.oidcEnabled).toBe(true);
    expect(e.OIDC_NAME).toBe('Company SSO');
  });

  it('reads flags and limits', () => {
    const e = parseEnv({ TRUST_PROXY: '1', SIGNIN_MAX_FAILURES: '5', SIGNIN_WINDOW_MINUTES: '30' });
    expect(e.TRUST_PROXY).toBe(true);
    expect(e.SIGNIN_MAX_FAILURES).toBe(5);
    expect(e.SIGNIN_WINDOW_MINUTES).toBe(30);
    expect(problems({ TRUST_PROXY: 'maybe' })[0]).toMatch(/^TRUST_PROXY/);
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT must be a port number/);
  });

  it('reads how long audit rows are kept, and refuses a retention that is not a whole number of days', () => {
    expect(parseEnv({ AUDIT_RETENTION_DAYS: '90' }).AUDIT_RETENTION_DAYS).toBe(90);
    expect(problems({ AUDIT_RETENTION_DAYS: '0' })).toEqual(['AUDIT_RETENTION_DAYS must be a positive whole number, got "0"']);
    expect(problems({ AUDIT_RETENTION_DAYS: '1.5' })[0]).toMatch(/^AUDIT_RETENTION_DAYS must be a positive whole number/);
  });

  it('keeps typed replies unless a retention is set, and refuses one that is not a whole number of days', () => {
    expect(parseEnv({}).TYPED_REPLY_RETENTION_DAYS).toBeNull();
    expect(parseEnv({ TYPED_REPLY_RETENTION_DAYS: '' }).TYPED_REPLY_RETENTION_DAYS).toBeNull();
    expect(parseEnv({ TYPED_REPLY_RETENTION_DAYS: '180' }).TYPED_REPLY_RETENTION_DAYS).toBe(180);
    expect(problems({ TYPED_REPLY_RETENTION_DAYS: '-3' })).toEqual(['TYPED_REPLY_RETENTION_DAYS must be a positive whole number, got "-3"']);
  });

  it('reads up to three learning record stores, each complete, and none by default', () => {
    expect(parseEnv({}).lrs).toEqual([]);
    expect(
      parseEnv({ XAPI_LRS_ENDPOINT: 'https://lrs.example.com/xapi/', XAPI_LRS_KEY: 'k', XAPI_LRS_SECRET: 's', XAPI_LRS_3_ENDPOINT: 'http://localhost:8080/data/xAPI', XAPI_LRS_3_KEY: 'k3', XAPI_LRS_3_SECRET: 's3' }).lrs,
    ).toEqual([
      { endpoint: 'https://lrs.example.com/xapi', key: 'k', secret: 's' },
      { endpoint: 'http://localhost:8080/data/xAPI', key: 'k3', secret: 's3' },
    ]);
    expect(problems({ XAPI_LRS_2_ENDPOINT: 'https://lrs.example.com/xapi', XAPI_LRS_2_KEY: 'k' })).toEqual([
      'XAPI_LRS_2_ENDPOINT a learning record store needs all three of XAPI_LRS_2_ENDPOINT, XAPI_LRS_2_KEY and XAPI_LRS_2_SECRET',
    ]);
    expect(problems({ XAPI_LRS_ENDPOINT: 'lrs.example.com', XAPI_LRS_KEY: 'k', XAPI_LRS_SECRET: 's' })[0]).toMatch(/^XAPI_LRS_ENDPOINT must be the learning record store/);
  });
});
