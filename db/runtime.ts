// The app's one database connection per process, shared by the server script and the Next.js bundle.
import { env } from '@/lib/env';
import { openDatabase, type DatabaseHandle, type Db } from './client';

// The server script and the Next.js server bundle load separate copies of this module;
// a global symbol lets both see the one connection (PGlite allows one per directory).
const KEY = Symbol.for('empathy-trainer.database');
type Holder = { opening?: Promise<DatabaseHandle> };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[KEY] = holder;

/** Opens the configured database and migrates it; later calls share the same connection. */
export function runtimeDatabase(): Promise<DatabaseHandle> {
  holder.opening ??= (async () => {
    const e = env();
    const handle = await openDatabase(
      e.DATABASE_URL ? { driver: 'postgres', url: e.DATABASE_URL } : { driver: 'pglite', dir: e.PGLITE_DIR },
    );
    try {
      await handle.migrate();
    } catch (err) {
      await handle.close();
      throw err;
    }
    return handle;
  })();
  const opening = holder.opening;
  // A failed open must not stick: the next request tries again.
  opening.catch(() => {
    if (holder.opening === opening) holder.opening = undefined;
  });
  return opening;
}

export async function getDb(): Promise<Db> {
  return (await runtimeDatabase()).db;
}

export async function closeRuntimeDatabase(): Promise<void> {
  const opening = holder.opening;
  holder.opening = undefined;
  if (opening) await (await opening.catch(() => undefined))?.close();
}
