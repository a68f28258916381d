// Journey: a brand-new learner follows the onboarding path — the modules first, then the role-play that practises them — and home and My progress reflect each step.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, FIRST_PASSWORD, firstSignIn, signIn } from './fixtures';
import { bestPathSays, reply } from './play';

test('a new learner reads the first modules of their path, then plays its first role-play', async ({ browser }) => {
  test.setTimeout(150_000);
  // An admin adds the learner, as on their first day.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com');
  const created = await admin.request.post('/api/admin/users', {
    data: { email: 'nia.clarke@example.com', name: 'Nia Clarke', role: 'learner', password: FIRST_PASSWORD },
  });
  expect(created.status()).toBe(201);

  // On her first sign-in she chooses her own password.
  const page = await (await browser.newContext()).newPage();
  await firstSignIn(page, 'nia.clarke@example.com');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Nia');
  await expect(page.getByText(/^0 of 19 steps done$/)).toBeVisible();
  await expect(page.getByText('Your profile appears after your first role-play')).toBeVisible();
  await expectNoAxeViolations(page);

  // Steps 1-5: the modules the path points at, reflecting emotion first. Answer every check.
  const modules = ['Reflecting emotion', 'Timing and situational empathy', 'Making it personal', 'Language that connects', 'Apologizing well'];
  for (const [step, title] of modules.entries()) {
    await page.goto('/');
    await expect(page.getByText(new RegExp(`^${step} of 19 steps done$`))).toBeVisible();
    await expect(page.getByText('Next step: read')).toBeVisible();
    await page.locator('.next-step-action').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${title}`) })).toBeVisible();
    const checks = page.locator('section.check');
    for (let i = 0; i < (await checks.count()); i++) {
      await checks.nth(i).getByRole('button').first().click();
      await expect(checks.nth(i).locator('.check-feedback')).toBeVisible();
    }
    await expect(page.getByText('Module completed')).toBeVisible();
  }

  // Home moves on to step 6, the first role-play: it scores only skills those modules taught.
  await page.goto('/');
  await expect(page.getByText(/^5 of 19 steps done$/)).toBeVisible();
  await expect(page.getByText('Next step: practise')).toBeVisible();
  await page.locator('.next-step-action').getByRole('link', { name: 'The double charge' }).click();

  // Step 2: play it to the end with the best replies.
  const says = bestPathSays('double-charge');
  for (const [i, say] of says.entries()) {
    await reply(page, say);
    await page.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();

  // Home: two steps done, and a skill profile with the weakest skill linked to a module and a role-play.
  await page.goto('/');
  await expect(page.getByText(/^6 of 19 steps done$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your skill profile' })).toBeVisible();
  const profileTable = page.getByRole('table', { name: 'Your skill profile' });
  await expect(profileTable.getByRole('row', { name: /Reflecting emotion \d+/ })).toBeAttached();
  const weakest = page.locator('.weakest');
  await expect(weakest).toContainText('Your weakest skill right now is');
  await expect(weakest.getByRole('link')).toHaveCount(2);
  await expectNoAxeViolations(page);

  // My progress: the module with its checks, the attempt with its debrief link, and skill trends.
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'Modules: 5 of 9 completed' })).toBeVisible();
  const attempt = page.getByRole('row').filter({ hasText: 'The double charge' });
  await expect(attempt).toContainText('Practice');
  await expect(attempt).toContainText('Success');
  await expect(attempt).toContainText('100');
  await expect(page.getByRole('heading', { name: 'Skills over time' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your skill scores by week' }).getByRole('row', { name: /Reflecting emotion/ })).toContainText(/\d+/);
  await expectNoAxeViolations(page);
});
