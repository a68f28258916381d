// Journey: a check-up counts once; an old link to a finished one opens practice and says so.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './fixtures';

test('a finished check-up opened again from an old link is practice, says so, and leaves the result alone', async ({ page }) => {
  await signIn(page, 'learner6@example.com');
  await page.goto('/checkups');
  const start = page.getByRole('link', { name: /^Start / }).first();
  const href = (await start.getAttribute('href'))!;
  const url = new URL(href, 'http://x');
  const scenarioId = url.pathname.split('/').pop()!;
  const assignmentId = url.searchParams.get('assignment')!;

  // Played to the end through the API, picking the first reply on offer each time.
  type Shown = { choices: { id: string }[] };
  const started = (await (await page.request.post('/api/attempts', { data: { scenarioId, mode: 'checkup', assignmentId } })).json()) as { attemptId: string; mode: string; turn?: Shown };
  expect(started.mode).toBe('checkup');
  let turn = started.turn;
  for (let seq = 0; turn; seq++) {
    const res = await page.request.post(`/api/attempts/${started.attemptId}/decisions`, { data: { seq, choiceId: turn.choices[0]!.id } });
    expect(res.status()).toBe(200);
    turn = ((await res.json()) as { turn?: Shown }).turn;
  }
  await page.goto('/checkups');
  const done = page.getByText(/^Done: \d+ \/ 100$/).first();
  await expect(done).toBeVisible();
  const result = await done.textContent();

  // The link the learner still had: the player opens, as practice, and tells them why.
  await page.goto(href);
  await expect(page.getByRole('status').filter({ hasText: 'your first result stands' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/checkups');
  await expect(page.getByText(/^Done: \d+ \/ 100$/).first()).toHaveText(result!);
});
