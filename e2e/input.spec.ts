// Bad input on every JSON route with a body: each kind of malformed request gets a 4xx with a readable JSON {error}, never a 5xx.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { signIn } from './fixtures';
import { expectNoStackTrace, expectReadableError } from './http-checks';

interface Ids {
  userId: string;
  teamId: string;
  attemptId: string;
}

interface Route {
  method: 'POST' | 'PUT' | 'PATCH';
  url: (ids: Ids) => string;
  /** A body the route accepts, so a refusal can only come from the one thing each case breaks. */
  valid: Record<string, unknown>;
  /** Bodies larger than this are refused with 413. */
  limit?: number;
}

const MODULE = 'reflecting-emotion';
/** A studio route takes a whole scenario file: up to 256 KB of YAML, and the JSON around it. */
const YAML_LIMIT = 256 * 1024 + 1024;
const routes: Route[] = [
  { method: 'POST', url: () => '/api/attempts', valid: { scenarioId: 'double-charge', mode: 'practice' } },
  { method: 'POST', url: (i) => `/api/attempts/${i.attemptId}/decisions`, valid: { seq: 0, choiceId: 'x' } },
  { method: 'POST', url: () => `/api/modules/${MODULE}/answers`, valid: { checkId: 'x', optionId: 'a' } },
  { method: 'PUT', url: () => `/api/modules/${MODULE}/reflections/feeling-and-reason`, valid: { text: 'A note' } },
  { method: 'POST', url: () => '/api/admin/users', valid: { email: 'input-new@example.com', name: 'New', role: 'learner' } },
  { method: 'PATCH', url: (i) => `/api/admin/users/${i.userId}`, valid: { name: 'Input Person' } },
  { method: 'POST', url: () => '/api/admin/teams', valid: { name: 'Input team two' } },
  { method: 'PATCH', url: (i) => `/api/admin/teams/${i.teamId}`, valid: { name: 'Input team' } },
  { method: 'POST', url: (i) => `/api/admin/teams/${i.teamId}/members`, valid: { email: 'input-person@example.com' } },
  { method: 'POST', url: (i) => `/api/admin/teams/${i.teamId}/managers`, valid: { email: 'admin@example.com' } },
  { method: 'POST', url: () => '/api/admin/import', valid: { csv: 'email,name,role,team\n', dryRun: true }, limit: 2 * 1024 * 1024 + 1024 },
  { method: 'POST', url: (i) => `/api/teams/${i.teamId}/checkup-plans`, valid: { name: 'Plan', scenarioCount: 1 } },
  { method: 'POST', url: () => '/api/admin/scorm/packages', valid: { target: 'scenario:double-charge', lms: 'Input LMS' } },
  { method: 'POST', url: () => '/api/studio/documents', valid: { kind: 'scenario', from: 'double-charge', id: 'input-copy', title: 'Input copy' } },
  { method: 'PUT', url: () => '/api/studio/scenarios/input-copy/draft', valid: { yaml: 'id: input-copy', baseRevision: 1 }, limit: YAML_LIMIT },
  { method: 'POST', url: () => '/api/studio/scenarios/input-copy/versions', valid: { revision: 1 } },
  { method: 'POST', url: () => '/api/studio/import', valid: { kind: 'scenario', yaml: 'id: input-copy' }, limit: YAML_LIMIT },
  { method: 'POST', url: () => '/api/studio/gate', valid: { id: 'input-copy', yaml: 'id: input-copy' }, limit: YAML_LIMIT },
  { method: 'POST', url: () => '/api/studio/playtest', valid: { id: 'input-copy', steps: [] }, limit: 512 * 1024 },
  {
    method: 'POST',
    url: () => '/api/admin/lti/platforms',
    valid: {
      name: 'Input LMS',
      issuer: 'https://lms.example.com',
      clientId: 'c-1',
      deploymentIds: ['d-1'],
      authLoginUrl: 'https://lms.example.com/auth',
      authTokenUrl: 'https://lms.example.com/token',
      jwksUrl: 'https://lms.example.com/jwks',
    },
  },
];

interface Bad {
  name: string;
  status: number;
  body: (r: Route) => { data: string | Buffer; type?: string };
}

const json = (v: unknown) => ({ data: JSON.stringify(v) });
const wrongType = (v: unknown): unknown => (typeof v === 'string' ? 12 : typeof v === 'number' ? 'twelve' : typeof v === 'boolean' ? 'yes' : 'x');

