// The authorization matrix: every guarded page and route, requested as each kind of person, answers with the status their role and teams allow.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { readScenarios } from '../lib/content/scenarios';
import { signIn } from './fixtures';

type Who = 'anonymous' | 'learner' | 'otherLearner' | 'otherManager' | 'manager' | 'author' | 'admin';
const people: Record<Exclude<Who, 'anonymous'>, string> = {
  // learner1 is on Harbour Street Support, managed by manager1; manager2 runs another team.
  learner: 'learner1@example.com',
  otherLearner: 'learner2@example.com',
  otherManager: 'manager2@example.com',
  manager: 'manager1@example.com',
  // An author learns like a learner, and writes in the studio.
  author: 'author@example.com',
  admin: 'admin@example.com',
};
const everyone: Who[] = ['anonymous', 'learner', 'otherLearner', 'otherManager', 'manager', 'author', 'admin'];

// Anonymous page requests are sent to sign-in; everything else answers with a status.
const REDIRECT = 307;

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  expect: Record<Who, number>;
}

interface Ids {
  learnerId: string;
  /** Another learner of the same team. */
  teammateId: string;
  attemptId: string;
  teamId: string;
}

const page = (learner: number, manager: number, admin = manager, author = learner): Record<Who, number> => ({
  anonymous: REDIRECT,
  learner,
  otherLearner: learner,
  otherManager: manager,
  manager,
  author,
  admin,
});

/** A well-formed id nobody has. */
const NO_ONE = '00000000-0000-4000-8000-000000000000';
const signedIn = (status: number): Record<Who, number> => ({ anonymous: status, learner: status, otherLearner: status, otherManager: status, manager: status, author: status, admin: status });
const adminOnly = (adminStatus: number): Record<Who, number> => ({ anonymous: 401, learner: 403, otherLearner: 403, otherManager: 403, manager: 403, author: 403, admin: adminStatus });
const authorsOnly = (status: number): Record<Who, number> => ({ anonymous: 401, learner: 403, otherLearner: 403, otherManager: 403, manager: 403, author: status, admin: status });
/** A studio draft nobody wrote. */
const NO_DRAFT = 'no-such-draft';

