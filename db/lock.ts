// An exclusive lock on a PGlite data directory: PGlite allows one process per directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'trainer.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

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

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/**
 * Checks that `dir` can hold a PGlite database (creating it if missing) and takes the lock.
 * Returns a release function. Throws a DataDirError naming the path on every refusal.
 */
export function lockDataDir(dir: string): () => void {
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
  };
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`Cannot lock the data directory ${abs}: ${(e as Error).message}`);
      }
    }
    const holder = readLock(file);
    if (holder && holder.host === os.hostname() && holder.pid !== process.pid && alive(holder.pid)) {
      throw new DataDirError(
        `The data directory ${abs} is in use by process ${holder.pid} (${holder.command || 'node'}, started ${holder.startedAt}). ` +
          `Stop that process first, or set PGLITE_DIR to another directory.`,
      );
    }
    // The holder is gone (killed, or a crash) or the file is unreadable: the lock is stale.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirError(`Could not take the lock on ${abs}; another process keeps taking it.`);
}

/** The file, inside the data directory, that keeps the generated session-signing secret. */
export const SECRET_FILE = 'nextauth-secret';
