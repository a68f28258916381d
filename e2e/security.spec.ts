// Security: headers and the content policy every page works under, session cookie flags, errors without internals, and stored payloads shown back as text on every page and export.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, FIRST_PASSWORD, firstSignIn, signIn } from './fixtures';
import { expectNoStackTrace } from './http-checks';
import { pathTo, reply } from './play';
import { launchServer, waitForReady } from './server';

const SCRIPT_NAME = '<script>window.__pwned=1</script>=HYPERLINK("http://x")';
const FORMULA_NAME = '=HYPERLINK("http://x","click")';
const IMG_NOTE = '<img src=x onerror="window.__pwned=1">';
const IMPORTED_NAME = '<svg onload="window.__pwned=1">Imported';
const SQL_NAME = "Robert'); DROP TABLE users;--";
const PLAN_NAME = '<b onmouseover="window.__pwned=1">Plan</b>';
const TEAM_NAME = 'Security <i>team</i>';

declare global {
  interface Window {
    __pwned?: number;
    __cspViolations?: string[];
  }
}

/** Collects every content-policy violation a page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return console;
}

/** Opens a page, waits until React has hydrated it, and checks nothing was blocked or injected. */
async function visit(page: Page, consoleViolations: string[], url: string, status = 200) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(status);
  // The App Router sets window.next once its scripts run: a blocked bootstrap script leaves it unset.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version), null, { timeout: 10_000 });
  // Time for effects to fetch their data and for any injected handler to fire.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
  expect(consoleViolations, url).toEqual([]);
  expect(await page.evaluate(() => window.__pwned), url).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], b[onmouseover]').count(), url).toBe(0);
  expectNoStackTrace(await page.locator('body').innerText());
}

/** A page signed in as `email`; `first` for someone an admin just added, who chooses their own password on the way in. */
async function signedIn(browser: Browser, email: string, first = false) {
  const page = await (await browser.newContext()).newPage();
  const violations = await watchCsp(page);
  if (first) await firstSignIn(page, email);
  else await signIn(page, email);
  return { page, violations, api: page.request };
}

const created = async (res: Awaited<ReturnType<APIRequestContext['post']>>) => {
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json() as Promise<Record<string, Record<string, string>>>;
};

/** Plays a scenario through the API to the given outcome, choosing replies by their text. */
async function playThrough(api: APIRequestContext, scenarioId: string): Promise<string> {
  const start = (await created(await api.post('/api/attempts', { data: { scenarioId, mode: 'practice' } }))) as unknown as {
    attemptId: string;
    turn: { choices: { id: string; say: string }[] };
  };
  let turn = start.turn;
  for (const [seq, say] of pathTo(scenarioId, 'success').entries()) {
    const choice = turn.choices.find((c) => c.say === say)!;
    const res = (await created(await api.post(`/api/attempts/${start.attemptId}/decisions`, { data: { seq, choiceId: choice.id } }))) as unknown as {
      turn?: typeof turn;
    };
    if (res.turn) turn = res.turn;
  }
  return start.attemptId;
}

test('every response carries the security headers; learner data is never cached; static files keep their caching', async ({ browser }) => {
  const { page, api } = await signedIn(browser, 'admin@example.com');
  const common = (h: Record<string, string>, url: string) => {
    const csp = h['content-security-policy'] ?? '';
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data:"]) {
      expect(csp, url).toContain(d);
    }
    expect(csp, url).not.toMatch(/script-src[^;]*(https?:|\*|'unsafe-eval')/);
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(h['x-frame-options'], url).toBe('DENY');
    expect(h['permissions-policy'], url).toContain('camera=()');
    // Served over plain http here: HSTS would be ignored, and is sent only behind https (tested below).
    expect(h['strict-transport-security'], url).toBeUndefined();
    expect(h['x-powered-by'], url).toBeUndefined();
  };

  for (const url of ['/', '/team', '/admin', '/progress']) {
    const h = (await api.get(url, { maxRedirects: 0 })).headers();
    common(h, url);
    expect(h['cache-control'], url).toMatch(/no-store/);
    expect(h['cache-control'], url).toMatch(/private/);
    // Pages rendered per request get a fresh nonce and no inline-script allowance.
    expect(h['content-security-policy'], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  }
  const [a, b] = await Promise.all([api.get('/'), api.get('/')]);
  expect(a.headers()['content-security-policy']).not.toBe(b.headers()['content-security-policy']);

  // The readiness probe reaches the database, unlike /api/health.
  const ready = await api.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ok: true, database: 'up' });
  for (const url of ['/api/me', '/api/team', '/api/auth/session', '/api/health', '/api/ready', '/api/modules/reflecting-emotion/progress']) {
    const h = (await api.get(url)).headers();
    common(h, url);
    expect(h['cache-control'], url).toMatch(/no-store/);
  }

  // Module pages are prerendered (ADR 6): they cannot carry a nonce, so they keep the static policy.
  const mod = await api.get('/learn/reflecting-emotion');
  common(mod.headers(), '/learn/reflecting-emotion');
  expect(mod.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");

  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  common((await anonymous.get('/signin')).headers(), '/signin');
  common((await anonymous.get('/icon.svg')).headers(), '/icon.svg');

  await page.goto('/');
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
  const asset = (await api.get(script!)).headers();
  common(asset, script!);
  expect(asset['cache-control']).toContain('immutable');
});