const cases: Case[] = [
  // Pages every signed-in person may open.
  ...['/', '/learn', '/learn/reflecting-emotion', '/practice', '/practice/double-charge', '/progress', '/checkups', '/account'].map(
    (p): Case => ({ name: `page ${p}`, method: 'GET', url: () => p, expect: page(200, 200) }),
  ),
  // Manager pages.
  { name: 'team overview', method: 'GET', url: () => '/team', expect: page(403, 200) },
  { name: 'team overview of a given team', method: 'GET', url: (i) => `/team?team=${i.teamId}`, expect: { ...page(403, 200), otherManager: 404 } },
  { name: 'learner page', method: 'GET', url: (i) => `/team/learners/${i.learnerId}`, expect: { ...page(403, 200), otherManager: 403 } },
  { name: 'transcript review', method: 'GET', url: (i) => `/team/learners/${i.learnerId}/attempts/${i.attemptId}`, expect: { ...page(403, 200), otherManager: 403 } },
  // learner1's attempt under learner2's address: both on manager1's team, so only the mismatch refuses it.
  {
    name: 'transcript under another learner’s address',
    method: 'GET',
    url: (i) => `/team/learners/${i.teammateId}/attempts/${i.attemptId}`,
    expect: { ...page(403, 404), otherManager: 403 },
  },
  { name: 'choice analytics', method: 'GET', url: (i) => `/team/scenarios/double-charge?team=${i.teamId}`, expect: { ...page(403, 200), otherManager: 404 } },
  { name: 'check-up plans', method: 'GET', url: (i) => `/team/checkups?team=${i.teamId}`, expect: { ...page(403, 200), otherManager: 404 } },
  // Admin pages.
  { name: 'admin', method: 'GET', url: () => '/admin', expect: page(403, 403, 200) },
  ...['/admin/teams', '/admin/import', '/admin/lti'].map((p): Case => ({ name: `page ${p}`, method: 'GET', url: () => p, expect: page(403, 403, 200) })),
  // Without a ticket from a launch, the deep-linking picker only says it has expired.
  { name: 'deep-linking picker', method: 'GET', url: () => '/lti/deep-link', expect: page(200, 200) },
  { name: 'register a learning platform', method: 'POST', url: () => '/api/admin/lti/platforms', body: () => ({}), expect: adminOnly(400) },
  { name: 'export a SCORM package', method: 'POST', url: () => '/api/admin/scorm/packages', body: () => ({}), expect: adminOnly(400) },
  { name: 'revoke a SCORM package', method: 'DELETE', url: () => `/api/admin/scorm/packages/${NO_ONE}`, expect: adminOnly(404) },
  { name: 'remove a learning platform', method: 'DELETE', url: () => `/api/admin/lti/platforms/${NO_ONE}`, expect: adminOnly(404) },
  { name: 'a person’s admin page', method: 'GET', url: (i) => `/admin/users/${i.learnerId}`, expect: page(403, 403, 200) },
  { name: 'a team’s admin page', method: 'GET', url: (i) => `/admin/teams/${i.teamId}`, expect: page(403, 403, 200) },
  // One's own account, data and modules: every signed-in person, each for themselves only (the routes take no person's id).
  { name: 'who am I', method: 'GET', url: () => '/api/me', expect: { ...signedIn(200), anonymous: 401 } },
  { name: 'download my data', method: 'GET', url: () => '/api/me/data', expect: { ...signedIn(200), anonymous: 401 } },
  { name: 'my progress in a module', method: 'GET', url: () => '/api/modules/reflecting-emotion/progress', expect: { ...signedIn(200), anonymous: 401 } },
  // An unknown module: signed-in people get past the guard to a 404, and nothing is recorded.
  { name: 'open a module', method: 'POST', url: () => '/api/modules/no-such-module/start', expect: { ...signedIn(404), anonymous: 401 } },
  // Bodies that fail validation: a signed-in person gets 400, proving the request got past the guard, and nothing changes.
  ...(
    [
      ['change my password', 'POST', '/api/me/password'],
      ['start two-step set-up', 'POST', '/api/me/two-step'],
      ['turn off my two-step', 'DELETE', '/api/me/two-step'],
      ['confirm two-step set-up', 'POST', '/api/me/two-step/confirm'],
      ['replace my recovery codes', 'POST', '/api/me/two-step/recovery-codes'],
      ['start an attempt', 'POST', '/api/attempts'],
      ['answer a knowledge check', 'POST', '/api/modules/reflecting-emotion/answers'],
      ['save a reflection', 'PUT', '/api/modules/reflecting-emotion/reflections/first'],
    ] as const
  ).map(([name, method, p]): Case => ({ name, method, url: () => p, body: () => ({}), expect: { ...signedIn(400), anonymous: 401 } })),
  // The learner's own attempt: nobody else, not even their manager, reads it through the player's API.
  {
    name: 'read an attempt',
    method: 'GET',
    url: (i) => `/api/attempts/${i.attemptId}`,
    expect: { anonymous: 401, learner: 200, otherLearner: 404, otherManager: 404, manager: 404, author: 404, admin: 404 },
  },
  {
    name: 'decide in an attempt',
    method: 'POST',
    url: (i) => `/api/attempts/${i.attemptId}/decisions`,
    // A seq that skips ahead: the owner gets 409, proving the request got past access control.
    body: () => ({ seq: 5, choiceId: 'x' }),
    expect: { anonymous: 401, learner: 409, otherLearner: 404, otherManager: 404, manager: 404, author: 404, admin: 404 },
  },
  { name: 'team list API', method: 'GET', url: () => '/api/team', expect: { anonymous: 401, learner: 403, otherLearner: 403, otherManager: 200, manager: 200, author: 403, admin: 200 } },
  {
    name: 'team CSV export',
    method: 'GET',
    url: (i) => `/api/teams/${i.teamId}/export?kind=attempts`,
    expect: { anonymous: 401, learner: 403, otherLearner: 403, otherManager: 404, manager: 200, author: 403, admin: 200 },
  },
  {
    name: 'create a check-up plan',
    method: 'POST',
    url: (i) => `/api/teams/${i.teamId}/checkup-plans`,
    // An invalid plan: those allowed in get a 400, so no plan is really created.
    body: () => ({ name: '', scenarioCount: 0 }),
    expect: { anonymous: 401, learner: 403, otherLearner: 403, otherManager: 404, manager: 400, author: 403, admin: 400 },
  },
  // The admin's team routes: managers manage their teams' check-ups, not the teams themselves.
  {
    name: 'rename a team',
    method: 'PATCH',
    url: (i) => `/api/admin/teams/${i.teamId}`,
    body: () => ({}),
    expect: adminOnly(400),
  },
  {
    name: 'add a team manager',
    method: 'POST',
    url: (i) => `/api/admin/teams/${i.teamId}/managers`,
    body: () => ({}),
    expect: adminOnly(400),
  },
  {
    name: 'delete a team',
    method: 'DELETE',
    url: () => `/api/admin/teams/${NO_ONE}`,
    expect: adminOnly(404),
  },
  {
    name: 'change an account',
    method: 'PATCH',
    url: (i) => `/api/admin/users/${i.learnerId}`,
    // An empty change: the admin gets 400 ("nothing to change"), everyone else is refused first.
    body: () => ({}),
    expect: adminOnly(400),
  },
  // Without the person's email typed in the body, nobody is erased; the admin gets 400.
  { name: 'erase a person', method: 'POST', url: (i) => `/api/admin/users/${i.learnerId}/erase`, body: () => ({}), expect: adminOnly(400) },
  // learner1 has no two-step sign-in, so the admin's reset is refused as already off.
  { name: 'turn off a person’s two-step', method: 'DELETE', url: (i) => `/api/admin/users/${i.learnerId}/two-step`, expect: adminOnly(400) },
  { name: 'add people', method: 'POST', url: () => '/api/admin/users', body: () => ({}), expect: adminOnly(400) },
  { name: 'create a team', method: 'POST', url: () => '/api/admin/teams', body: () => ({}), expect: adminOnly(400) },
  { name: 'import people', method: 'POST', url: () => '/api/admin/import', body: () => ({}), expect: adminOnly(400) },
  // Without the confirmation phrase the demo organisation stays.
  { name: 'remove the demo organisation', method: 'DELETE', url: () => '/api/admin/demo', body: () => ({}), expect: adminOnly(400) },
  { name: 'add a team member', method: 'POST', url: (i) => `/api/admin/teams/${i.teamId}/members`, body: () => ({}), expect: adminOnly(400) },
  { name: 'remove a team member', method: 'DELETE', url: (i) => `/api/admin/teams/${i.teamId}/members/${NO_ONE}`, expect: adminOnly(404) },
  { name: 'remove a team manager', method: 'DELETE', url: (i) => `/api/admin/teams/${i.teamId}/managers/${NO_ONE}`, expect: adminOnly(404) },
  // A plan that does not exist: managers and admins get past the role check to a 404.
  {
    name: 'stop a check-up plan',
    method: 'DELETE',
    url: () => `/api/checkup-plans/${NO_ONE}`,
    expect: { anonymous: 401, learner: 403, otherLearner: 403, otherManager: 404, manager: 404, author: 403, admin: 404 },
  },
  // The studio: authors and admins. A draft nobody wrote gets them past the role check to a 404; an empty body to a 400.
  { name: 'studio', method: 'GET', url: () => '/studio', expect: page(403, 403, 200, 200) },
  { name: 'a shipped scenario in the studio', method: 'GET', url: () => '/studio/scenarios/double-charge', expect: page(403, 403, 200, 200) },
  { name: 'a studio draft', method: 'GET', url: () => `/studio/scenarios/${NO_DRAFT}`, expect: page(403, 403, 404, 404) },
  { name: 'playtest a draft', method: 'GET', url: () => `/studio/scenarios/${NO_DRAFT}/playtest`, expect: page(403, 403, 404, 404) },
  { name: 'read a draft', method: 'GET', url: () => `/api/studio/scenarios/${NO_DRAFT}`, expect: authorsOnly(404) },
  { name: 'save a draft', method: 'PUT', url: () => `/api/studio/scenarios/${NO_DRAFT}/draft`, body: () => ({}), expect: authorsOnly(400) },
  { name: 'publish or roll back', method: 'POST', url: () => `/api/studio/scenarios/${NO_DRAFT}/versions`, body: () => ({}), expect: authorsOnly(400) },
  { name: 'a shipped scenario as YAML', method: 'GET', url: () => '/api/studio/scenarios/double-charge/yaml', expect: authorsOnly(200) },
  { name: 'start a studio document', method: 'POST', url: () => '/api/studio/documents', body: () => ({}), expect: authorsOnly(400) },
  { name: 'import a YAML file', method: 'POST', url: () => '/api/studio/import', body: () => ({}), expect: authorsOnly(400) },
  { name: 'run the strategy gate', method: 'POST', url: () => '/api/studio/gate', body: () => ({}), expect: authorsOnly(400) },
  { name: 'playtest a decision', method: 'POST', url: () => '/api/studio/playtest', body: () => ({}), expect: authorsOnly(400) },
];

