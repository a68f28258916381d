import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs `npm start`'s script with the given environment; every case here fails before the build step.
function start(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

const secret = 'a'.repeat(40);

describe('npm start refuses bad configuration at once', () => {
  it('names an unreachable PostgreSQL host and port, never the password', () => {
    const r = start({ DATABASE_URL: 'postgres://trainer:hunter2-secret@127.0.0.1:1/trainer', NEXTAUTH_SECRET: secret });
    expect(r.code).toBe(1);
    expect(r.output.trim().split('\n')).toEqual([
      '✖ Cannot connect to PostgreSQL at 127.0.0.1:1/trainer: nothing is listening on that port (ECONNREFUSED). Check that the server is running, and the host, port, user, password and database name in DATABASE_URL.',
    ]);
    expect(r.output).not.toContain('hunter2');
  });

  it('refuses production on PostgreSQL without a session secret', () => {
    const r = start({ DATABASE_URL: 'postgres://trainer@127.0.0.1:1/trainer' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('NEXTAUTH_SECRET is required in production with DATABASE_URL');
  });

  it('lists every invalid variable', () => {
    const r = start({ PORT: 'eighty', SIGNIN_WINDOW_MINUTES: '-5' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('PORT must be a positive whole number, got "eighty"');
    expect(r.output).toContain('SIGNIN_WINDOW_MINUTES must be a positive whole number, got "-5"');
  });

  it('refuses a data directory that is not a PGlite directory, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-notpg-'));
    fs.writeFileSync(path.join(dir, 'holiday-photos.jpg'), 'x');
    try {
      const r = start({ PGLITE_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`${dir} is not a PGlite data directory`);
      expect(fs.readdirSync(dir)).toEqual(['holiday-photos.jpg']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
