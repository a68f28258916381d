// Journey: a manager plans a check-up, a learner completes it, and the manager sees the result in the heatmap and reviews the transcript.
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readScenarios } from '../lib/content/scenarios';
import { expectNoAxeViolations, FIRST_PASSWORD, firstSignIn, signIn } from './fixtures';
import { bestPathSays, reply } from './play';

const { scenarios } = readScenarios(process.cwd());

test('a check-up goes from the manager’s plan to the learner and back to the manager’s heatmap and transcript', async ({ browser }) => {
  test.setTimeout(120_000);
  // An admin sets up a team of its own for this journey: a manager and one learner.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com');
  const team = await admin.request.post('/api/admin/teams', { data: { name: 'Quayside Support' } });
  expect(team.status()).toBe(201);
  const teamId = ((await team.json()) as { team: { id: string } }).team.id;
  for (const [email, name, role] of [
    ['uma.quinn@example.com', 'Uma Quinn', 'manager'],
    ['ravi.shah@example.com', 'Ravi Shah', 'learner'],
  ]) {
    const res = await admin.request.post('/api/admin/users', { data: { email, name, role, password: FIRST_PASSWORD, teamId } });
    expect(res.status()).toBe(201);
  }

  // The manager plans a one-off check-up of one scenario.
  const manager = await (await browser.newContext()).newPage();
  await firstSignIn(manager, 'uma.quinn@example.com');
  await manager.goto('/team');
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Quayside Support');
  await manager.getByRole('link', { name: 'Check-up plans' }).click();
  // The form is a client component: fill it once it has hydrated, or React resets the fields.
  await manager.waitForLoadState('networkidle');
  await manager.getByLabel('Name').fill('Spring check-up');
  await expect(manager.getByLabel('Name')).toHaveValue('Spring check-up');
  await manager.getByLabel('Scenarios per learner').fill('1');
  await manager.getByLabel('Repeats').selectOption({ label: 'Once only' });
  await manager.getByRole('button', { name: 'Plan check-up' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Planned and started: 1 scenario assigned.' })).toBeVisible();
  // The form refreshes the page's data after planning; check the page once that has settled.
  await manager.waitForLoadState('networkidle');
  await expect(manager).toHaveTitle('Team check-ups · Empathy Trainer');
  await expectNoAxeViolations(manager);

  // The learner finds it on their home page and plays it: no feedback until the end.
  const learner = await (await browser.newContext()).newPage();
  await firstSignIn(learner, 'ravi.shah@example.com');
  const todo = learner.locator('.todo-list li');
  await expect(todo).toHaveCount(1);
  await expect(todo).toContainText(/Due /);
  const title = (await todo.getByRole('link').textContent())!.trim();
  const scenario = scenarios.find((s) => s.scenario.title === title)!;
  await todo.getByRole('link').click();
  await expect(learner.getByText('Check-up: feedback comes at the end.')).toBeVisible();
  const says = bestPathSays(scenario.scenario.id);
  for (const say of says) {
    await reply(learner, say);
    await expect(learner.getByRole('heading', { name: 'What that did' })).toHaveCount(0);
  }
  await expect(learner.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();
  await learner.goto('/');
  await expect(learner.locator('.todo-list')).toHaveCount(0);

  // The manager's heatmap on the latest check-up shows the learner's scores.
  await manager.goto(`/team?team=${teamId}&basis=checkup`);
  await expect(manager.getByRole('status').filter({ hasText: '1 of 1 scenarios done' })).toBeVisible();
  const row = manager.getByRole('table', { name: 'Skills by learner' }).getByRole('row', { name: /Ravi Shah/ });
  await expect(row.locator('td.heat:not(.heat-none)').first()).toHaveText(/^\d+$/);
  await expectNoAxeViolations(manager);

  // The team's CSV export has the attempt, as a spreadsheet would read it.
  const csv = await manager.request.get(`/api/teams/${teamId}/export?kind=attempts`);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="quayside-support-attempts-\d{4}-\d{2}-\d{2}\.csv"$/);
  const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toEqual([expect.objectContaining({ learner: 'Ravi Shah', scenario_title: title, mode: 'checkup', status: 'completed', score: '100' })]);

  // The learner page lists the check-up and the attempt; the transcript shows every decision with its feedback.
  await row.getByRole('link', { name: 'Ravi Shah' }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Ravi Shah');
  await expect(manager.getByRole('row').filter({ hasText: 'Spring check-up' })).toContainText('1 of 1');
  const attempt = manager.getByRole('row').filter({ hasText: title });
  await expect(attempt).toContainText('Check-up');
  await attempt.getByRole('link', { name: 'Transcript' }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(manager.locator('.review-step')).toHaveCount(says.length);
  await expect(manager.locator('.review-feedback').first()).toContainText('Feedback:');
  await expect(manager.getByText('✓ The best reply at this point.')).toHaveCount(says.length);
  await expectNoAxeViolations(manager);
});
