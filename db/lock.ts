// An exclusive lock on a PGlite data directory (PGlite allows one process per directory), safe across hosts sharing a volume.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'trainer.lock';

// What a lock must say to be judged by its holder; the rest may be missing from an older version's lock.
const LockInfo = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string().default(''),
  command: z.string().default(''),
  /** Names this holder whatever its pid and host: containers on one volume can share both. */
  token: z.string().default(''),
});
type LockInfo = z.infer<typeof LockInfo>;

/** How often a holder shows it is alive by touching the lock file. */
export const HEARTBEAT_MS = 5_000;
/**
 * A lock from another host (a second container on a shared volume) cannot be checked by pid, so
 * it is judged by its heartbeat: untouched for this long, its holder is taken to be gone.
 */
export const STALE_MS = 30_000;

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's holder, or undefined for a file that is missing or not a lock this code wrote. */
function readLock(file: string): LockInfo | undefined {
  try {
    return LockInfo.safeParse(JSON.parse(fs.readFileSync(file, 'utf8'))).data;
  } catch {
    return undefined;
  }
}

/**
 * Creates the lock file whole or not at all: written aside, then linked into place (which fails
 * if the file exists), so no one ever reads a lock half-written and judges it unreadable.
 */
function createLock(file: string, mine: LockInfo): void {
  const draft = `${file}.new-${mine.token}`;
  fs.writeFileSync(draft, JSON.stringify(mine));
  try {
    fs.linkSync(draft, file);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function ageMs(file: string, now: number): number | undefined {
  try {
    return now - fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why a lock's holder still counts as alive, or undefined when the lock is stale. */
function liveHolder(file: string, holder: LockInfo | undefined, me: LockInfo, now: number): string | undefined {
  if (!holder || holder.token === me.token) return undefined;
  if (holder.host === me.host) {
    // Same machine: the pid answers. Our own pid in someone else's lock is a previous life of this container.
    if (holder.pid !== me.pid && alive(holder.pid)) return `process ${holder.pid} (${holder.command || 'node'}, started ${holder.startedAt})`;
    return undefined;
  }
  const age = ageMs(file, now);
  if (age !== undefined && age < STALE_MS) {
    return `process ${holder.pid} on host ${holder.host} (${holder.command || 'node'}, started ${holder.startedAt}, last seen ${Math.max(0, Math.round(age / 1000))} s ago)`;
  }
  return undefined;
}

/**
 * Moves a stale lock out of the way. The rename succeeds for one process only, so two processes
 * that both judged the lock stale cannot both remove it (and one of them remove the other's new
 * lock). If what was moved turns out not to be the stale lock judged (it was replaced meanwhile),
 * it is put back.
 */
function clearStale(file: string, judged: LockInfo | undefined, me: LockInfo): void {
  const aside = `${file}.stale-${me.token}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readLock(aside);
  if (judged && moved && moved.token !== judged.token) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone has already locked again: their lock stands, and the loop reads it.
    }
  }
  fs.rmSync(aside, { force: true });
}

export interface LockOptions {
  /**
   * Called if another process has replaced this lock while it was held (a clock or heartbeat
   * failure): two writers would corrupt the database, so the server stops (db/client.ts).
   */
  onLost?: (by: LockInfo | undefined) => void;
  heartbeatMs?: number;
  /** For tests: runs between judging a lock stale and clearing it, where another process could act. */
  beforeTakeover?: () => void;
}

/**
 * Checks that `dir` can hold a PGlite database (creating it if missing) and takes the lock, then
 * keeps touching it while held. Returns a release function. Throws a DataDirError naming the path
 * on every refusal.
 */
export function lockDataDir(dir: string, options: LockOptions = {}): () => void {
  const abs = path.resolve(dir);
  try {
    fs.mkdirSync(abs, { recursive: true });
  } catch (e) {
    throw new DataDirError(
      `Cannot create the data directory ${abs}: ${(e as Error).message}. Set PGLITE_DIR to a writable directory.`,
    );
  }
  try {
    fs.accessSync(abs, fs.constants.W_OK | fs.constants.R_OK);
  } catch {
    throw new DataDirError(
      `The data directory ${abs} is not writable by this user. Fix its permissions or set PGLITE_DIR to another directory.`,
    );
  }
  const entries = fs.readdirSync(abs).filter((f) => !f.startsWith(LOCK_FILE) && f !== SECRET_FILE);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DataDirError(
      `${abs} is not a PGlite data directory (it holds other files and no PG_VERSION). Point PGLITE_DIR at an empty or PGlite directory.`,
    );
  }

  const file = path.join(abs, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    token: crypto.randomBytes(12).toString('hex'),
  };
  for (let tries = 0; tries < 5; tries++) {
    try {
      createLock(file, mine);
      return holdLock(file, mine, options);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`Cannot lock the data directory ${abs}: ${(e as Error).message}`);
      }
    }
    const holder = readLock(file);
    const live = liveHolder(file, holder, mine, Date.now());
    if (live) {
      throw new DataDirError(
        `The data directory ${abs} is in use by ${live}. Stop that process first, or set PGLITE_DIR to another directory.` +
          (holder && holder.host !== mine.host ? ` If that host is gone, the lock is free ${STALE_MS / 1000} s after it was last seen.` : ''),
      );
    }
    // The holder is gone (killed, a crash, a host that stopped) or the file is unreadable: the lock is stale.
    options.beforeTakeover?.();
    clearStale(file, holder, mine);
  }
  throw new DataDirError(`Could not take the lock on ${abs}; another process keeps taking it.`);
}

function holdLock(file: string, mine: LockInfo, options: LockOptions): () => void {
  const beat = setInterval(() => {
    const current = readLock(file);
    if (current?.token !== mine.token) {
      clearInterval(beat);
      options.onLost?.(current);
      return;
    }
    const t = new Date();
    try {
      fs.utimesSync(file, t, t);
    } catch {
      // A missed beat is retried at the next; only a replaced lock is fatal.
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    if (readLock(file)?.token === mine.token) fs.rmSync(file, { force: true });
  };
}

/** The file, inside the data directory, that keeps the generated session-signing secret. */
export const SECRET_FILE = 'nextauth-secret';
