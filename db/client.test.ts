import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, describeUrl, openDatabase, queryRows, syncTree } from './client';
import { DataDirError, LOCK_FILE, lockDataDir, STALE_MS } from './lock';
import { createTestDatabase, testDrivers } from './testing';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-db-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.each(testDrivers)('migrations on %s', (driver) => {
  it('create every table and are safe to run twice', async () => {
    const t = await createTestDatabase(driver);
    try {
      await t.migrate();
      const rows = await queryRows<{ table_name: string }>(
        t.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(rows.map((r) => r.table_name)).toEqual([
        'assignments', 'attempts', 'audit_log', 'check_answers', 'checkup_plans', 'checkup_runs', 'decisions', 'lti_contexts', 'lti_identities', 'lti_keys',
        'lti_launches', 'lti_logins', 'lti_platforms', 'lti_scores', 'module_progress', 'recovery_codes', 'reflections', 'scenario_versions', 'scorm_identities',
        'scorm_packages', 'sessions', 'sign_in_failures', 'studio_documents', 'studio_versions', 'team_managers', 'team_members', 'teams', 'users', 'xapi_outbox',
      ]);
    } finally {
      await t.dispose();
    }
  });

  it('refuses a second decision with the same attempt and seq', async () => {
    const t = await createTestDatabase(driver);
    try {
      const [u] = await queryRows<{ id: string }>(t.db, sql`insert into users (email, name) values ('a@example.com', 'A') returning id`);
      const [a] = await queryRows<{ id: string }>(
        t.db,
        sql`insert into attempts (user_id, scenario_id, content_hash) values (${u!.id}, 's', 'h') returning id`,
      );
      await t.db.execute(sql`insert into decisions (attempt_id, seq, node_id, choice_id) values (${a!.id}, 0, 'n', 'c')`);
      await expect(
        t.db.execute(sql`insert into decisions (attempt_id, seq, node_id, choice_id) values (${a!.id}, 0, 'n', 'd')`),
      ).rejects.toThrow();
    } finally {
      await t.dispose();
    }
  });
});

describe('PGlite data directory', () => {
  it('keeps data across close and reopen', async () => {
    const dir = tmpDir();
    const first = await openDatabase({ driver: 'pglite', dir });
    await first.migrate();
    await first.db.execute(sql`insert into teams (name) values ('Kept')`);
    await first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const second = await openDatabase({ driver: 'pglite', dir });
    const rows = await queryRows<{ name: string }>(second.db, sql`select name from teams`);
    expect(rows).toEqual([{ name: 'Kept' }]);
    await second.close();
  });

  it('refuses a directory another live process holds, naming the path and the process', async () => {
    const dir = tmpDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(
        path.join(dir, LOCK_FILE),
        JSON.stringify({ pid: holder.pid, host: os.hostname(), startedAt: 'earlier', command: 'scripts/start.ts' }),
      );
      await expect(openDatabase({ driver: 'pglite', dir })).rejects.toThrow(
        new RegExp(`${dir}.*in use by process ${holder.pid} \\(scripts/start.ts`),
      );
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tmpDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead.pid, host: os.hostname(), startedAt: 'x', command: 'x' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock file that is not a lock (no pid, a pid that is not a number), and leaves no file of its own beside it', () => {
    for (const text of ['{}', '{"pid":"12","host":"x"}', 'null', '']) {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, LOCK_FILE), text);
      const release = lockDataDir(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
      release();
    }
  });

  const writeLock = (dir: string, fields: Record<string, unknown>, ageSeconds = 0) => {
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, JSON.stringify({ pid: 4242, host: 'other-container', startedAt: 'earlier', command: 'scripts/start.ts', token: 'theirs', ...fields }));
    const at = new Date(Date.now() - ageSeconds * 1000);
    fs.utimesSync(file, at, at);
    return file;
  };

  it('refuses a lock held by a live process on another host sharing the volume, and takes it once its heartbeat stops', () => {
    const dir = tmpDir();
    writeLock(dir, {}, 3);
    expect(() => lockDataDir(dir)).toThrow(/in use by process 4242 on host other-container .*last seen 3 s ago/);
    writeLock(dir, {}, STALE_MS / 1000 + 5);
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    release();
  });

  it('does not remove a lock another process took after this one judged the old lock stale', async () => {
    const dir = tmpDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    writeLock(dir, { pid: dead.pid, host: os.hostname(), token: 'dead' });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      // Between this process's judgement and its takeover, a live process on this host locks the directory.
      const take = () => lockDataDir(dir, { beforeTakeover: () => void writeLock(dir, { pid: other.pid, host: os.hostname(), token: 'other' }) });
      expect(take).toThrow(new RegExp(`in use by process ${other.pid}`));
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).token).toBe('other');
    } finally {
      other.kill();
    }
  });

  it('keeps its lock fresh while held, and stops if another process has replaced it', async () => {
    const dir = tmpDir();
    const lost: unknown[] = [];
    const release = lockDataDir(dir, { heartbeatMs: 40, onLost: (by) => lost.push(by) });
    const file = path.join(dir, LOCK_FILE);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    await new Promise((r) => setTimeout(r, 150));
    expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(5_000);
    expect(lost).toEqual([]);
    writeLock(dir, { token: 'intruder' });
    await new Promise((r) => setTimeout(r, 150));
    expect(lost).toEqual([expect.objectContaining({ token: 'intruder', host: 'other-container' })]);
    // Releasing leaves the other holder's lock alone.
    release();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).token).toBe('intruder');
  });

  it('fsyncs every file of a tree, nested ones too', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'base', '1'), { recursive: true });
    for (const f of ['PG_VERSION', 'base/1/1259', 'base/1/2608']) fs.writeFileSync(path.join(dir, f), 'x');
    expect(syncTree(dir)).toBe(3);
  });

  it('refuses a directory that holds other files', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    expect(() => lockDataDir(dir)).toThrow(DataDirError);
    expect(() => lockDataDir(dir)).toThrow(`${dir} is not a PGlite data directory`);
  });

  it('names a path that cannot be a directory', () => {
    const file = path.join(tmpDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => lockDataDir(path.join(file, 'data'))).toThrow(/Cannot create the data directory .*a-file\/data/);
  });
});

describe('PostgreSQL connection errors', () => {
  it('name the host and port but never the password', async () => {
    const url = 'postgres://trainer:s3cret-pass@127.0.0.1:1/trainer';
    const err = await openDatabase({ driver: 'postgres', url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    const message = (err as Error).message;
    expect(message).toContain('127.0.0.1:1/trainer');
    expect(message).toContain('nothing is listening on that port (ECONNREFUSED)');
    expect(message).not.toContain('s3cret-pass');
    expect(describeUrl(url)).toBe('127.0.0.1:1/trainer');
  });
});