const bad: Bad[] = [
  { name: 'wrong types', status: 400, body: (r) => json(Object.fromEntries(Object.entries(r.valid).map(([k, v]) => [k, wrongType(v)]))) },
  { name: 'objects where strings belong', status: 400, body: (r) => json(Object.fromEntries(Object.entries(r.valid).map(([k]) => [k, { $ne: null }]))) },
  { name: 'an unknown field', status: 400, body: (r) => json({ ...r.valid, role: 'admin', isAdmin: true }) },
  { name: 'a missing body', status: 400, body: () => ({ data: '' }) },
  { name: 'malformed JSON', status: 400, body: () => ({ data: '{"name": "x",' }) },
  { name: 'JSON that is not an object', status: 400, body: () => json(['admin']) },
  { name: 'null', status: 400, body: () => ({ data: 'null' }) },
  { name: 'deep nesting', status: 400, body: () => ({ data: '['.repeat(5000) + ']'.repeat(5000) }) },
  {
    name: 'invalid UTF-8',
    status: 400,
    body: (r) => {
      const [key] = Object.keys(r.valid);
      return { data: Buffer.concat([Buffer.from(`{"${key}":"`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]) };
    },
  },
  {
    name: 'a NUL character in text',
    status: 400,
    // A body with no text field gets one, so the NUL is still what is refused (before the fields are checked).
    body: (r) => json({ ...Object.fromEntries(Object.entries(r.valid).map(([k, v]) => [k, typeof v === 'string' ? `a\u0000b` : v])), ...(Object.values(r.valid).some((v) => typeof v === 'string') ? {} : { note: 'a\u0000b' }) }),
  },
  { name: 'a wrong content type', status: 415, body: (r) => ({ data: JSON.stringify(r.valid), type: 'text/plain' }) },
  { name: 'a form post', status: 415, body: () => ({ data: 'name=x&role=admin', type: 'application/x-www-form-urlencoded' }) },
  { name: 'a huge body', status: 413, body: (r) => json({ ...r.valid, pad: 'x'.repeat((r.limit ?? 16 * 1024) + 1) }) },
];

async function adminRequest(browser: Browser): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'admin@example.com');
  return page.request;
}

test('every JSON route refuses each kind of bad body with a readable 4xx', async ({ browser }) => {
  test.setTimeout(120_000);
  const api = await adminRequest(browser);
  const team = await api.post('/api/admin/teams', { data: { name: 'Input team' } });
  expect(team.status()).toBe(201);
  const person = await api.post('/api/admin/users', { data: { email: 'input-person@example.com', name: 'Input Person', role: 'learner' } });
  expect(person.status()).toBe(201);
  const attempt = await api.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } });
  expect(attempt.status()).toBe(201);
  const ids: Ids = {
    teamId: ((await team.json()) as { team: { id: string } }).team.id,
    userId: ((await person.json()) as { user: { id: string } }).user.id,
    attemptId: ((await attempt.json()) as { attemptId: string }).attemptId,
  };

  for (const route of routes) {
    for (const b of bad) {
      const { data, type } = b.body(route);
      const label = `${route.method} ${route.url(ids)} with ${b.name}`;
      const res = await api.fetch(route.url(ids), { method: route.method, data, headers: { 'content-type': type ?? 'application/json' } });
      await expectReadableError(res, b.status, label);
    }
  }
});

test('injection strings are stored as text, never run as SQL', async ({ browser }) => {
  const api = await adminRequest(browser);
  const names = ["Robert'); DROP TABLE users;--", "' OR '1'='1", '1; SELECT pg_sleep(5)', '$$ \\ %_ ${x} {{x}}'];
  for (const [i, name] of names.entries()) {
    const res = await api.post('/api/admin/users', { data: { email: `sql-${i}@example.com`, name, role: 'learner' } });
    expect(res.status(), await res.text()).toBe(201);
    expect(((await res.json()) as { user: { name: string } }).user.name).toBe(name);
  }
  const search = await api.post('/api/admin/teams/00000000-0000-0000-0000-000000000000\' OR 1=1--/members', { data: { email: "x' OR '1'='1" } });
  expect(search.status()).toBe(404);
  // The table is still there and still has the demo people.
  expect((await api.get('/api/me')).status()).toBe(200);
});

test('ids that are not ids, and odd query strings, get 4xx answers rather than database errors', async ({ browser }) => {
  const api = await adminRequest(browser);
  const odd = ['not-a-uuid', "1' OR '1'='1", '%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000)];
  for (const id of odd) {
    for (const url of [`/api/attempts/${id}`, `/api/teams/${id}/export?kind=skills`, `/api/modules/${id}/progress`, `/api/studio/scenarios/${id}`, `/api/studio/scenarios/${id}/yaml`]) {
      const res = await api.get(url);
      expect(res.status(), `${url}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
      expect(res.status(), url).toBeLessThan(500);
      expectNoStackTrace(await res.text());
    }
    for (const [method, url] of [
      ['PATCH', `/api/admin/users/${id}`],
      ['DELETE', `/api/checkup-plans/${id}`],
      ['DELETE', `/api/admin/teams/${id}/members/${id}`],
    ] as const) {
      const res = await api.fetch(url, { method, data: method === 'PATCH' ? { name: 'x' } : undefined });
      expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
      expect(res.status(), url).toBeLessThan(500);
    }
  }
  const kind = await api.get(`/api/teams/x/export?kind=<script>`);
  expect(kind.status()).toBeLessThan(500);
});

test('next-auth endpoints refuse a huge body before reading it all', async ({ request }) => {
  const huge = await request.post('/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=a%40b.example&password=${'x'.repeat(64 * 1024)}`,
  });
  await expectReadableError(huge, 413, 'a 64 KB sign-in form');
});
