// Journey: an admin imports people from a CSV, arranges teams, adds and edits accounts; the admin API refuses bad requests readably.
import { expect, test } from '@playwright/test';
import { attemptSignIn, expectNoAxeViolations, firstSignIn, signIn, signInError } from './fixtures';

const csv = [
  'Email,Name,Role,Team',
  'ana.ruiz@example.com,Ana Ruiz,,Harbour Street Support',
  'ben.okoro@example.com,Ben Okoro,manager,Northgate Contact Centre',
  'learner1@example.com,Priya Raman,,Harbour Street Support',
  'not-an-email,Broken Row,,',
].join('\n');

test('a CSV saved as Windows-1252 keeps its accented names, and the admin is told how it was read', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/import');
  const text = 'email,name\nzoe.bronte@example.com,Zoë Brontë\n';
  const cp1252 = Buffer.from([...text].map((ch) => ({ ë: 0xeb })[ch] ?? ch.charCodeAt(0)));
  await page.getByLabel('CSV file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: cp1252 });
  await expect(page.getByLabel('Or paste the rows')).toHaveValue(text);
  await expect(page.getByRole('status').filter({ hasText: 'Windows-1252' })).toContainText('Check that the names with accents look right');
});

test('an admin checks and imports a CSV with one bad row and reads the row-by-row report', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Import people' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import people');

  await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByLabel('Or paste the rows')).toHaveValue(csv);

  await page.getByRole('button', { name: 'Check without saving' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked, nothing saved' })).toContainText('2 to create, 1 skipped, 1 rejected');
  await expect(page.getByRole('heading', { name: 'What an import would do' })).toBeFocused();

  await page.getByRole('button', { name: 'Import people' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported: 2 created, 1 skipped, 1 rejected.');
  const report = page.getByRole('table', { name: /Import report/ });
  const row = (n: number) => report.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(row(2)).toContainText('Created');
  await expect(row(2)).toContainText('a member of Harbour Street Support');
  await expect(row(3)).toContainText('a manager of Northgate Contact Centre');
  await expect(row(4)).toContainText('Skipped');
  await expect(row(4)).toContainText('Already has an account');
  await expect(row(5)).toContainText('Rejected');
  await expect(row(5)).toContainText('"not-an-email" is not an email address.');
  await expectNoAxeViolations(page);

  // The import shows up in the people list, filtered by team, and in the activity log.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People', exact: true }).click();
  const find = page.getByRole('search', { name: 'Find people' });
  await find.getByLabel('Team').selectOption({ label: 'Harbour Street Support' });
  await find.getByLabel('Name or email').fill('ruiz');
  await find.getByRole('button', { name: 'Find' }).click();
  const people = page.getByRole('table', { name: 'All accounts' });
  await expect(people.getByRole('row')).toHaveCount(2);
  await expect(people).toContainText('ana.ruiz@example.com');
  const activity = page.getByRole('table', { name: 'Recent activity' });
  await expect(activity.getByRole('row').filter({ hasText: 'People imported' })).toContainText('4 rows');
  await expect(activity.getByRole('row').filter({ hasText: 'Account added' }).filter({ hasText: 'ana.ruiz@example.com' })).toBeVisible();
});

test('a file that cannot be read is refused as a whole with the reason', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/import');
  await page.getByLabel('Or paste the rows').fill('email,name,phone\nx@example.com,X,123\n');
  await page.getByRole('button', { name: 'Import people' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Unknown column' })).toHaveText('Unknown column "phone". The columns are: email, name, role, team (role and team may be left out).');
});

test('an admin creates a team, adds a member and a manager, and renames it', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/teams');
  await page.getByLabel('New team name').fill('Evening Shift');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evening Shift');

  await page.getByLabel('Add a member by email').fill('learner3@example.com');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('table', { name: 'Members of Evening Shift' })).toContainText('Grace Okafor');

  await page.getByLabel('Add a manager by email').fill('learner4@example.com');
  await page.getByRole('button', { name: 'Add manager' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Liam Walsh' })).toContainText('Liam Walsh is a learner. Change their role to manager first');
  await page.getByLabel('Add a manager by email').fill('manager3@example.com');
  await page.getByRole('button', { name: 'Add manager' }).click();
  await expect(page.getByRole('table', { name: 'Managers of Evening Shift' })).toContainText('Riley Brooks');

  await page.getByLabel('Team name').fill('Evening Support');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evening Support');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Remove Grace Okafor as a member' }).click();
  await expect(page.getByRole('heading', { name: 'Members (0)' })).toBeVisible();
  // Her row went with the refresh; the page's own status line still says what happened.
  await expect(page.getByRole('status').filter({ hasText: 'Removed Grace Okafor.' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toHaveCount(0);

  await page.goto('/admin/teams');
  await expect(page.getByRole('row').filter({ hasText: 'Evening Support' })).toContainText('Riley Brooks');
});

test('an admin adds a person with a first password, who can then sign in; deactivating them ends that', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin');
  await admin.getByText('Add a person').click();
  const form = admin.getByRole('form', { name: 'Add a person' });
  await form.getByLabel('Email').fill('Rosa.Diaz@Example.com');
  await form.getByLabel('Name').fill('Rosa Diaz');
  await form.getByLabel('Team').selectOption({ label: 'Northgate Contact Centre' });
  await form.getByLabel('Set a first password to give them').check();
  // A guessable first password is refused with the reason, and nothing is added.
  await form.getByLabel('First password', { exact: true }).fill('Welcome123!');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByRole('alert')).toContainText('Try a passphrase');
  await form.getByLabel('First password', { exact: true }).fill('welcome-rosa-1');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Added' })).toHaveText('Added Rosa Diaz (rosa.diaz@example.com).');

  // Rosa chooses her own password at her first sign-in; the one she was given then stops working.
  const rosa = await (await browser.newContext()).newPage();
  await firstSignIn(rosa, 'rosa.diaz@example.com', 'welcome-rosa-1', 'tangerine ladder nimbus');

  await admin.getByRole('link', { name: 'Edit Rosa Diaz' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Rosa Diaz');
  await expect(admin.getByRole('link', { name: 'Northgate Contact Centre' })).toBeVisible();
  await admin.getByLabel('Name', { exact: true }).fill('Rosa Díaz');
  await admin.getByLabel('Account active').uncheck();
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved' })).toContainText('signed out everywhere');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Rosa Díaz');
  await expectNoAxeViolations(admin);

  await rosa.goto('/practice');
  await expect(rosa).toHaveURL(/\/signin\?notice=inactive/);
  await attemptSignIn(rosa, 'rosa.diaz@example.com', 'welcome-rosa-1');
  await expect(signInError(rosa)).toContainText('incorrect');
  await attemptSignIn(rosa, 'rosa.diaz@example.com', 'tangerine ladder nimbus');
  await expect(signInError(rosa)).toContainText('deactivated');
});

test('the admin API answers bad requests with readable JSON errors and refuses non-admins', async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.com');

  const unknownField = await admin.request.post('/api/admin/import', { data: { csv: 'email,name\na@example.com,A\n', wipe: true } });
  expect(unknownField.status()).toBe(400);
  expect(((await unknownField.json()) as { error: string }).error).toMatch(/wipe/);

  const empty = await admin.request.post('/api/admin/import', { data: { csv: '' } });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toEqual({ error: 'csv: The file is empty.' });

  const tooMany = await admin.request.post('/api/admin/import', {
    data: { csv: `email,name\n${Array.from({ length: 2001 }, (_, i) => `p${i}@example.com,P`).join('\n')}` },
  });
  expect(tooMany.status()).toBe(400);
  expect(await tooMany.json()).toEqual({ error: 'The file has 2,001 people; one import takes at most 2,000. Split it into smaller files.' });

  const huge = await admin.request.post('/api/admin/import', { data: { csv: 'x'.repeat(3 * 1024 * 1024) } });
  expect(huge.status()).toBe(413);

  const duplicate = await admin.request.post('/api/admin/users', { data: { email: 'LEARNER2@example.com', name: 'Again', role: 'learner' } });
  expect(duplicate.status()).toBe(400);
  expect(await duplicate.json()).toEqual({ error: 'There is already an account for learner2@example.com.' });

  const badTeam = await admin.request.patch('/api/admin/teams/not-a-team', { data: { name: 'X' } });
  expect(badTeam.status()).toBe(404);
  expect(await badTeam.json()).toEqual({ error: 'No such team.' });

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, 'learner5@example.com');
  for (const [method, url] of [
    ['post', '/api/admin/import'],
    ['post', '/api/admin/users'],
    ['post', '/api/admin/teams'],
  ] as const) {
    const denied = await learner.request[method](url, { data: {} });
    expect(denied.status()).toBe(403);
    expect(((await denied.json()) as { error: string }).error).toMatch(/needs the admin role/);
  }
  for (const path of ['/admin/import', '/admin/teams']) expect((await learner.goto(path))?.status()).toBe(403);
  const anonymous = await (await browser.newContext()).request.post('http://localhost:' + (process.env.E2E_PORT ?? 3210) + '/api/admin/teams', { data: { name: 'X' } });
  expect(anonymous.status()).toBe(401);
});

test('the import report stays readable on a phone', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/import');
  await page.getByLabel('Or paste the rows').fill('email,name\nbad,Bad Row\nphone.person@example.com,Phone Person\n');
  await page.getByRole('button', { name: 'Check without saving' }).click();
  await expect(page.getByRole('table', { name: /Import report/ })).toContainText('"bad" is not an email address.');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
