// The test-database lifecycle every data-layer describe block shares, kept apart from db/testing.ts because this needs vitest and e2e imports that.
import { afterAll, beforeAll } from 'vitest';
import type { Db, Driver, QueryListener } from './client';
import { createTestDatabase, makeUser, type TestDatabase } from './testing';

type User = Awaited<ReturnType<typeof makeUser>>;

/**
 * A fresh migrated database for the describe block that calls this: made in a beforeAll registered
 * here (so it runs before the block's own) and disposed after the block. Read `db` in hooks and tests.
 */
export function blockDatabase(driver: Driver, onQuery?: QueryListener): { readonly db: Db } {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(driver, onQuery);
  });
  afterAll(() => handle?.dispose());
  return {
    get db() {
      if (!handle) throw new Error('The test database is made in beforeAll: read it inside a hook or a test.');
      return handle.db;
    },
  };
}

/**
 * Accounts the describe block's tests share, made once in a beforeAll after its database (so
 * after blockDatabase's): read them as `people.learner.id` inside hooks and tests.
 */
export function blockUsers<K extends string>(t: { readonly db: Db }, who: Record<K, Parameters<typeof makeUser>[1]>): Readonly<Record<K, User>> {
  const made = {} as Record<K, User>;
  beforeAll(async () => {
    for (const [key, fields] of Object.entries(who) as [K, Parameters<typeof makeUser>[1]][]) made[key] = await makeUser(t.db, fields);
  });
  return made;
}
