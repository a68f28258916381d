// The scenario studio as an author uses it: a copy of a shipped scenario, a broken link seen and fixed, a playtest, a publish; then a learner plays it, a manager reads it, and an attempt keeps its version.
import { expect, test, type Page } from '@playwright/test';
import { cursorToEndOf, signIn } from './fixtures';
import { longestWins } from '../lib/studio/testing';
import { bestPathSays, reply } from './play';

const ID = 'harbour-double-charge';
const TITLE = 'Harbour double charge';

/** Plays replies by their words until the debrief; each reply's feedback is continued past. */
async function playThrough(page: Page, says: string[]) {
  for (const [i, say] of says.entries()) {
    await reply(page, say);
    await page.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' }).click();
  }
}

test('an author writes, checks, playtests and publishes a scenario that learners then play and managers review', async ({ browser }) => {
  test.setTimeout(240_000);
  const author = await (await browser.newContext()).newPage();
  await signIn(author, 'author@example.com');
  await author.getByRole('link', { name: 'Studio', exact: true }).first().click();
  await expect(author.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();

  // Start from a shipped scenario as the template.
  const form = author.getByRole('form', { name: 'New scenario' });
  await form.getByLabel('Start from').selectOption({ label: 'The double charge' });
  await form.getByLabel('Title').fill(TITLE);
  await expect(form.getByLabel('Id')).toHaveValue(ID);
  await form.getByRole('button', { name: 'Create scenario' }).click();
  await expect(author).toHaveURL(`/studio/scenarios/${ID}`);
  await expect(author.getByText('No problems: the checker passes this draft.')).toBeVisible();

  // A typo in a next: the checker names its line, the editor underlines it, the map and its list show where it goes nowhere.
  await cursorToEndOf(author, 'next: details-given');
  await author.keyboard.type('-typo');
  const problem = author.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'next "details-given-typo" is neither a node nor an ending' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('Fix: use one of');
  await expect(author.locator('.cm-lintRange-error').first()).toBeVisible();
  // Choosing it in the list brings its box into view on the map.
  await author.getByRole('button', { name: /^details-given-typo — missing/ }).click();
  await expect(author.locator('.react-flow').getByText('details-given-typo')).toBeVisible();
  // The problem's line button puts the cursor on that line.
  await problem.getByRole('button', { name: /^Line \d+$/ }).click();
  await expect(author.locator('.cm-activeLine')).toContainText('next: details-given-typo');

  // Fixed, saved, and the draft survives a reload.
  await author.keyboard.press('End');
  for (let i = 0; i < '-typo'.length; i++) await author.keyboard.press('Backspace');
  await expect(author.getByText('No problems: the checker passes this draft.')).toBeVisible();
  await expect(author.getByText(/^Saved /)).toBeVisible();
  await author.reload();
  await expect(author.getByText('No problems: the checker passes this draft.')).toBeVisible();
  await expect(author.getByLabel('Goes to').first()).toHaveValue('details-given');
  const stored = await (await author.request.get(`/api/studio/scenarios/${ID}`)).json();
  expect(stored.draft).toContain('next: details-given\n');
  expect(stored.draft).not.toContain('typo');

  // Playtest to an ending: the real player, nothing recorded.
  await author.getByRole('button', { name: 'Playtest', exact: true }).click();
  await expect(author).toHaveURL(`/studio/scenarios/${ID}/playtest`);
  await expect(author.getByText('Playtest: nothing you do here is recorded.')).toBeVisible();
  await playThrough(author, bestPathSays('double-charge'));
  await expect(author.getByRole('heading', { name: /Passed/ })).toBeVisible();

  // Publish.
  await author.getByRole('link', { name: 'Back to the editor' }).first().click();
  await author.getByRole('button', { name: 'Publish' }).click();
  await expect(author.getByText(/^Published version 1\./)).toBeVisible();
  await expect(author.getByRole('region', { name: 'Versions' }).getByRole('listitem').first()).toContainText(/Version 1 \(plays now\)/);

  // A learner plays it: one decision now (an attempt in flight), the rest after a second publish.
  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, 'learner1@example.com');
  await learner.goto('/practice');
  await learner.getByRole('link', { name: new RegExp(TITLE) }).first().click();
  await expect(learner.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const firstLine = "Yeah, hi. It's Yusuf Demirci, account ending 4471.";
  const conversation = learner.getByRole('region', { name: 'Conversation' });
  await expect(conversation.getByText(firstLine)).toBeVisible();
  const says = bestPathSays('double-charge');
  await reply(learner, says[0]!);
  await expect(learner.getByRole('button', { name: 'Continue' })).toBeVisible();
  const inFlight = learner.url();

  // Version 2 changes the opening line through the form.
  await author.getByRole('button', { name: /^opening — start/ }).click();
  const opening = author.getByLabel('What the customer says').first();
  await opening.fill('Hello? I have been charged twice for my broadband and now my account is overdrawn.');
  await expect(author.getByText(/^Saved /)).toBeVisible();
  await author.getByRole('button', { name: 'Publish' }).click();
  await expect(author.getByText(/^Published version 2\./)).toBeVisible();

  // The attempt in flight keeps version 1 to its end.
  await learner.goto(inFlight);
  await expect(conversation.getByText(firstLine)).toBeVisible();
  await expect(conversation.getByText('Hello? I have been charged twice')).toHaveCount(0);
  // Resumed, the player is at the next turn.
  await playThrough(learner, says.slice(1));
  await expect(learner.getByRole('heading', { name: /Passed/ })).toBeVisible();
  // A new attempt plays version 2.
  await learner.goto(`/practice/${ID}`);
  await expect(conversation.getByText('Hello? I have been charged twice')).toBeVisible();

  // The learner's manager sees the scenario in choice analytics.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, 'manager1@example.com');
  const team = ((await (await manager.request.get('/api/team')).json()).teams as { id: string; name: string }[]).find((t) => t.name === 'Harbour Street Support')!;
  await manager.goto(`/team/scenarios/${ID}?team=${team.id}`);
  await expect(manager.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(manager.getByRole('table', { name: /Replies chosen at point 1, 1 in all/ })).toBeVisible();
});

test('publishing is refused while a strategy that ignores the customer passes, with the gate’s table', async ({ page }) => {
  await signIn(page, 'author@example.com');
  const id = 'longest-wins';
  expect((await page.request.post('/api/studio/documents', { data: { kind: 'scenario', from: 'locked-out', id } })).status()).toBe(201);
  const doc = await (await page.request.get(`/api/studio/scenarios/${id}`)).json();
  // The best option at every point made the longest: picking by length alone would pass.
  const yaml = longestWins(doc.draft as string);
  expect((await page.request.put(`/api/studio/scenarios/${id}/draft`, { data: { yaml, baseRevision: doc.revision } })).status()).toBe(200);
  await page.goto(`/studio/scenarios/${id}`);
  await page.getByRole('button', { name: 'Run the strategy gate' }).click();
  await expect(page.getByRole('table', { name: 'Strategies that ignore the customer, played on this scenario' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Not published/ })).toBeVisible();

  // The draft downloads as the file content/ would hold, named by its id.
  const file = await page.request.get(`/api/studio/scenarios/${id}/yaml?download=1`);
  expect(file.headers()['content-disposition']).toBe(`attachment; filename="${id}.yaml"`);
  expect(file.headers()['content-type']).toMatch(/^application\/yaml/);
  expect(await file.text()).toBe(yaml);
});

test('two authors editing one draft are told, and neither loses work', async ({ browser }) => {
  test.setTimeout(120_000);
  const ana = await (await browser.newContext()).newPage();
  await signIn(ana, 'author@example.com');
  const id = 'two-authors';
  expect((await ana.request.post('/api/studio/documents', { data: { kind: 'scenario', from: 'locked-out', id } })).status()).toBe(201);
  // The admin authors too: the same draft open in a second browser.
  const ben = await (await browser.newContext()).newPage();
  await signIn(ben, 'admin@example.com');
  await Promise.all([ana.goto(`/studio/scenarios/${id}`), ben.goto(`/studio/scenarios/${id}`)]);
  for (const p of [ana, ben]) await expect(p.getByText('No problems: the checker passes this draft.')).toBeVisible();
  const customerLine = (p: typeof ana) => p.getByLabel('What the customer says').first();
  const cue = (p: typeof ana) => p.getByLabel('Cue (how they sound or look)').first();

  // Different lines: Ana saves first; Ben's save, based on the older revision, is refused, and his page combines both.
  await customerLine(ana).fill('Ana’s opening line.');
  await expect(ana.getByText(/^Saved /)).toBeVisible();
  await ben.getByRole('list', { name: 'Nodes and endings, from the start' }).getByRole('button').nth(1).click();
  await customerLine(ben).fill('Ben’s second line.');
  await expect(ben.getByText('Casey Nguyen saved changes while you were editing; theirs and yours are both in the draft now.')).toBeVisible();
  await expect(ben.getByText(/^Saved /)).toBeVisible();
  const both = (await (await ben.request.get(`/api/studio/scenarios/${id}`)).json()).draft as string;
  expect(both).toContain('customer: Ana’s opening line.');
  expect(both).toContain('customer: Ben’s second line.');
  // Ana's page learns of Ben's save within seconds; with nothing unsaved there, it shows the combined draft.
  await expect(ana.getByText('Alex Morgan saved a newer draft; you are looking at it now.')).toBeVisible({ timeout: 15_000 });

  // The same line: nobody's words are chosen silently. Ben is shown both and decides.
  await ben.getByRole('list', { name: 'Nodes and endings, from the start' }).getByRole('button').first().click();
  await cue(ana).fill('Ana’s cue.');
  await expect(ana.getByText(/^Saved /)).toBeVisible();
  await cue(ben).fill('Ben’s cue.');
  const conflict = ben.getByRole('alert').filter({ has: ben.getByRole('heading', { name: 'Casey Nguyen saved this draft while you were editing' }) });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByLabel('Their draft compared with yours')).toContainText('Ben’s cue.');
  await expect(conflict.getByLabel('Their draft compared with yours')).toContainText('Ana’s cue.');
  await expect(cue(ben)).toHaveValue('Ben’s cue.');
  await conflict.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
  await expect(ben.getByText(/^Saved /)).toBeVisible();
  const kept = (await (await ben.request.get(`/api/studio/scenarios/${id}`)).json()).draft as string;
  expect(kept).toContain('cue: Ben’s cue.');
  expect(kept).toContain('customer: Ana’s opening line.');
});
