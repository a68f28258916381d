// The key that signs session tokens: NEXTAUTH_SECRET, or one generated once and kept in the data directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SECRET_FILE } from '@/db/lock';
import type { Env } from '@/lib/env';

let cached: string | undefined;

export function sessionSecret(e: Env): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (cached) return cached;
  // Only reachable without DATABASE_URL in production (the env parser refuses that case);
  // with PostgreSQL but no secret (development), the generated key lives beside the embedded data.
  const dir = path.resolve(e.PGLITE_DIR);
  const file = path.join(dir, SECRET_FILE);
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const fresh = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
      cached = fresh;
    } catch {
      // Another process wrote it first: use theirs.
      cached = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return cached;
}
