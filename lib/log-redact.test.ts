import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { redactConsole, redactForLog } from './log-redact';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$not-a-real-but-secret-hash';

describe.each(testDrivers)('a failed query logged on %s', (driver) => {
  const t = blockDatabase(driver);
  let failure: unknown;
  beforeAll(async () => {
    await makeUser(t.db, { email: 'taken@example.com' });
    failure = await t.db
      .insert(users)
      .values({ email: 'taken@example.com', name: 'Second', passwordHash: HASH })
      .then(() => undefined, (e: unknown) => e);
  });

  it('carries the hash and the email before redaction, and neither after, keeping the query and the reason', () => {
    expect(inspect(failure, { depth: 5 })).toContain(HASH);
    const logged = inspect(redactForLog(failure), { depth: 5 });
    expect(logged).not.toContain(HASH);
    expect(logged).not.toContain('taken@example.com');
    expect(logged).toContain('params: [redacted]');
    expect(logged).toMatch(/insert into "users"/);
    expect(logged).toMatch(/23505|duplicate key/);
  });

  it('redacts what console.error is given once the server has wrapped it', () => {
    const lines: string[] = [];
    const sink = { error: (...a: unknown[]) => lines.push(a.map((x) => inspect(x, { depth: 5 })).join(' ')), warn: () => {} };
    redactConsole(sink);
    sink.error('A page failed:', failure);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('A page failed:');
    expect(lines[0]).not.toContain(HASH);
  });
});