/**
 * Entry points anyone may reach signed out, each for a reason; every other page and route must
 * have a row above, or the completeness test below fails.
 */
const publicEntries = new Set([
  'GET /signin', // the sign-in page itself
  'GET /session-ended', // clears the cookie of a session the server has ended, then sends to sign-in
  'GET /api/health', // liveness for load balancers: says nothing about anyone
  'GET /api/ready', // readiness for load balancers: reaches the database, says nothing about anyone
  'GET /api/auth/[...nextauth]', // next-auth's own sign-in, callback and sign-out handlers
  'POST /api/auth/[...nextauth]',
  // LTI 1.3: a learning platform's login initiation and launch, which check the platform's signed token themselves (e2e/lti.spec.ts)
  'GET /api/lti/login',
  'POST /api/lti/login',
  'POST /api/lti/launch',
  'GET /api/lti/jwks', // the tool's public keys
  'GET /launch/refused', // why a launch was refused: the same words for everyone
  'GET /api/scorm/launch', // a SCORM package's launch, which checks the package's signed token itself (e2e/scorm.spec.ts)
]);

/** Every page and route handler under app/, as `METHOD /pattern` with route groups dropped. */
function entryPoints(): string[] {
  const out: string[] = [];
  for (const file of readdirSync('app', { recursive: true }) as string[]) {
    const name = file.split(/[\\/]/).pop();
    if (name !== 'page.tsx' && name !== 'route.ts') continue;
    const pattern = '/' + file.split(/[\\/]/).slice(0, -1).filter((seg) => !/^\(.*\)$/.test(seg)).join('/');
    if (name === 'page.tsx') {
      out.push(`GET ${pattern}`);
      continue;
    }
    const source = readFileSync(join('app', file), 'utf8');
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export \{([^}]*)\}/g)) for (const a of m[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(a[1]!);
    for (const method of methods) out.push(`${method} ${pattern}`);
  }
  return out.sort();
}

