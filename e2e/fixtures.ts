// Shared steps for the journeys: sign in through the real form, run axe on a page.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { codeAt } from '../lib/auth/two-step';

export const DEMO_PASSWORD = 'practice-empathy';

/** Fills and sends the sign-in form without waiting for the outcome. */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in and waits for the home page. */
export async function signIn(page: Page, email: string) {
  await attemptSignIn(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

/** A first password an admin might give someone (it passes the password rules), and the one they then choose. */
export const FIRST_PASSWORD = 'given quartz harbour 41';
export const OWN_PASSWORD = 'copper meadow lantern';

/** On the account page the trainer sent someone to: replaces the password an admin gave with their own. */
export async function choosePassword(page: Page, given: string, chosen: string) {
  await expect(page).toHaveURL(/\/account\?required=password/);
  // The form is a client component: fill it once it has hydrated, or React resets the fields.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('The password you were given').fill(given);
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('New password again').fill(chosen);
  await page.getByRole('button', { name: 'Change password' }).click();
}

/** Someone's first sign-in with a password an admin chose: they choose their own and land on home. */
export async function firstSignIn(page: Page, email: string, given = FIRST_PASSWORD, chosen = OWN_PASSWORD) {
  await attemptSignIn(page, email, given);
  await choosePassword(page, given, chosen);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

/**
 * On the account page: sets up two-step sign-in as a person with an authenticator app would,
 * reading the key shown for typing in by hand. Returns the key and the recovery codes shown once.
 */
export async function setUpTwoStep(page: Page, password: string): Promise<{ key: string; codes: string[] }> {
  await page.waitForLoadState('networkidle');
  const panel = page.getByRole('region', { name: 'Two-step sign-in' });
  await panel.getByLabel('Your password').fill(password);
  await panel.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(panel.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const key = (await panel.locator('.totp-key').textContent())!.trim();
  const list = panel.getByRole('list', { name: 'Recovery codes' });
  // A code read just before its 30-second step ends can reach the server in the next one: one fresh try, as a person would.
  for (let tries = 0; tries < 2; tries++) {
    await panel.getByLabel('Enter the 6-digit code the app shows').fill(codeAt(key, new Date()));
    await panel.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    if (await list.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
  }
  const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  return { key, codes };
}

/** The error a form announces as an alert (Next.js keeps an empty one of its own for route changes). */
export function signInError(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next.js streams the new page's title in a moment later.
  await page.waitForFunction(() => document.title.trim().length > 0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/**
 * In the studio's YAML editor, puts the cursor at the end of the first line containing `text`.
 * The editor draws only the lines in view, so this uses its own search (Ctrl+F), as an author would.
 */
export async function cursorToEndOf(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find' });
  // Typed, not filled: the search box takes its query on key events.
  await find.pressSequentially(text);
  await find.press('Enter');
  await find.press('Escape');
  await page.keyboard.press('End');
}
