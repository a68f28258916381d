// Journey: a learner plays role-plays in the player: to success in practice, to failure in a check-up, and resumes after a reload.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './fixtures';
import { bestPathSays, pathTo, reply } from './play';

test('practice: the best replies reach a success, with feedback after each one', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner8@example.com');
  await page.goto('/practice/double-charge');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Yusuf Demirci looks/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const says = bestPathSays('double-charge');
  for (const [i, say] of says.entries()) {
    await expect(page.locator('.choice-button').first()).toBeFocused();
    await reply(page, say);
    await expect(page.getByRole('heading', { name: 'What that did' })).toBeVisible();
    await page.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();
  await expect(page.getByText('A customer on your side')).toBeVisible();
  await expect(page.getByText('This is what the best path says here too.')).toHaveCount(says.length);
  await expectNoAxeViolations(page);
});

test('check-up: no feedback along the way, and a failure is debriefed at the end', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner9@example.com');
  await page.goto('/practice/locked-out?mode=checkup');
  await expect(page.getByText('Check-up: feedback comes at the end.')).toBeVisible();
  const says = pathTo('locked-out', 'failure');
  for (const say of says) {
    await reply(page, say);
    await expect(page.getByRole('heading', { name: 'What that did' })).toHaveCount(0);
  }
  await expect(page.getByText('It went wrong')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Not passed yet: \d+ \/ 100$/ })).toBeVisible();
  // The feedback appears in the debrief, now that the check-up is over.
  await expect(page.locator('.debrief-feedback').first()).not.toBeEmpty();
  await expectNoAxeViolations(page);
});

test('a reload mid-attempt resumes at the same turn, by keyboard', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner10@example.com');
  await page.goto('/practice/forgot-to-cancel');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  // Keys 1–9 pick the reply shown at that number; the best replies keep the conversation going.
  const [firstSay, secondSay] = bestPathSays('forgot-to-cancel');
  const keyFor = async (say: string) => String((await page.locator('.choice-button').allTextContents()).findIndex((t) => t.includes(say)) + 1);
  await page.keyboard.press(await keyFor(firstSay!));
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.choice-button').first()).toBeFocused();
  await page.keyboard.press(await keyFor(secondSay!));
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
  const replies = await page.locator('.transcript .line-rep .line-text').allTextContents();
  expect(replies).toHaveLength(2);
  await page.reload();
  await expect(page.locator('.transcript .line-rep .line-text')).toHaveText(replies);
  await expect(page.locator('.choice-button')).not.toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What that did' })).toHaveCount(0);
});

test('the reply timer is off until switched on, and can be extended or turned off', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner11@example.com');
  await page.goto('/practice/returns-desk');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expect(page.getByText(/s to reply$/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Time my replies' }).click();
  const count = page.locator('.reply-timer-count');
  await expect(count).toHaveText(/^(30|29|28) s to reply$/);
  await page.getByRole('button', { name: '+30 s' }).click();
  await expect(count).toHaveText(/^(60|59|58|57) s to reply$/);
  // The setting is remembered on this device.
  await page.reload();
  await expect(page.locator('.reply-timer-count')).toHaveText(/s to reply$/);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Time my replies' })).toBeVisible();
});
