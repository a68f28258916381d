// Journeys: a new admin replaces their given password and is held to two-step sign-in; codes and recovery codes at sign-in; a learner changes their own password and their other devices are signed out.
import { expect, test } from '@playwright/test';
import { codeAt } from '../lib/auth/two-step';
import { attemptSignIn, choosePassword, DEMO_PASSWORD, expectNoAxeViolations, FIRST_PASSWORD, setUpTwoStep, signIn, signInError } from './fixtures';

const ADMIN = { email: 'oona.prescott@example.org', name: 'Oona Prescott' };
const OWN = 'marble cinder otter falls';

test('a new admin chooses their own password, sets up two-step sign-in, then signs in with a code or a recovery code', async ({ browser }) => {
  test.setTimeout(120_000);
  const demoAdmin = await (await browser.newContext()).newPage();
  await signIn(demoAdmin, 'admin@example.com');
  const created = await demoAdmin.request.post('/api/admin/users', { data: { ...ADMIN, role: 'admin', password: FIRST_PASSWORD } });
  expect(created.status()).toBe(201);

  // Someone else who learnt the given password signs in with it too.
  const copy = await (await browser.newContext()).newPage();
  await attemptSignIn(copy, ADMIN.email, FIRST_PASSWORD);
  await expect(copy).toHaveURL(/\/account\?required=password/);

  // Oona's first sign-in goes to her account page, and nothing else opens until she has chosen a password.
  const oona = await (await browser.newContext()).newPage();
  await attemptSignIn(oona, ADMIN.email, FIRST_PASSWORD);
  await expect(oona).toHaveURL(/\/account\?required=password/);
  await expect(oona.getByRole('status').filter({ hasText: 'first password' })).toContainText('Choose your own now');
  await expectNoAxeViolations(oona);
  await oona.goto('/admin');
  await expect(oona).toHaveURL(/\/account\?required=password/);
  const api = await oona.request.get('/api/team');
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: 'Choose your own password first, on your account page.' });

  // A password built from her name is refused, with the reason.
  await oona.waitForLoadState('networkidle');
  await oona.getByLabel('The password you were given').fill(FIRST_PASSWORD);
  await oona.getByLabel('New password', { exact: true }).fill('oonaprescott1');
  await oona.getByLabel('New password again').fill('oonaprescott1');
  await oona.getByRole('button', { name: 'Change password' }).click();
  await expect(signInError(oona)).toContainText('built from your own name or email');

  await oona.reload();
  await choosePassword(oona, FIRST_PASSWORD, OWN);
  // As an admin, the next step is two-step sign-in; the copied session ended with the old password.
  await expect(oona).toHaveURL(/\/account\?required=two-step/);
  await expect(oona.getByRole('status').filter({ hasText: 'authenticator app' })).toBeVisible();
  await copy.goto('/');
  await expect(copy).toHaveURL(/\/signin/);
  const blocked = await oona.request.get('/api/team');
  expect(await blocked.json()).toEqual({ error: 'Admins set up two-step sign-in first, on their account page.' });

  const { key, codes } = await setUpTwoStep(oona, OWN);
  expect(codes).toHaveLength(10);
  await expectNoAxeViolations(oona);
  await oona.getByRole('button', { name: 'I have saved them' }).click();
  await expect(oona.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await oona.goto('/admin');
  await expect(oona.getByRole('heading', { level: 1 })).toHaveText('People');

  // Signing in now asks for a code after the password; a wrong one is refused, a recovery code works once.
  const later = await (await browser.newContext()).newPage();
  await attemptSignIn(later, ADMIN.email, OWN);
  await expect(signInError(later)).toContainText('Enter the 6-digit code');
  await expect(later.getByLabel('Two-step code')).toBeFocused();
  await expectNoAxeViolations(later);
  await later.getByLabel('Two-step code').fill('000000');
  await later.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signInError(later)).toContainText('That code did not work');
  await later.getByLabel('Two-step code').fill(codes[0]!);
  await later.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(later.getByRole('heading', { level: 1 })).toContainText('Welcome');

  const again = await (await browser.newContext()).newPage();
  await attemptSignIn(again, ADMIN.email, OWN);
  await again.getByLabel('Two-step code').fill(codes[0]!);
  await again.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signInError(again)).toContainText('That code did not work');
  // The next authenticator code (the one used to set up is spent).
  await again.getByLabel('Two-step code').fill(codeAt(key, new Date(Date.now() + 30_000)));
  await again.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(again.getByRole('heading', { level: 1 })).toContainText('Welcome');

  await again.goto('/account');
  await expect(again.getByRole('region', { name: 'Two-step sign-in' })).toContainText('9 of 10 recovery codes left');

  // Phone and codes lost: another admin turns it off on her page; her sessions end, and as an
  // admin she is asked to set it up again as soon as she signs in with her password.
  const oonaId = ((await created.json()) as { user: { id: string } }).user.id;
  await demoAdmin.goto(`/admin/users/${oonaId}`);
  await demoAdmin.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await demoAdmin.getByRole('button', { name: `Yes, turn it off for ${ADMIN.name}` }).click();
  await expect(demoAdmin.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`Two-step sign-in is off for ${ADMIN.name}.`);
  await expect(demoAdmin.getByText(`Off: ${ADMIN.name} signs in with a password alone.`)).toBeVisible();
  await expect(demoAdmin.getByRole('button', { name: 'Turn off two-step sign-in' })).toHaveCount(0);
  // The line saying it worked is still there after the page has refreshed.
  await expect(demoAdmin.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`Two-step sign-in is off for ${ADMIN.name}.`);
  await again.goto('/');
  await expect(again).toHaveURL(/\/signin/);
  await attemptSignIn(again, ADMIN.email, OWN);
  await expect(again).toHaveURL(/\/account\?required=two-step/);
});

test('a learner changes their own password from the account page; their other devices are signed out', async ({ browser }) => {
  const email = 'riverside37@example.com';
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, email);
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, email);

  await desk.getByRole('banner').getByRole('link', { name: /my account$/ }).click();
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('My account');
  await desk.waitForLoadState('networkidle');
  await desk.getByLabel('Current password').fill(DEMO_PASSWORD);
  await desk.getByLabel('New password', { exact: true }).fill('fennel anchor tundra');
  await desk.getByLabel('New password again').fill('fennel anchor tundrA');
  await desk.getByRole('button', { name: 'Change password' }).click();
  await expect(desk.getByRole('status').filter({ hasText: /\S/ })).toContainText('The two new passwords are not the same');
  await desk.getByLabel('New password again').fill('fennel anchor tundra');
  await desk.getByRole('button', { name: 'Change password' }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'changed' })).toHaveText('Your password is changed. 1 other sign-in was ended.');
  await expectNoAxeViolations(desk);

  await phone.goto('/progress');
  await expect(phone).toHaveURL(/\/signin/);
  await attemptSignIn(phone, email, DEMO_PASSWORD);
  await expect(signInError(phone)).toContainText('incorrect');
  await attemptSignIn(phone, email, 'fennel anchor tundra');
  await expect(phone.getByRole('heading', { level: 1 })).toContainText('Welcome');
  // The device that made the change carries on.
  await desk.goto('/progress');
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('My progress');
});
