// Journey: an admin deactivates a learner and changes a role; the affected sessions end at their next request.
import { expect, test } from '@playwright/test';
import { attemptSignIn, expectNoAxeViolations, mainNav, signIn, signInError } from './fixtures';

test('deactivating a learner signs them out at their next request, and they cannot sign back in', async ({ browser }) => {
  const learner = await browser.newPage();
  await signIn(learner, 'learner9@example.com');

  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.com');
  await mainNav(admin).getByRole('link', { name: 'Admin' }).click();
  const row = admin.getByRole('table', { name: 'All accounts' }).getByRole('row').filter({ hasText: 'learner9@example.com' });
  await row.getByRole('button', { name: /^Deactivate/ }).click();
  await expect(row.getByText('Deactivated')).toBeVisible();

  await learner.goto('/practice');
  await expect(learner).toHaveURL(/\/signin\?notice=inactive/);
  await expect(learner.getByRole('status')).toContainText('deactivated');
  expect((await learner.request.get('/api/me')).status()).toBe(401);

  await attemptSignIn(learner, 'learner9@example.com');
  await expect(signInError(learner)).toContainText('This account has been deactivated');

  await row.getByRole('button', { name: /^Reactivate/ }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await signIn(learner, 'learner9@example.com');
});

test('promoting a learner to manager ends their session; signing in again shows the Team area', async ({ browser }) => {
  const learner = await browser.newPage();
  await signIn(learner, 'learner10@example.com');
  await expect(mainNav(learner).getByRole('link')).toHaveCount(4);

  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin');
  await admin.getByLabel('Role for Diego Alvarez').selectOption('manager');
  await expect(admin.getByLabel('Role for Diego Alvarez')).toHaveValue('manager');

  await learner.goto('/learn');
  await expect(learner).toHaveURL(/\/signin\?notice=changed/);
  await signIn(learner, 'learner10@example.com');
  await expect(mainNav(learner).getByRole('link', { name: 'Team' })).toBeVisible();
});

test('the account API answers bad requests with readable JSON errors', async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.com');
  const me = ((await (await admin.request.get('/api/me')).json()) as { user: { id: string } }).user;

  const missing = await admin.request.patch('/api/admin/users/not-a-user', { data: { active: false } });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: 'No such user.' });

  const self = await admin.request.patch(`/api/admin/users/${me.id}`, { data: { active: false } });
  expect(self.status()).toBe(400);
  expect(await self.json()).toEqual({ error: 'You cannot deactivate your own account.' });

  const malformed = await admin.request.patch(`/api/admin/users/${me.id}`, {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from('{"active":'),
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: 'The body is not valid JSON.' });

  const unknownField = await admin.request.patch(`/api/admin/users/${me.id}`, { data: { active: true, isAdmin: true } });
  expect(unknownField.status()).toBe(400);
  expect(((await unknownField.json()) as { error: string }).error).toMatch(/isAdmin/);

  const crossSite = await admin.request.patch(`/api/admin/users/${me.id}`, {
    headers: { origin: 'https://evil.example' },
    data: { role: 'learner' },
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ error: 'Requests from other sites are refused.' });

  const learner = await browser.newPage();
  await signIn(learner, 'learner11@example.com');
  const denied = await learner.request.patch(`/api/admin/users/${me.id}`, { data: { active: false } });
  expect(denied.status()).toBe(403);
  expect(((await denied.json()) as { error: string }).error).toMatch(/needs the admin role/);
});

test('the admin activity list shows sign-ins, failures, refusals and sign-outs', async ({ browser }) => {
  // A whole journey (several sign-ins and sign-outs): about 22 s on a shared machine, too close to the 30 s a single step gets.
  test.setTimeout(60_000);
  const learner = await browser.newPage();
  await attemptSignIn(learner, 'learner8@example.com', 'a-wrong-password');
  await expect(signInError(learner)).toBeVisible();
  await signIn(learner, 'learner8@example.com');
  expect((await learner.goto('/admin'))?.status()).toBe(403);
  await learner.getByRole('button', { name: 'Sign out' }).click();
  await expect(learner).toHaveURL(/notice=signed-out/);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin');
  const omar = admin.getByRole('table', { name: 'Recent activity' }).getByRole('row').filter({ hasText: 'Omar Haddad' });
  for (const event of ['Failed sign-in', 'Signed in', 'Refused a page or request', 'Signed out']) {
    await expect(omar.filter({ hasText: event }).first()).toBeVisible();
  }
  await expect(omar.filter({ hasText: 'Refused a page or request' }).first()).toContainText('/admin');
  await expectNoAxeViolations(admin);
});
