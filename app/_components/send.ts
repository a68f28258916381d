// The client forms' one way to call the API: JSON in, and either the answer or a sentence to show.
/** On failure, status is the HTTP status, or undefined when the trainer could not be reached. */
export type Sent<T> = { ok: true; data: T } | { ok: false; error: string; status?: number };

export async function send<T = unknown>(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<Sent<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: 'The trainer could not be reached. Check your connection and try again.' };
  }
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) return { ok: false, error: data.error ?? `That did not work (status ${res.status}).`, status: res.status };
  return { ok: true, data };
}
