// Journey: a learner reads a module, answers its checks, writes a note, reloads, and sees it completed.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './fixtures';

test('answering every check completes a module; answers and notes survive a reload', async ({ browser }) => {
  // A whole journey (a whole module, its checks and a reload): about 22 s on a shared machine, too close to the 30 s a single step gets.
  test.setTimeout(60_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner5@example.com');
  await page.goto('/learn');
  await expect(page.getByText('0 of 9 modules completed')).toBeVisible();
  await page.getByRole('link', { name: 'Apologizing well' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apologizing well' })).toBeVisible();
  await expect(page.getByText(/^0 of \d questions answered$/)).toBeVisible();

  const checks = page.locator('section.check');
  const count = await checks.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    const check = checks.nth(i);
    await check.getByRole('button').first().click();
    // The explanation appears at once, with a verdict, and the question locks.
    await expect(check.locator('.check-feedback')).toContainText(/^(Right\.|Not quite\.)/);
    await expect(check.getByRole('button', { pressed: true })).toHaveCount(1);
  }
  await expect(page.getByText('Module completed')).toBeVisible();

  const note = page.getByRole('textbox');
  await note.fill('Own the mistake in the first sentence, then say what I will do.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Saved. Only you can see this note.')).toBeVisible();
  const feedback = (await checks.nth(0).locator('.check-feedback').textContent()) ?? '';

  await page.reload();
  await expect(page.getByText('Module completed')).toBeVisible();
  expect(feedback).toMatch(/^(Right|Not quite)\./);
  await expect(checks.nth(0).locator('.check-feedback')).toHaveText(feedback);
  await expect(page.getByRole('textbox')).toHaveValue('Own the mistake in the first sentence, then say what I will do.');
  await expectNoAxeViolations(page);

  await page.goto('/learn');
  await expect(page.getByText('1 of 9 modules completed')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Apologizing well' })).toContainText('Completed');
  await expectNoAxeViolations(page);

  // The onboarding path on the home page counts the module, and still points at its first step.
  await page.goto('/');
  await expect(page.getByText(/^1 of \d+ steps done$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reflecting emotion', exact: true }).first()).toBeVisible();
  await expect(page.getByText('Next step: read')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an empathy map is filled part by part, compared with a model answer, and kept for its author only', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner7@example.com');
  await page.goto('/learn/good-news-and-keeping-cool');
  const map = page.getByRole('region', { name: /Map Delphine/ });
  await expect(map).toBeVisible();
  const compare = map.getByRole('button', { name: 'Compare with a model answer' });
  const mine = { Feels: 'Scared and furious', Sees: 'A red letter in someone else\'s name', Says: 'Not my bill, I have a baby', Fears: 'No heating for the baby', Wants: 'Power kept on and the debt cleared' };
  for (const [i, [part, text]] of Object.entries(mine).entries()) {
    // Comparing waits until every part has an answer, and says how many are done.
    await expect(compare).toBeDisabled();
    await expect(map.getByText(`(${i} of 5 so far)`)).toBeVisible();
    await map.getByRole('textbox', { name: new RegExp(`^${part}`) }).fill(text);
  }
  await expect(map.locator('.empathy-map-model')).toHaveCount(0);
  await compare.click();
  await expect(map.locator('.empathy-map-model')).toHaveCount(5);
  await expect(map.locator('[data-part="fears"] .empathy-map-model')).toContainText('not being believed');
  await expect(map.getByRole('button', { name: 'Hide the model answer' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);

  // Saved as notes: back after a reload, and never shown to anyone else.
  await page.reload();
  await expect(map.getByRole('textbox', { name: /^Fears/ })).toHaveValue('No heating for the baby');
  await expect(map.getByRole('button', { name: 'Compare with a model answer' })).toBeEnabled();
  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'learner8@example.com');
  await other.goto('/learn/good-news-and-keeping-cool');
  const theirs = other.getByRole('region', { name: /Map Delphine/ }).getByRole('textbox', { name: /^Fears/ });
  // Enabled once their own progress has loaded: only then is the empty box a fact.
  await expect(theirs).toBeEnabled();
  await expect(theirs).toHaveValue('');
});

test('module pages are the same static page for everyone and give nothing away', async ({ page }) => {
  const res = await page.request.get('/learn/timing', { headers: { cookie: '' }, maxRedirects: 0 });
  // Anonymous visitors are sent to sign-in first.
  expect(res.status()).toBe(307);
  await signIn(page, 'learner6@example.com');
  const html = await (await page.request.get('/learn/timing')).text();
  expect(html).toContain('Timing and situational empathy');
  // Neither which option is right nor any explanation is in the page.
  expect(html).not.toMatch(/\bexplain=|"correct"|correct:!0|"explain"/);
  expect((await page.request.get('/learn/no-such-module')).status()).toBe(404);
});

test('the answers API refuses what is not on offer and stores nothing', async ({ page }) => {
  await signIn(page, 'learner7@example.com');
  const post = (module: string, data: unknown) => page.request.post(`/api/modules/${module}/answers`, { data });
  const missing = await post('no-such-module', { checkId: 'x', optionId: 'a' });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: 'There is no module "no-such-module".' });
  const noCheck = await post('timing', { checkId: 'not-a-question', optionId: 'a' });
  expect(noCheck.status()).toBe(404);
  const progress = (await (await page.request.get('/api/modules/timing/progress')).json()) as { answers: Record<string, unknown> };
  expect(progress.answers).toEqual({});
  const firstCheck = await page.request.get('/learn/timing').then((r) => r.text()).then((h) => /aria-labelledby="[^"]+" data-answered="false"/.test(h));
  expect(firstCheck).toBe(true);
  const badOption = await page.request.post('/api/modules/timing/answers', { data: { checkId: 'x', optionId: 'zzz', extra: 1 } });
  expect(badOption.status()).toBe(400);
  expect(((await badOption.json()) as { error: string }).error).toMatch(/extra/);
  const reflection = await page.request.put('/api/modules/timing/reflections/nope', { data: { text: 'x' } });
  expect(reflection.status()).toBe(404);
});
