// Journey: each role signs in, sees its navigation, is kept out of other roles' areas, and signs out.
import { expect, test } from '@playwright/test';
import { attemptSignIn, DEMO_PASSWORD, expectNoAxeViolations, mainNav, signIn, signInError } from './fixtures';

const learnerNav = ['Learn', 'Practice', 'Check-ups', 'My progress'];

test('anonymous visitors are sent to sign-in, which passes axe', async ({ page }) => {
  await page.goto('/team');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fteam$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
  const api = await page.request.get('/api/team');
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: 'Sign in first.' });
});

test('a callback URL that a browser would read as another site lands on home instead', async ({ page }) => {
  // "/%09/evil.example": the browser drops the tab and follows "//evil.example".
  await page.goto('/signin?callbackUrl=/%09/evil.example');
  await page.getByLabel('Email').fill('learner3@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  expect(new URL(page.url()).pathname).toBe('/');
});

test('a wrong password gets the generic message and keeps what was typed', async ({ page }) => {
  await attemptSignIn(page, 'learner1@example.com', 'not-the-password');
  await expect(signInError(page)).toHaveText('That email or password is incorrect. Check them and try again.');
  await expect(page.getByLabel('Email')).toHaveValue('learner1@example.com');
  await attemptSignIn(page, 'nobody@example.com', 'not-the-password');
  await expect(signInError(page)).toHaveText('That email or password is incorrect. Check them and try again.');
});

for (const [email, items] of [
  ['learner2@example.com', learnerNav],
  ['manager1@example.com', [...learnerNav, 'Team']],
  ['author@example.com', [...learnerNav, 'Studio']],
  ['admin@example.com', [...learnerNav, 'Team', 'Studio', 'Admin']],
] as const) {
  test(`${email.split('@')[0]} sees their navigation`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/$/);
    await expect(mainNav(page).getByRole('link')).toHaveText([...items]);
    await expectNoAxeViolations(page);
  });
}

test('an admin’s seven areas sit in one row: beside the brand on a wide screen, on a row of their own at tablet width', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  const tops = async () => Promise.all((await mainNav(page).getByRole('link').all()).map(async (link) => (await link.boundingBox())!.y));
  const brandBottom = async () => {
    const box = (await page.getByRole('link', { name: 'Empathy Trainer' }).boundingBox())!;
    return box.y + box.height;
  };
  for (const [width, ownRow] of [
    [1280, false],
    [1024, true],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    const y = await tops();
    expect(new Set(y).size, `links on more than one row at ${width} px: ${y.join(', ')}`).toBe(1);
    expect(y[0]! >= (await brandBottom()), `the links' row ${ownRow ? 'is' : 'is not'} below the brand at ${width} px`).toBe(ownRow);
  }
});

test('a learner gets a 403 page for a manager area, and 403 JSON from its API', async ({ page }) => {
  await signIn(page, 'learner3@example.com');
  const response = await page.goto('/team');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'This page isn’t available to you' })).toBeVisible();
  const admin = await page.goto('/admin');
  expect(admin?.status()).toBe(403);
  const api = await page.request.get('/api/team');
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: 'This needs the manager or admin role; you are signed in as a learner.' });
});

test('an address that does not exist answers 404 with the signed-in header, so the way back is one click', async ({ page }) => {
  await signIn(page, 'learner3@example.com');
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // The header is fetched only on this page, then asks who is signed in.
  await expect(mainNav(page).getByRole('link')).toHaveText(learnerNav);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a manager sees their own team only', async ({ page }) => {
  await signIn(page, 'manager2@example.com');
  await mainNav(page).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northgate Contact Centre');
  // Only this team's learners (other journeys may have deactivated one of them), nobody from another team.
  const northgate = ['Aisha Karimi', 'Chloe Martin', 'Diego Alvarez', 'Hannah Becker', 'Noah Fischer', 'Omar Haddad'];
  const heatmap = page.getByRole('table', { name: 'Skills by learner' });
  await expect(heatmap.getByRole('link', { name: 'Hannah Becker' })).toBeVisible();
  const shown = await heatmap.locator('tbody th a').allTextContents();
  expect(shown.length).toBeGreaterThanOrEqual(5);
  expect(shown.every((n) => northgate.includes(n))).toBe(true);
  await expect(page.getByText('Priya Raman')).toHaveCount(0);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'learner4@example.com');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed-out/);
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await page.goto('/progress');
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
});

test('the sign-in page and navigation work by keyboard alone', async ({ page }) => {
  await page.goto('/signin');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('Email').focus();
  await page.keyboard.type('learner5@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('practice-empathy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
