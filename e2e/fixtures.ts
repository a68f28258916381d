// Shared steps for the journeys: sign in through the real form, run axe on a page.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** The sign-in form's error, announced as an alert. */
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
