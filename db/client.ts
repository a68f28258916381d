// Opens the database: embedded PGlite in a data directory by default, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { DataDirError, lockDataDir } from './lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: for writes that belong in the transaction of the change they go with. */
export type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type Driver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  driver: Driver;
  /** Where the data lives, safe to print (never a password). */
  where: string;
  /** Brings the schema up to date from db/migrations. */
  migrate(migrationsFolder?: string): Promise<void>;
  close(): Promise<void>;
}

/** Called with each statement's SQL: lets benchmarks and tests count a page's queries. */
export type QueryListener = (sql: string) => void;

export type DatabaseTarget =
  | { driver: 'pglite'; dir: string; onQuery?: QueryListener }
  | { driver: 'pglite'; memory: true; onQuery?: QueryListener }
  | { driver: 'postgres'; url: string; max?: number; onQuery?: QueryListener };

const loggerFor = (onQuery?: QueryListener) => (onQuery ? { logQuery: (q: string) => onQuery(q) } : undefined);

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** host:port of a connection URL, for messages that must never show the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function openPglite(target: ({ dir: string } | { memory: true }) & { onQuery?: QueryListener }): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  if ('memory' in target) {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema, logger: loggerFor(target.onQuery) });
    return {
      db: db as unknown as Db,
      driver: 'pglite',
      where: 'memory',
      migrate: (folder = MIGRATIONS_DIR) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const dir = path.resolve(target.dir);
  const release = lockDataDir(dir, {
    onLost: (by) => {
      // Another process holds the directory now; two writers would corrupt it. Stop at once.
      console.error(`✖ Lost the lock on ${dir}${by ? ` to process ${by.pid} on ${by.host}` : ''}. Stopping so two processes never write to one database.`);
      process.exit(70);
    },
  });
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (e) {
    release();
    throw new DataDirError(`Cannot open the PGlite database in ${dir}: ${(e as Error).message}`);
  }
  const db = drizzlePglite(client, { schema, logger: loggerFor(target.onQuery) });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    where: dir,
    migrate: (folder = MIGRATIONS_DIR) => migratePglite(db, { migrationsFolder: folder }),
    close: async () => {
      try {
        await client.close();
        // PGlite's own fsync calls do nothing on Node (see README, "Durability"): flush the files
        // ourselves, so a clean stop is on disk before a power cut can take it.
        syncTree(dir);
      } finally {
        release();
      }
    },
  };
}

/** fsyncs every file under `dir`, then the directories, so names and contents are both on disk. */
export function syncTree(dir: string): number {
  let files = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const fd = fs.openSync(p, 'r');
        try {
          fs.fsyncSync(fd);
          files++;
        } finally {
          fs.closeSync(fd);
        }
      }
    }
    const fd = fs.openSync(d, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  };
  walk(dir);
  return files;
}

const networkProblems: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening on that port',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
};

/** A readable reason for a failed connection; PostgreSQL's own messages never contain the password. */
function connectionProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code && networkProblems[err.code]) return `${networkProblems[err.code]} (${err.code})`;
  return err.message || String(err.code ?? 'unknown error');
}

async function openPostgres(url: string, max = 10, onQuery?: QueryListener): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', (e) => console.error(`PostgreSQL connection error: ${e.message}`));
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at ${describeUrl(url)}: ${connectionProblem(e)}. Check that the server is running, and the host, port, user, password and database name in DATABASE_URL.`,
    );
  }
  return {
    db: drizzlePg(pool, { schema, logger: loggerFor(onQuery) }) as unknown as Db,
    driver: 'postgres',
    where: describeUrl(url),
    migrate: (folder = MIGRATIONS_DIR) => migratePostgres(pool, folder),
    close: () => pool.end(),
  };
}

// Arbitrary but fixed: serialises migrations when several app instances start at once.
const MIGRATION_LOCK_KEY = 727_431_001;

async function migratePostgres(pool: pg.Pool, migrationsFolder: string): Promise<void> {
  // Advisory locks belong to a connection, so lock, migrate and unlock on the same one.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

export function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === 'postgres') return openPostgres(target.url, target.max, target.onQuery);
  return openPglite(target);
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built once per database handle and prepared under `name`: the hottest reads (the
 * session's user, the attempt being played) skip query building on every request, and PostgreSQL
 * parses and plans them once per connection.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = preparedByDb.get(db);
  if (!byName) preparedByDb.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (!statement) byName.set(name, (statement = build(db)));
  return statement;
}
