// The API client: what it sends, and the sentence it gives back for each way a request can fail.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { get, OFFLINE, orThrow, post, send } from './api';

const answer = (status: number, body?: unknown) =>
  vi.fn(async (_url: string, _init?: RequestInit) => new Response(body === undefined ? 'not json' : JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe('send', () => {
  it('sends JSON with its content type and any extra header, and returns the answer', async () => {
    const fetch = answer(201, { attemptId: 'a1' });
    vi.stubGlobal('fetch', fetch);
    const sent = await post<{ attemptId: string }>('/api/attempts', { scenarioId: 's' }, { headers: { 'Idempotency-Key': 'k' } });
    expect(sent).toEqual({ ok: true, data: { attemptId: 'a1' } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/attempts');
    expect(init).toMatchObject({ method: 'POST', body: '{"scenarioId":"s"}', headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k' } });
  });

  it('sends no body and no content type when there is nothing to send', async () => {
    const fetch = answer(200, {});
    vi.stubGlobal('fetch', fetch);
    await send('/api/checkup-plans/p', 'DELETE');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'DELETE', body: undefined, headers: {} });
  });

  it('gives the server’s sentence with the status', async () => {
    vi.stubGlobal('fetch', answer(409, { error: 'That email is taken.', field: 'email' }));
    // The whole answer comes along too, for callers that show more than the sentence (a conflict's other text, a refusal's problems).
    expect(await send('/api/admin/users', 'POST', {})).toEqual({ ok: false, error: 'That email is taken.', status: 409, body: { error: 'That email is taken.', field: 'email' } });
  });

  it('says what the caller chose on a 401, and otherwise what the server said', async () => {
    vi.stubGlobal('fetch', answer(401, { error: 'Your session has ended. Sign in again.' }));
    expect(await get('/api/me')).toMatchObject({ error: 'Your session has ended. Sign in again.', status: 401 });
    expect(await get('/api/me', { signedOut: 'Sign in again to continue.' })).toMatchObject({ error: 'Sign in again to continue.' });
  });

  it('falls back to a sentence with the status when the error has none', async () => {
    vi.stubGlobal('fetch', answer(502));
    expect(await get('/api/me')).toEqual({ ok: false, error: 'That did not work (status 502).', status: 502, body: {} });
    expect(await get('/api/me', { failed: (s) => `The trainer answered ${s}.` })).toMatchObject({ error: 'The trainer answered 502.' });
  });

  it('says the trainer could not be reached when the request never got an answer', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await get('/api/me')).toEqual({ ok: false, error: OFFLINE });
    expect(await get('/api/me', { offline: 'Your note could not be saved.' })).toEqual({ ok: false, error: 'Your note could not be saved.' });
  });
});

describe('orThrow', () => {
  it('returns the answer, or throws the sentence', async () => {
    vi.stubGlobal('fetch', answer(200, { n: 1 }));
    expect(await orThrow(get('/x'))).toEqual({ n: 1 });
    vi.stubGlobal('fetch', answer(404, { error: 'No such attempt.' }));
    await expect(orThrow(get('/x'))).rejects.toThrow('No such attempt.');
  });
});
