// Journey: the app is stopped and started again; data and sessions survive, and a second copy is refused.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchServer, waitForReady } from './server';
import { signIn } from './fixtures';

const dir = '.data/e2e-restart';
const port = 3213;
const baseURL = `http://localhost:${port}`;

type TeamsBody = { teams: { members: { id: string; email: string; active: boolean }[] }[] };

test('data and sessions survive a restart, and a second server on the same directory is refused', async ({ browser }) => {
  test.setTimeout(240_000);
  fs.rmSync(dir, { recursive: true, force: true });
  const env = { PGLITE_DIR: dir, PORT: String(port) };

  const first = launchServer(env);
  await waitForReady(first);
  expect(first.output()).toContain('Created the demo organisation (17 people, and a team of 40 with history)');
  expect(first.output()).toContain('admin@example.com');

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, 'admin@example.com');
  const learners = (await (await page.request.get('/api/team')).json()) as TeamsBody;
  const target = learners.teams.flatMap((t) => t.members).find((m) => m.email === 'learner12@example.com')!;
  const change = await page.request.patch(`/api/admin/users/${target.id}`, { data: { active: false } });
  expect(change.status()).toBe(200);

  // A second server on the same data directory stops at once and names the directory and the holder.
  const second = launchServer({ ...env, PORT: String(port + 1) });
  expect(await second.exited).toBe(1);
  expect(second.output()).toContain(`The data directory ${path.resolve(dir)} is in use by process ${first.process.pid}`);

  first.process.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(fs.existsSync(path.join(dir, 'trainer.lock'))).toBe(false);

  const again = launchServer(env);
  try {
    await waitForReady(again);
    expect(again.output()).not.toContain('Created the demo organisation');
    // The same browser session is still signed in: the signing secret was kept in the data directory.
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('admin@example.com');
    const after = (await (await page.request.get('/api/team')).json()) as TeamsBody;
    expect(after.teams.flatMap((t) => t.members).find((m) => m.email === 'learner12@example.com')?.active).toBe(false);
  } finally {
    again.process.kill('SIGTERM');
    await again.exited;
    await context.close();
  }
});