/** The entry point a request lands on: the pattern matching its path with the fewest parameters. */
function entryOf(method: string, url: string, entries: string[]): string | undefined {
  const path = url.split('?')[0]!;
  const matching = entries.filter((e) => {
    const [m, pattern] = e.split(' ') as [string, string];
    if (m !== method) return false;
    const re = pattern.replace(/\[\.\.\.[^\]]+\]/g, '.+').replace(/\[[^\]]+\]/g, '[^/]+');
    return new RegExp(`^${re === '/' ? '/' : re}$`).test(path);
  });
  return matching.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0];
}

test('the matrix has a row for every page and route handler in the app, and no row for one that is gone', () => {
  const entries = entryPoints();
  // The walk itself is checked: it finds pages, groups dropped, and methods of both export styles.
  expect(entries).toEqual(expect.arrayContaining(['GET /', 'GET /team/learners/[id]', 'PATCH /api/admin/teams/[id]', 'DELETE /api/admin/teams/[id]', 'POST /api/auth/[...nextauth]']));
  const ids: Ids = { learnerId: NO_ONE, teammateId: NO_ONE, attemptId: NO_ONE, teamId: NO_ONE };
  const covered = new Set<string>();
  const stale: string[] = [];
  for (const c of cases) {
    const entry = entryOf(c.method, c.url(ids), entries);
    if (entry) covered.add(entry);
    else stale.push(`${c.name}: ${c.method} ${c.url(ids)}`);
  }
  expect(stale).toEqual([]);
  expect(entries.filter((e) => !covered.has(e) && !publicEntries.has(e))).toEqual([]);
  expect([...publicEntries].filter((e) => !entries.includes(e))).toEqual([]);
});

async function contextFor(browser: Browser, who: Who): Promise<APIRequestContext> {
  const ctx = await browser.newContext();
  if (who !== 'anonymous') await signIn(await ctx.newPage(), people[who]);
  return ctx.request;
}

