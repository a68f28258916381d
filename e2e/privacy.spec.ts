// Journey: a learner downloads their data and finds their attempt in it; an admin erases them and they cannot sign in again; retention runs when the server starts.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { auditLog } from '../db/schema';
import { attemptSignIn, expectNoAxeViolations, signIn, signInError } from './fixtures';
import { launchServer, preparePglite, stopServer, waitForReady, withPglite } from './server';

// A learner with months of history that no other journey signs in as.
const LEARNER = 'riverside38@example.com';
const OWN_WORDS = 'Yusuf, I am so sorry we took the payment twice. I am refunding the second charge right now.';

test('a learner downloads their data with their attempt in it; an admin erases them and they can no longer sign in', async ({ browser }) => {
  test.setTimeout(120_000);
  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, LEARNER);
  const me = ((await (await learner.request.get('/api/me')).json()) as { user: { id: string; name: string } }).user;
  const started = (await (await learner.request.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } })).json()) as { attemptId: string };
  expect((await learner.request.post(`/api/attempts/${started.attemptId}/decisions`, { data: { seq: 0, reply: OWN_WORDS } })).status()).toBe(200);

  // From My progress, as a person would: a JSON file named for today, with the attempt and the words typed.
  await learner.goto('/progress');
  const [download] = await Promise.all([learner.waitForEvent('download'), learner.getByRole('link', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^empathy-trainer-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
    account: { email: string; password: { set: boolean } };
    attempts: { id: string; decisions: { reply?: { text: string }; scores?: Record<string, number> }[] }[];
  };
  expect(data.account).toMatchObject({ email: LEARNER, password: { set: true } });
  const attempt = data.attempts.find((a) => a.id === started.attemptId);
  expect(attempt?.decisions[0]).toMatchObject({ reply: { text: OWN_WORDS }, scores: expect.any(Object) });
  expect(data.attempts.length).toBeGreaterThan(1);
  expect(JSON.stringify(data)).not.toContain('$argon2');
  const direct = await learner.request.get('/api/me/data');
  expect(direct.headers()['content-disposition']).toMatch(/^attachment; filename="empathy-trainer-data-/);
  expect(direct.headers()['cache-control']).toContain('no-store');
  const anonymous = await (await browser.newContext()).request.get('/api/me/data');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: 'Sign in first.' });

  // Only an admin may erase, only with the person's email, never themselves; each refusal explains itself.
  expect((await learner.request.post(`/api/admin/users/${me.id}/erase`, { data: { confirmEmail: LEARNER } })).status()).toBe(403);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com');
  const adminId = ((await (await admin.request.get('/api/me')).json()) as { user: { id: string } }).user.id;
  const refusals: [unknown, string, number, string | RegExp][] = [
    [{ confirmEmail: 'someone.else@example.com' }, me.id, 400, `To confirm, type the email of the person being erased (${LEARNER}).`],
    [{ confirmEmail: LEARNER, force: true }, me.id, 400, /force/],
    [{}, me.id, 400, /confirmEmail/],
    [{ confirmEmail: 'admin@example.com' }, adminId, 400, 'You cannot erase your own account: another admin has to.'],
    [{ confirmEmail: LEARNER }, 'not-a-person', 404, 'No such user.'],
  ];
  for (const [body, id, status, error] of refusals) {
    const res = await admin.request.post(`/api/admin/users/${id}/erase`, { data: body });
    expect(res.status(), JSON.stringify(body)).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
  }
  const crossSite = await admin.request.post(`/api/admin/users/${me.id}/erase`, { headers: { origin: 'https://evil.example' }, data: { confirmEmail: LEARNER } });
  expect(crossSite.status()).toBe(403);

  // On the person's page: the button waits for their email.
  await admin.goto(`/admin/users/${me.id}`);
  const erase = admin.getByRole('button', { name: `Erase ${me.name}` });
  await expect(erase).toBeDisabled();
  await admin.getByLabel(`Type their email, ${LEARNER}, to confirm`).fill(LEARNER);
  await expect(erase).toBeEnabled();
  await expectNoAxeViolations(admin);
  await erase.click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Erased person');
  // Said twice: the page now describes an erased person, and its status line says the erasure worked.
  await expect(admin.getByRole('status').filter({ hasText: /^\S+ \S+ has been erased\.$/ })).toBeVisible();
  await expect(admin.getByRole('status').filter({ hasText: 'This person has been erased' })).toBeVisible();
  await expectNoAxeViolations(admin);
  const again = await admin.request.post(`/api/admin/users/${me.id}/erase`, { data: { confirmEmail: LEARNER } });
  expect(again.status()).toBe(409);

  // The activity list shows the erasure, and nowhere the email any more (their sign-in earlier today included).
  await admin.goto('/admin');
  await expect(admin.getByRole('cell', { name: 'Person erased', exact: true }).first()).toBeVisible();
  await expect(admin.getByText(LEARNER)).toHaveCount(0);

  // The learner's session ended with the account, and their email and password open nothing.
  expect((await learner.request.get('/api/me')).status()).toBe(401);
  await attemptSignIn(learner, LEARNER);
  await expect(signInError(learner)).toContainText('incorrect');
});

test('retention deletes old audit rows when the server starts', async () => {
  test.setTimeout(180_000);
  const dir = '.data/e2e-retention';
  fs.rmSync(dir, { recursive: true, force: true });
  await preparePglite(dir, [{ email: 'ops@company.example', role: 'admin' }]);
  await withPglite(dir, (db) =>
    db.insert(auditLog).values([
      { action: 'signin.failed', subject: 'long-gone@example.com', at: new Date(Date.now() - 400 * 86_400_000) },
      { action: 'signin.failed', subject: 'last-month@example.com', at: new Date(Date.now() - 30 * 86_400_000) },
    ]),
  );
  const app = launchServer({ PGLITE_DIR: dir, PORT: '3226', SEED_DEMO: 'false', AUDIT_RETENTION_DAYS: '365' });
  try {
    await waitForReady(app);
    await expect.poll(() => app.output(), { timeout: 30_000 }).toContain('Retention: removed 1 audit rows older than 365 days');
  } finally {
    await stopServer(app);
  }
  const left = await withPglite(dir, (db) => db.select({ subject: auditLog.subject }).from(auditLog).where(eq(auditLog.action, 'signin.failed')));
  expect(left.map((r) => r.subject)).toEqual(['last-month@example.com']);
});
