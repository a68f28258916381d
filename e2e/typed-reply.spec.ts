// Journey: a learner answers in their own words; the coach's marks and feedback show in the player, the debrief and the manager's transcript.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './fixtures';

const OWN_WORDS = "Yusuf, I'm so sorry we took the payment twice, that must be really stressful with the bank fee on top. I'm refunding the second charge right now.";

test('a typed reply is marked, heard as an authored choice, and kept in the debrief and the manager’s transcript', async ({ browser }) => {
  // A whole journey: two sign-ins, a role-play to its end and four accessibility scans; 30 s is too tight on two shared cores.
  test.setTimeout(90_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner7@example.com');
  await page.goto('/practice/double-charge');
  await expect(page.getByRole('heading', { name: /Your reply/ })).toBeVisible();

  // By keyboard: W opens the box and focuses it; Escape goes back to the choices, with the draft kept.
  await page.keyboard.press('w');
  const box = page.getByRole('textbox', { name: /Your reply to Yusuf/ });
  await expect(box).toBeFocused();
  await box.fill(OWN_WORDS);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.locator('.choice-button').first()).toBeFocused();
  await page.keyboard.press('w');
  await expect(box).toHaveValue(OWN_WORDS);
  // A reload (a phone discarding the tab) keeps the unsent draft for this turn.
  await page.reload();
  await expect(page.locator('.choice-button').first()).toBeFocused();
  await page.keyboard.press('w');
  await expect(box).toHaveValue(OWN_WORDS);
  await page.keyboard.press('Control+Enter');

  // The feedback: the words behind the findings marked, how the customer took it, and the suggestion.
  await expect(page.getByRole('heading', { name: 'Your reply, as the coach read it' })).toBeVisible();
  const panel = page.locator('.feedback-panel');
  await expect(panel.locator('mark', { hasText: /^Yusuf$/ })).toBeVisible();
  await expect(panel.locator('mark[data-sign="up"]').first()).toBeVisible();
  await expect(panel.getByText('Heard as closest to:')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'How Yusuf took it' })).toBeVisible();
  await expect(panel.locator('.finding-list li').first()).toBeVisible();
  await expect(panel.getByText('Try next:')).toBeVisible();
  await expect(page.locator('.sr-live')).toContainText('Heard as closest to:');
  await expectNoAxeViolations(page);
  // The marked reply and the findings also pass on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Continue' }).click();
  const attemptId = new URL(page.url()).searchParams.get('attempt')!;
  // The conversation goes on with picked replies to the end.
  await expect(page.locator('.line-rep').first()).toContainText('(your own words)');
  // Each turn: pick, then continue past the feedback, until the debrief (every step waits on what it needs).
  const result = page.getByRole('heading', { name: /^(Passed|Not passed yet):/ });
  for (let turn = 0; turn < 20 && !(await result.isVisible()); turn++) {
    await page.locator('.choice-button').first().click();
    await page.getByRole('button', { name: /^(Continue|See the debrief)$/ }).click();
    await expect(page.locator('.choice-button').first().or(result)).toBeVisible();
  }

  // The debrief keeps the typed words and their marks.
  await expect(page.getByRole('heading', { name: /^(Passed|Not passed yet):/ })).toBeVisible();
  const first = page.locator('.debrief-step').first();
  await expect(first.getByText('You wrote:')).toBeVisible();
  await expect(first.locator('mark', { hasText: /^Yusuf$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The learner's manager sees the same reply, marked, in the transcript.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, 'manager2@example.com');
  await manager.goto('/team');
  await manager.getByRole('link', { name: 'Hannah Becker' }).first().click();
  await manager.locator(`a[href$="/attempts/${attemptId}"]`).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'The double charge' })).toBeVisible();
  const step = manager.locator('.review-step').first();
  await expect(step.getByText('Hannah wrote:')).toBeVisible();
  await expect(step.locator('.typed-reply-text')).toHaveText(OWN_WORDS);
  await expect(step.locator('mark', { hasText: /^Yusuf$/ })).toBeVisible();
  await expect(step.getByText('Heard as closest to:')).toBeVisible();
  await expectNoAxeViolations(manager);
});

test('a reply with a script payload is shown back as text, and an over-long or empty one is refused with a readable error', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner11@example.com');
  const start = await page.request.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const url = `/api/attempts/${attemptId}/decisions`;
  const long = await page.request.post(url, { data: { seq: 0, reply: 'a'.repeat(1201) } });
  expect(long.status()).toBe(400);
  expect((await long.json()).error).toMatch(/at most 1200 characters/);
  expect((await page.request.post(url, { data: { seq: 0, reply: '   ' } })).status()).toBe(400);
  expect((await page.request.post(url, { data: { seq: 0, reply: 'Hi', choiceId: 'name-it-then-look' } })).status()).toBe(400);
  const payload = '<img src=x onerror="window.__pwned=1"> Yusuf, =HYPERLINK("http://x") I am on it now.';
  const ok = await page.request.post(url, { data: { seq: 0, reply: payload } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).reply.text).toBe(payload);
  await page.goto(`/practice/double-charge?attempt=${attemptId}`);
  // Whether the customer hung up on it (debrief) or not (player), the words come back as text.
  await expect(page.locator('.typed-reply-text, .line-rep .line-text').first()).toHaveText(payload);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});
