// Accessibility: axe on every page for each role at desktop and phone widths, and a whole role-play played by keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { signIn } from './fixtures';
import { bestPathSays, reply } from './play';

const widths = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

// Each test signs in once and walks many pages (at desktop width every module, each scanned), so it gets more time
// than one journey step: about 60 s on two idle cores, and twice that when the machine is shared.
test.describe.configure({ timeout: 180_000 });

type Width = (typeof widths)[number];

/** A fresh context at this width; signed in as `as`, its home page scanned under that label, when given. */
async function newPage(browser: Browser, width: Width, as?: { email: string; home: string }) {
  const page = await (await browser.newContext({ ...width.use })).newPage();
  if (as) {
    await signIn(page, as.email);
    await axe(page, as.home);
  }
  return page;
}

/**
 * Runs axe on the page as it stands and records any violation under the page's label, without
 * stopping the walk. Stricter than the journeys' check: WCAG 2.2 AA (target size matters on phones)
 * and axe's best practices too, and on a phone nothing may scroll sideways (WCAG 1.4.10 reflow).
 */
async function axe(page: Page, label: string) {
  // After a client-side navigation Next.js streams the new page's title in a moment later.
  await page.waitForFunction(() => document.title.trim().length > 0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const found = results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect.soft(found, `axe on ${label} (${page.url()})`).toEqual([]);
  if ((page.viewportSize()?.width ?? 0) < 500) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(overflow, `sideways scroll on ${label}`).toBeLessThanOrEqual(0);
  }
}

/** A page to walk to: its address, or its address and a label for the report. */
type Stop = string | readonly [url: string, label: string];

/** Goes to each page in turn, waits for its heading and scans it. */
async function visit(page: Page, ...stops: Stop[]) {
  for (const stop of stops) {
    const [url, label] = typeof stop === 'string' ? [stop, stop] : stop;
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await axe(page, label);
  }
}