test('the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain http', async ({ browser }) => {
  const { page } = await signedIn(browser, 'learner3@example.com');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
  // Every cookie next-auth sets is out of scripts' reach.
  for (const c of cookies) expect(c.httpOnly, c.name).toBe(true);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('behind an https proxy: HSTS, and a Secure __Secure- session cookie that the app then recognises', async () => {
  test.setTimeout(120_000);
  const dir = '.data/e2e-security';
  const port = 3217;
  fs.rmSync(dir, { recursive: true, force: true });
  const server = launchServer({ PGLITE_DIR: dir, PORT: String(port), TRUST_PROXY: 'true' });
  try {
    await waitForReady(server);
    const http = await playwrightRequest.newContext({ baseURL: `http://localhost:${port}`, storageState: { cookies: [], origins: [] } });
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-host': `localhost:${port}` };
    expect((await http.get('/api/health', { headers: https })).headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await http.get('/api/health', { headers: { 'x-forwarded-proto': 'http' } })).headers()['strict-transport-security']).toBeUndefined();
    expect((await http.get('/api/health')).headers()['strict-transport-security']).toBeUndefined();

    const setCookies = (res: Awaited<ReturnType<APIRequestContext['get']>>) =>
      res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    const csrf = await http.get('/api/auth/csrf', { headers: https });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = setCookies(csrf).find((c) => c.startsWith('__Host-next-auth.csrf-token='))!;
    expect(csrfCookie).toMatch(/; Secure/i);
    const signInRes = await http.post('/api/auth/callback/credentials', {
      headers: { ...https, cookie: csrfCookie.split(';')[0]! },
      form: { csrfToken, email: 'learner4@example.com', password: DEMO_PASSWORD, json: 'true' },
      maxRedirects: 0,
    });
    const session = setCookies(signInRes).find((c) => c.startsWith('__Secure-next-auth.session-token='));
    expect(session, setCookies(signInRes).join('\n')).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    // The proxy and the session check both know the prefixed name: the home page opens rather than redirecting to sign-in.
    const home = await http.get('/', { headers: { ...https, cookie: session!.split(';')[0]! }, maxRedirects: 0 });
    expect(home.status()).toBe(200);
    expect(home.headers()['strict-transport-security']).toBeDefined();
    expect(await home.text()).toContain('Welcome');
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
  }
});

test('error pages and error answers show no stack traces or file paths', async ({ browser }) => {
  const learner = await signedIn(browser, 'learner5@example.com');
  await visit(learner.page, learner.violations, '/admin', 403);
  await visit(learner.page, learner.violations, '/no-such-page', 404);
  await visit(learner.page, learner.violations, '/practice/no-such-scenario', 404);
  const admin = await signedIn(browser, 'admin@example.com');
  for (const url of ['/team/learners/not-a-uuid', "/team/learners/1'%20OR%20'1'='1/attempts/x", '/admin/users/%00', '/admin/teams/..%2F..']) {
    const res = await admin.page.goto(url);
    expect(res!.status(), url).toBeLessThan(500);
    expect(res!.status(), url).toBeGreaterThanOrEqual(400);
    expectNoStackTrace(await admin.page.locator('body').innerText());
  }
  for (const url of ['/api/attempts/%E0%A4%A', '/api/modules/%ZZ/progress', '/%E0%A4%A']) {
    const res = await admin.api.get(url);
    expect(res.status(), url).toBeLessThan(500);
    expectNoStackTrace(await res.text());
  }
});

test('stored script, markup, formula and SQL payloads are shown back as text on every page and neutralised in exports', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, 'admin@example.com');
  const team = (await created(await admin.api.post('/api/admin/teams', { data: { name: TEAM_NAME } }))).team!;
  const person = (email: string, name: string) =>
    admin.api.post('/api/admin/users', { data: { email, name, role: 'learner', password: FIRST_PASSWORD, teamId: team.id } });
  const scripted = (await created(await person('xss-learner@example.com', SCRIPT_NAME))).user!;
  await created(await person('formula-learner@example.com', FORMULA_NAME));
  await created(await person('sql-learner@example.com', SQL_NAME));
  const csv = `email,name,role,team\nimported-xss@example.com,"${IMPORTED_NAME.replace(/"/g, '""')}",learner,${TEAM_NAME}\n`;
  const report = (await created(await admin.api.post('/api/admin/import', { data: { csv } }))) as unknown as { counts: { created: number } };
  expect(report.counts.created).toBe(1);
  await created(await admin.api.post(`/api/teams/${team.id}/checkup-plans`, { data: { name: PLAN_NAME, scenarioCount: 1 } }));

  // The learner writes a note and plays a role-play, so the manager has a transcript to open.
  const learner = await signedIn(browser, 'xss-learner@example.com', true);
  const note = await learner.api.put('/api/modules/reflecting-emotion/reflections/feeling-and-reason', { data: { text: IMG_NOTE } });
  expect(note.status()).toBe(200);
  const attemptId = await playThrough(learner.api, 'double-charge');
  // The formula-named learner plays too, so both exports carry their name.
  await playThrough((await signedIn(browser, 'formula-learner@example.com', true)).api, 'double-charge');

  await visit(learner.page, learner.violations, '/');
  await expect(learner.page.getByRole('heading', { level: 1 })).toContainText(SCRIPT_NAME);
  await visit(learner.page, learner.violations, '/learn/reflecting-emotion');
  await expect(learner.page.getByRole('textbox', { name: /complained to a company/ })).toHaveValue(IMG_NOTE);
  await visit(learner.page, learner.violations, '/checkups');
  await expect(learner.page.getByText(PLAN_NAME).first()).toBeVisible();
  await visit(learner.page, learner.violations, '/progress');

  const shows = async (url: string, texts: string[]) => {
    await visit(admin.page, admin.violations, url);
    for (const t of texts) await expect(admin.page.locator('main'), `${url} shows ${t}`).toContainText(t);
  };
  await shows('/admin', [SCRIPT_NAME, IMPORTED_NAME, FORMULA_NAME]);
  await shows(`/admin/users/${scripted.id}`, [SCRIPT_NAME]);
  await shows(`/admin/teams/${team.id}`, [TEAM_NAME, SCRIPT_NAME, IMPORTED_NAME, SQL_NAME]);
  await shows(`/team?team=${team.id}`, [TEAM_NAME, SCRIPT_NAME, SQL_NAME]);
  await shows(`/team/learners/${scripted.id}`, [SCRIPT_NAME]);
  await shows(`/team/learners/${scripted.id}/attempts/${attemptId}`, [SCRIPT_NAME]);
  await shows(`/team/checkups?team=${team.id}`, [PLAN_NAME, SCRIPT_NAME]);
  await shows(`/team/scenarios/double-charge?team=${team.id}`, []);

  for (const kind of ['skills', 'attempts']) {
    const res = await admin.api.get(`/api/teams/${team.id}/export?kind=${kind}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toContain('no-store');
    const rows = parse(await res.text(), { bom: true }) as string[][];
    const cells = rows.flat();
    for (const c of cells) expect(c, `${kind} export`).not.toMatch(/^[=+@\t\r]/);
    expect(cells, `${kind} export`).toContain(`'${FORMULA_NAME}`);
    expect(cells, `${kind} export`).toContain(SCRIPT_NAME);
  }
});

