// The browser's one client for the trainer's JSON API: JSON in and out, and either the answer or a sentence to show.

/** On failure, status is the HTTP status, or undefined when the trainer could not be reached. */
export type Sent<T> = { ok: true; data: T } | { ok: false; error: string; status?: number; body?: Record<string, unknown> };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const OFFLINE = 'The trainer could not be reached. Check your connection and try again.';

export interface SendOptions {
  /** Sent as well, such as the Idempotency-Key that lets a start be retried. */
  headers?: Record<string, string>;
  /** Said instead of the server's sentence when the session has ended (401), where the caller knows what to do next. */
  signedOut?: string;
  /** Said when the trainer cannot be reached. */
  offline?: string;
  /** Said when an error answer carries no sentence of its own. */
  failed?: (status: number) => string;
}

/** Routes answer an error as `{ error: string, ... }` (lib/http.ts); that sentence is written for the person who caused it. */
export async function send<T = unknown>(url: string, method: Method, body?: unknown, options: SendOptions = {}): Promise<Sent<T>> {
  const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, error: options.offline ?? OFFLINE };
  }
  const data = (await res.json().catch(() => ({}))) as T & { error?: unknown };
  if (res.ok) return { ok: true, data };
  const said = typeof data.error === 'string' && data.error ? data.error : undefined;
  const error = (res.status === 401 ? options.signedOut : undefined) ?? said ?? options.failed?.(res.status) ?? `That did not work (status ${res.status}).`;
  return { ok: false, error, status: res.status, body: data as Record<string, unknown> };
}

export const get = <T = unknown>(url: string, options?: SendOptions) => send<T>(url, 'GET', undefined, options);
export const post = <T = unknown>(url: string, body: unknown, options?: SendOptions) => send<T>(url, 'POST', body, options);

/** The answer, or an Error carrying the sentence: for callers built on exceptions, such as the player's state machine. */
export async function orThrow<T>(sent: Promise<Sent<T>>): Promise<T> {
  const s = await sent;
  if (!s.ok) throw new Error(s.error);
  return s.data;
}

/** POSTs JSON and saves the file the trainer answers with (a package, an export); an error answer is read as `send` reads it. */
export async function download(url: string, body: unknown): Promise<Sent<{ filename: string }>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: OFFLINE };
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: unknown };
    return { ok: false, error: typeof data.error === 'string' && data.error ? data.error : `That did not work (status ${res.status}).`, status: res.status };
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the file to the browser; the address can go once it has started.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true, data: { filename } };
}