/** The address of the first link matching the pattern, so ids come from the pages rather than the test. */
async function hrefOf(links: Locator, pattern: RegExp) {
  const all = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  const href = all.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern}`).toBeTruthy();
  return href!;
}

for (const width of widths) {
  test.describe(`at ${width.name} width`, () => {
    test('anonymous pages have no axe violations', async ({ browser }) => {
      const page = await newPage(browser, width);
      await visit(page, '/signin', ['/session-ended?reason=inactive', 'the session-ended notice']);
      await page.context().close();
    });

    test('learner pages have no axe violations', async ({ browser }) => {
      // learner1 has an assigned check-up and an onboarding path ahead of them.
      const fresh = await newPage(browser, width, { email: 'learner1@example.com', home: 'home with check-ups to do' });
      if (width.name === 'phone') {
        await fresh.getByRole('button', { name: 'Menu' }).click();
        await expect(fresh.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' })).toBeVisible();
        await axe(fresh, 'the open menu');
      }
      await visit(fresh, '/checkups', ['/team', 'the 403 page'], ['/no-such-page', 'the 404 page']);
      await fresh.context().close();

      // A riverside learner has months of history, so the charts and trends have data.
      const page = await newPage(browser, width, { email: width.name === 'phone' ? 'riverside02@example.com' : 'riverside01@example.com', home: 'home with a skill profile' });
      await visit(page, '/progress', ['/checkups', 'check-ups with results'], '/learn');
      // Modules are written in MDX with their own components, so each one is checked at desktop width.
      const modules = [...new Set(await page.locator('main a[href^="/learn/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!)))];
      expect(modules.length).toBeGreaterThan(1);
      for (const m of width.name === 'desktop' ? modules : modules.slice(0, 1)) await visit(page, [m, `the module ${m}`]);

      await visit(page, '/practice');
      const scenario = await hrefOf(page.locator('main a'), /^\/practice\/[^/?]+$/);
      await page.goto(scenario);
      await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
      await axe(page, 'the player, a turn');
      const says = bestPathSays(scenario.split('/').at(-1)!);
      for (const [i, say] of says.entries()) {
        await reply(page, say);
        const next = page.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' });
        await expect(next).toBeVisible();
        if (i === 0) await axe(page, 'the player, feedback');
        await next.click();
      }
      await expect(page.getByRole('heading', { name: /Passed|Not passed yet/ })).toBeVisible();
      await axe(page, 'the debrief');
      await page.context().close();
    });

    test('manager pages have no axe violations', async ({ browser }) => {
      const page = await newPage(browser, width, { email: 'manager3@example.com', home: 'manager home' });
      await visit(page, ['/team?basis=recent', 'team heatmap, last 90 days']);
      const team = page.locator('main a');
      const learner = await hrefOf(team, /^\/team\/learners\/[^/?]+$/);
      const analytics = await hrefOf(team, /^\/team\/scenarios\/[^/?]+\?team=/);
      await visit(page, ['/team?basis=checkup', 'team heatmap, latest check-up'], [learner, 'a learner']);
      // The transcript's address is read from the learner's page, so it is found only once that page is open.
      const transcript = await hrefOf(page.locator('main a'), /^\/team\/learners\/[^/]+\/attempts\//);
      await visit(
        page,
        [transcript, 'a transcript'],
        [analytics, 'choice analytics'],
        '/team/checkups',
        ['/admin', 'the 403 page for a manager'],
        ['/no-such-page', 'the 404 page'],
      );
      await page.context().close();
    });

    test('studio pages have no axe violations', async ({ browser }) => {
      const page = await newPage(browser, width, { email: 'author@example.com', home: 'author home' });
      await visit(page, '/studio');
      const id = `a11y-${width.name}`;
      expect((await page.request.post('/api/studio/documents', { data: { kind: 'scenario', from: 'locked-out', id, title: `Locked out (${width.name})` } })).status()).toBe(201);
      await page.goto(`/studio/scenarios/${id}`);
      // The map loads after the editor; scan once it has drawn.
      await expect(page.getByRole('button', { name: /^opening|start/ }).first()).toBeVisible();
      await axe(page, 'the editor');
      await visit(page, [`/studio/scenarios/${id}/playtest`, 'a playtest'], ['/studio/scenarios/double-charge', 'a shipped scenario']);
      await page.context().close();
    });

    test('admin pages have no axe violations', async ({ browser }) => {
      const page = await newPage(browser, width, { email: 'admin@example.com', home: 'admin home' });
      await visit(page, '/admin');
      const person = await hrefOf(page.locator('main a'), /^\/admin\/users\/[^/?]+$/);
      await visit(page, [person, 'a person'], '/admin/teams');
      await visit(page, [await hrefOf(page.locator('main a'), /^\/admin\/teams\/[^/?]+$/), 'a team'], '/admin/lti', '/admin/import');
      await page.getByLabel('Or paste the rows').fill('email,name,role,team\nnew.person@example.com,New Person,learner,Harbour Street Support\nnot-an-email,Bad Row,learner,\n');
      await page.getByRole('button', { name: 'Check without saving' }).click();
      await expect(page.getByRole('heading', { name: 'What an import would do' })).toBeFocused();
      await axe(page, 'the import report');
      await visit(page, ['/team', 'the team heatmap for an admin']);
      await page.context().close();
    });
  });
}

/** Presses Tab until the focused element passes the check, as a keyboard user would, and fails if it never does. */
async function tabTo(page: Page, what: string, check: (el: Element) => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${check.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function expectFocusVisible(page: Page) {
  expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
}

test('a whole role-play, from sign-in to the debrief, by keyboard alone', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await tabTo(page, 'the email field', (el) => el.id === 'email');
  await page.keyboard.type('riverside03@example.com');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('practice-empathy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');

  await tabTo(page, 'Practice in the main menu', (el) => el.getAttribute('href') === '/practice' && !!el.closest('nav'));
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible();
  await tabTo(page, 'the first role-play', (el) => /^\/practice\/[^/?]+$/.test(el.getAttribute('href') ?? ''));
  const scenarioId = (await page.evaluate(() => document.activeElement!.getAttribute('href')))!.split('/').at(-1)!;
  await page.keyboard.press('Enter');

  const choices = page.locator('.choice-button');
  const live = page.locator('.player [aria-live]');
  const customerLine = page.locator('.transcript-current .line-customer .line-text');
  await expect(choices.first()).toBeFocused();
  await expectFocusVisible(page);
  await expect(live).toHaveText(`${await page.locator('.player-name').textContent()}: ${await customerLine.textContent()}`);

  const says = bestPathSays(scenarioId);
  for (const [i, say] of says.entries()) {
    const n = (await choices.allTextContents()).findIndex((t) => t.includes(say)) + 1;
    expect(n, `"${say}" is on offer`).toBeGreaterThan(0);
    await page.keyboard.press(String(n));
    const last = i === says.length - 1;
    const next = page.getByRole('button', { name: last ? 'See the debrief' : 'Continue' });
    await expect(next).toBeFocused();
    await expectFocusVisible(page);
    await expect(live).toHaveText(/^Feedback: /);
    // The live region is already on the page when the customer's next line arrives, so it is read out.
    const region = await live.elementHandle();
    await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
    if (last) break;
    await expect(choices.first()).toBeFocused();
    const line = await customerLine.textContent();
    expect(await region!.evaluate((el) => [el.isConnected, el.textContent])).toEqual([true, `${await page.locator('.player-name').textContent()}: ${line}`]);
  }

  await expect(page.getByRole('heading', { name: /^(Passed|Not passed yet):/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Try this conversation again' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Tab');
  const lesson = page.getByRole('link', { name: /^Read: / });
  await expect(lesson).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.context().close();
});