test('every page works under its content policy, with nothing blocked', async ({ browser }) => {
  // Fifteen pages for three users and a turn of the player: a whole journey, not one step (30 s is too tight on two shared cores).
  test.setTimeout(90_000);
  const anonymous = await (await browser.newContext()).newPage();
  const anonViolations = await watchCsp(anonymous);
  await visit(anonymous, anonViolations, '/signin');

  const manager = await signedIn(browser, 'manager1@example.com');
  for (const url of ['/', '/learn', '/learn/timing', '/practice', '/progress', '/checkups', '/team', '/team/checkups', '/team/scenarios/double-charge']) {
    await visit(manager.page, manager.violations, url);
  }
  const admin = await signedIn(browser, 'admin@example.com');
  for (const url of ['/admin', '/admin/teams', '/admin/import', '/admin/lti']) await visit(admin.page, admin.violations, url);

  // The player animates with framer-motion and runs its own machine: a reply goes through and the customer answers.
  await visit(manager.page, manager.violations, '/practice/double-charge');
  const says = pathTo('double-charge', 'success');
  await reply(manager.page, says[0]!);
  await manager.page.getByRole('button', { name: 'Continue' }).click();
  await expect(manager.page.getByRole('button').filter({ hasText: says[1]! })).toBeVisible();
  expect(await manager.page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(manager.violations).toEqual([]);
});
