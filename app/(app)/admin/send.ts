// The admin forms' one way to call the admin API: JSON in, and either the answer or a sentence to show.
export type Sent<T> = { ok: true; data: T } | { ok: false; error: string };

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
  if (!res.ok) return { ok: false, error: data.error ?? `That did not work (status ${res.status}).` };
  return { ok: true, data };
}
