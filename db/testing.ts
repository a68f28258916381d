// Test databases: a fresh migrated PGlite per test file, and a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Driver, type QueryListener } from './client';

/** The drivers the data-layer tests run against: PGlite always, PostgreSQL when CI provides one. */
export const testDrivers: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends DatabaseHandle {
  /** Closes and, for PostgreSQL, drops the database. */
  dispose(): Promise<void>;
  /** A connection URL for a PostgreSQL test database (undefined for PGlite). */
  url?: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(driver: Driver, onQuery?: QueryListener): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', memory: true, onQuery });
    await handle.migrate();
    return { ...handle, dispose: () => handle.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `trainer_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(base, name);
  const handle = await openDatabase({ driver: 'postgres', url, max: 4, onQuery });
  await handle.migrate();
  return {
    ...handle,
    url,
    dispose: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A user row for tests; the password hash is real when a password is given. */
export async function makeUser(
  db: DatabaseHandle['db'],
  fields: { email: string; name?: string; role?: 'learner' | 'manager' | 'admin'; password?: string; active?: boolean },
) {
  const { hashPassword } = await import('@/lib/auth/password');
  const { users } = await import('./schema');
  const [row] = await db
    .insert(users)
    .values({
      email: fields.email,
      name: fields.name ?? fields.email.split('@')[0]!,
      role: fields.role ?? 'learner',
      active: fields.active ?? true,
      passwordHash: fields.password ? await hashPassword(fields.password) : null,
    })
    .returning();
  return row!;
}
