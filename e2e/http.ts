// Plain-HTTP clients for scripts and reliability journeys: sign in without a browser, call the attempts API.

export const PASSWORD = 'practice-empathy';

export type SignInOutcome = { cookie: string } | { status: number; error: string };

/**
 * One password sign-in through next-auth's credentials callback (CSRF first, as a browser would).
 * `headers` lets a test speak for a client behind a trusted proxy (X-Forwarded-For).
 */
export async function trySignIn(
  base: string,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<SignInOutcome> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers });
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (session) {
    await res.arrayBuffer();
    return { cookie: session.split(';')[0]! };
  }
  // next-auth answers a refused sign-in with the sign-in page's URL, its reason in `error`.
  const text = await res.text();
  let error = text.slice(0, 200);
  try {
    const url = (JSON.parse(text) as { url?: string }).url;
    if (url) error = new URL(url, base).searchParams.get('error') ?? url;
  } catch {
    // not JSON: keep the raw start of the body
  }
  return { status: res.status, error };
}

export async function signInCookie(base: string, email: string, password = PASSWORD): Promise<string> {
  const outcome = await trySignIn(base, email, password);
  if ('cookie' in outcome) return outcome.cookie;
  throw new Error(`sign-in as ${email} failed (${outcome.status}: ${outcome.error})`);
}

export interface Turn {
  nodeId: string;
  choices: { id: string; say: string }[];
}

export interface Ending {
  id: string;
  outcome: 'success' | 'partial' | 'failure';
}

export interface Started {
  attemptId: string;
  seq: number;
  turn: Turn;
}

export interface DecisionAnswer {
  seq: number;
  mood: number;
  turn?: Turn;
  ending?: Ending;
}

export interface AttemptView {
  attemptId: string;
  status: 'in_progress' | 'completed' | 'abandoned';
  seq: number;
  turn?: Turn;
  ending?: Ending;
  transcript: { seq: number; nodeId: string; choiceId: string }[];
}

export interface Reply<T> {
  status: number;
  body: T;
}

/** A signed-in learner's JSON calls. Network errors are thrown, never turned into a status. */
export class Client {
  constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Reply<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // an HTML error page or empty body: the status says enough
    }
    return { status: res.status, body: parsed as T };
  }

  start(scenarioId: string, mode: 'practice' | 'checkup' = 'practice') {
    return this.send<Started>('POST', '/api/attempts', { scenarioId, mode });
  }

  decide(attemptId: string, seq: number, choiceId: string, signal?: AbortSignal) {
    return this.send<DecisionAnswer>('POST', `/api/attempts/${attemptId}/decisions`, { seq, choiceId, elapsedMs: 1000 }, signal);
  }

  attempt(attemptId: string) {
    return this.send<AttemptView>('GET', `/api/attempts/${attemptId}`);
  }
}

/** Signs out through next-auth's endpoint, as the Sign out button does; the cookie itself is kept, as a thief would keep a copy. */
export async function signOut(base: string, cookie: string): Promise<number> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const csrf = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [cookie, csrf].filter(Boolean).join('; ') },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  await res.arrayBuffer();
  return res.status;
}
