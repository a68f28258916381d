// The attempts API as a script or the player uses it: every status code it promises.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readScenarios } from '../lib/content/scenarios';
import { signIn } from './fixtures';

// The best path's first reply keeps the conversation going; a random one might end it at once.
const bestFirst = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === 'double-charge')!.analysis.bestPath[0]!;

type Turn = { nodeId: string; choices: { id: string; say: string }[] };

async function start(request: APIRequestContext, mode = 'practice') {
  const res = await request.post('/api/attempts', { data: { scenarioId: 'double-charge', mode } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { attemptId: string; seq: number; turn: Turn };
}

test('anonymous requests get 401', async ({ request }) => {
  const res = await request.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice' } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: 'Sign in first.' });
});

test('starting and deciding: 201, 200, idempotent repeats, and each refusal with a readable error', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'learner2@example.com');
  const req = page.request;

  const bad = async (res: Awaited<ReturnType<APIRequestContext['post']>>, status: number, error: RegExp) => {
    expect(res.status()).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
  };
  await bad(await req.post('/api/attempts', { data: { scenarioId: 'no-such', mode: 'practice' } }), 404, /no scenario "no-such"/);
  await bad(await req.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'exam' } }), 400, /^mode: /);
  await bad(await req.post('/api/attempts', { data: { scenarioId: 'double-charge', mode: 'practice', score: 100 } }), 400, /score/);
  await bad(await req.post('/api/attempts', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"scenarioId":') }), 400, /not valid JSON/);
  await bad(await req.post('/api/attempts', { data: { scenarioId: 'x'.repeat(20_000), mode: 'practice' } }), 413, /too large/);
  await bad(await req.post('/api/attempts', { headers: { origin: 'https://evil.example' }, data: { scenarioId: 'double-charge', mode: 'practice' } }), 403, /other sites/);

  // A start sent again with its Idempotency-Key (a retry after a lost answer) gets the same attempt.
  const keyed = { headers: { 'Idempotency-Key': 'retry-0f3a9c2e' }, data: { scenarioId: 'double-charge', mode: 'practice' } };
  const once = await req.post('/api/attempts', keyed);
  expect(once.status()).toBe(201);
  const twice = await req.post('/api/attempts', keyed);
  expect(twice.status()).toBe(200);
  expect((await twice.json()).attemptId).toBe((await once.json()).attemptId);
  await bad(await req.post('/api/attempts', { ...keyed, headers: { 'Idempotency-Key': 'no spaces!' } }), 400, /Idempotency-Key must be/);

  const { attemptId, turn } = await start(req);
  expect(turn.choices.length).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(turn)).not.toMatch(/feedback|scores|next/);
  const url = `/api/attempts/${attemptId}/decisions`;
  const first = bestFirst;
  expect(turn.choices.map((c) => c.id)).toContain(first);

  const ok = await req.post(url, { data: { seq: 0, choiceId: first, elapsedMs: 900 } });
  expect(ok.status()).toBe(200);
  const answer = await ok.json();
  expect(answer).toMatchObject({ seq: 0, feedback: expect.any(String), mood: expect.any(Number) });
  const again = await req.post(url, { data: { seq: 0, choiceId: first, elapsedMs: 900 } });
  expect(await again.json()).toEqual(answer);

  const other = turn.choices.find((c) => c.id !== first)!.id;
  await bad(await req.post(url, { data: { seq: 0, choiceId: other } }), 409, /already recorded with a different choice/);
  await bad(await req.post(url, { data: { seq: 5, choiceId: first } }), 409, /skips ahead/);
  await bad(await req.post(url, { data: { seq: 1, choiceId: 'not-a-choice' } }), 400, /not one of the choices on offer/);
  await bad(await req.post(url, { data: { seq: '1', choiceId: first } }), 400, /^seq: /);
  await bad(await req.post('/api/attempts/00000000-0000-4000-8000-000000000000/decisions', { data: { seq: 0, choiceId: first } }), 404, /no such attempt/);

  // Play to the end by always taking the first choice, then try one more.
  let seq = 1;
  let next = (answer as { turn?: Turn }).turn;
  while (next) {
    const res = await req.post(url, { data: { seq, choiceId: next.choices[0]!.id } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { turn?: Turn; ending?: { outcome: string } };
    next = body.turn;
    if (!next) expect(body.ending?.outcome).toMatch(/success|partial|failure/);
    seq++;
  }
  await bad(await req.post(url, { data: { seq, choiceId: 'anything' } }), 409, /already ended/);
  const view = await req.get(`/api/attempts/${attemptId}`);
  expect(view.status()).toBe(200);
  expect(((await view.json()) as { transcript: unknown[] }).transcript).toHaveLength(seq);

  // Another learner sees nothing of it.
  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, 'learner3@example.com');
  expect((await stranger.request.get(`/api/attempts/${attemptId}`)).status()).toBe(404);
  expect((await stranger.request.post(url, { data: { seq: 0, choiceId: first } })).status()).toBe(404);
});

test('twenty copies of one decision at once store it once', async ({ page }) => {
  await signIn(page, 'learner4@example.com');
  const { attemptId, turn } = await start(page.request);
  const send = () => page.request.post(`/api/attempts/${attemptId}/decisions`, { data: { seq: 0, choiceId: turn.choices[0]!.id } });
  const answers = await Promise.all(Array.from({ length: 20 }, send));
  expect(answers.map((a) => a.status())).toEqual(Array(20).fill(200));
  const bodies = new Set(await Promise.all(answers.map(async (a) => JSON.stringify(await a.json()))));
  expect(bodies.size).toBe(1);
  const view = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as { transcript: unknown[]; seq: number };
  expect(view.seq).toBe(1);
  expect(view.transcript).toHaveLength(1);
});