test('every role gets exactly the access it should on every guarded page and route', async ({ browser }) => {
  test.setTimeout(120_000);
  // One at a time: six browsers signing in at once on a two-core machine measure the machine, not the app.
  const requests = {} as Record<Who, APIRequestContext>;
  for (const w of everyone) requests[w] = await contextFor(browser, w);

  // The learner's attempt, one decision in.
  const best = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === 'double-charge')!.analysis.bestPath[0]!;
  const started = await (await requests.learner.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } })).json();
  expect((await requests.learner.post(`/api/attempts/${started.attemptId}/decisions`, { data: { seq: 0, choiceId: best } })).status()).toBe(200);
  const me = await (await requests.learner.get('/api/me')).json();
  const teammate = await (await requests.otherLearner.get('/api/me')).json();
  const teams = (await (await requests.manager.get('/api/team')).json()).teams as { id: string; name: string }[];
  const ids: Ids = { learnerId: me.user.id, teammateId: teammate.user.id, attemptId: started.attemptId, teamId: teams.find((t) => t.name === 'Harbour Street Support')!.id };

  const wrong: string[] = [];
  for (const c of cases) {
    for (const who of everyone) {
      const res = await requests[who].fetch(c.url(ids), {
        method: c.method,
        maxRedirects: 0,
        ...(c.body ? { data: c.body(ids) } : {}),
      });
      const want = c.expect[who];
      if (res.status() !== want) wrong.push(`${c.name} as ${who}: ${res.status()}, expected ${want}`);
      // A refused API request explains itself in JSON.
      if (c.url(ids).startsWith('/api/') && res.status() >= 400) {
        const body = await res.json().catch(() => null);
        if (!body || typeof body.error !== 'string') wrong.push(`${c.name} as ${who}: ${res.status()} without a JSON error`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

test('reading and exporting learners’ records is on record, and so is asking for another team’s', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await contextFor(browser, 'admin');
  const manager = await contextFor(browser, 'manager');
  const learner = await contextFor(browser, 'learner');
  const riley = await browser.newContext();
  await signIn(await riley.newPage(), 'manager3@example.com');

  // Another manager's team, with a check-up plan of its own.
  const team = (await (await admin.post('/api/admin/teams', { data: { name: 'Lantern Quay Support' } })).json()).team as { id: string };
  expect((await admin.post(`/api/admin/teams/${team.id}/managers`, { data: { email: 'manager3@example.com' } })).status()).toBeLessThan(300);
  const planned = await riley.request.post(`/api/teams/${team.id}/checkup-plans`, { data: { name: 'Quay check-up', scenarioCount: 1, recurDays: null } });
  expect(planned.status()).toBe(201);
  const planId = ((await planned.json()) as { plan: { id: string } }).plan.id;

  // manager1 tries to stop that plan and export that team: both exist, both answer "not found".
  const stop = await manager.delete(`/api/checkup-plans/${planId}`);
  expect(stop.status()).toBe(404);
  expect(await stop.json()).toEqual({ error: 'There is no such team among the teams you manage.' });
  expect((await manager.get(`/api/teams/${team.id}/export?kind=skills`)).status()).toBe(404);
  const stillThere = await riley.request.delete(`/api/checkup-plans/${planId}`);
  expect(stillThere.status()).toBe(200);

  // manager1 reads a learner of their own team, a transcript, and exports the team.
  const started = await (await learner.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } })).json();
  const me = await (await learner.get('/api/me')).json();
  expect((await manager.get(`/team/learners/${me.user.id}`)).status()).toBe(200);
  expect((await manager.get(`/team/learners/${me.user.id}/attempts/${started.attemptId}`)).status()).toBe(200);
  const harbour = ((await (await manager.get('/api/team')).json()).teams as { id: string; name: string }[]).find((t) => t.name === 'Harbour Street Support')!;
  expect((await manager.get(`/api/teams/${harbour.id}/export?kind=attempts`)).status()).toBe(200);

  // The admin's activity list has each of them, newest first, under the manager's name.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'admin@example.com');
  await page.goto('/admin');
  const rows = page.getByRole('table', { name: 'Recent activity' }).getByRole('row');
  const byJordan = (await rows.allInnerTexts()).filter((r) => r.includes('Jordan Lee')).map((r) => r.split('\t')[1]);
  expect(byJordan.slice(0, 5)).toEqual([
    'Exported team results (CSV)',
    'Opened a transcript',
    'Opened a learner’s record',
    'Asked for someone else’s record (answered “not found”)',
    'Asked for someone else’s record (answered “not found”)',
  ]);
});
