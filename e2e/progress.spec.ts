// Journey: what a learner did shows up on My progress, and each attempt opens its debrief.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { readModules } from '../lib/content/modules';
import { readScenarios } from '../lib/content/scenarios';
import { expectNoAxeViolations, signIn } from './fixtures';

const timing = readModules(path.join(process.cwd(), 'content', 'modules')).modules.find((m) => m.id === 'timing')!;
const fraudVictim = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === 'fraud-victim')!;
const best = fraudVictim.analysis.bestPath;
const fraud = fraudVictim.scenario;

test('module results and attempts appear on My progress, with a link to each debrief', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner12@example.com');
  await expect(page.getByText(/^0 of \d+ steps done$/)).toBeVisible();
  await expect(page.getByText('Next step: read')).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByText('No role-plays yet.')).toBeVisible();

  // One knowledge-check answer, and one finished check-up played through the API.
  const check = timing.checks[0]!;
  const right = check.options.find((o) => o.correct)!.id;
  expect((await page.request.post('/api/modules/timing/answers', { data: { checkId: check.id, optionId: right } })).status()).toBe(200);
  const start = await page.request.post('/api/attempts', { data: { scenarioId: 'fraud-victim', mode: 'checkup' } });
  type Shown = { nodeId: string; choices: { id: string; say: string }[] };
  const started = (await start.json()) as { attemptId: string; turn?: Shown };
  const attemptId = started.attemptId;
  let turn = started.turn;
  // A check-up names its choices by opaque ids: pick each best reply by its words.
  for (const [seq, authored] of best.entries()) {
    const say = fraud.nodes[turn!.nodeId]!.choices.find((c) => c.id === authored)!.say;
    const choiceId = turn!.choices.find((c) => c.say === say)!.id;
    const res = await page.request.post(`/api/attempts/${attemptId}/decisions`, { data: { seq, choiceId } });
    expect(res.status()).toBe(200);
    turn = ((await res.json()) as { turn?: Shown }).turn;
  }

  await page.goto('/progress');
  await expect(page.getByRole('row').filter({ hasText: 'Timing and situational empathy' })).toContainText(`1 of ${timing.checks.length} right (1 answered)`);
  const row = page.getByRole('row').filter({ hasText: 'The calm fraud call' });
  await expect(row).toContainText('Check-up');
  await expect(row).toContainText('Success');
  await expect(row).toContainText('100');
  await expectNoAxeViolations(page);
  await row.getByRole('link', { name: 'Debrief' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();
  // A finished check-up now shows its feedback.
  await expect(page.locator('.debrief-feedback').first()).not.toBeEmpty();
});

test('months of role-plays show as the latest 25, and every one on request', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'riverside05@example.com');
  await page.goto('/progress');
  const attempts = page.getByRole('table', { name: 'Attempts, newest first' }).getByRole('row');
  await expect(attempts).toHaveCount(26);
  const total = Number((await page.getByText(/^Showing the latest 25 of \d+\./).textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(25);
  await page.getByRole('link', { name: 'Show all attempts' }).click();
  await expect(page).toHaveURL(/\/progress\?all=1$/);
  await expect(attempts).toHaveCount(total + 1);
  await expect(page.getByRole('link', { name: 'Show all attempts' })).toHaveCount(0);
});
