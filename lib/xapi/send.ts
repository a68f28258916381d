// Sends statements to a learning record store through @xapi/xapi, and the loop that drains the outbox in the background.
import XAPI from '@xapi/xapi';
import type { Db } from '@/db/client';
import { drainStore, LrsError, type Lrs, type Send } from './outbox';
import type { Statement } from './statements';
import { repeatInBackground } from '@/lib/background';

const TIMEOUT_MS = 10_000;

// The library's own fetch adapter drops the status code, which says whether a batch is done (409).
type Request = { url: string; method: string; data?: unknown; headers?: Record<string, string> };
const adapter = async ({ url, method, data, headers }: Request) => {
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: data === undefined ? undefined : JSON.stringify(data), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new LrsError(undefined, `the store could not be reached: ${(e as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new LrsError(response.status, `the store answered ${response.status}: ${text.slice(0, 200)}`);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A store may answer 204 with no body.
  }
  return { data: body as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
};

const client = (store: Lrs) => new XAPI({ endpoint: `${store.endpoint}/`, auth: XAPI.toBasicAuth(store.key, store.secret), adapter });

/**
 * POSTs a batch. A 409 means the store already holds a statement with one of these ids: every id
 * names one event, so the batch is then sent a statement at a time, and a 409 alone is "stored".
 */
export const sendToLrs: Send = async (store, statements) => {
  const xapi = client(store);
  const post = (batch: Statement[]) => xapi.sendStatements({ statements: batch as never });
  try {
    await post(statements);
  } catch (e) {
    if (!(e instanceof LrsError) || e.status !== 409) throw e;
    for (const s of statements) {
      try {
        await post([s]);
      } catch (single) {
        if (!(single instanceof LrsError) || single.status !== 409) throw single;
      }
    }
  }
};

/** Drains every configured store now and then every few seconds; a store that is down is retried with back-off. Returns a stop function. */
export function startOutboxSender(db: () => Promise<Db>, stores: Lrs[], everyMs = 5_000, send: Send = sendToLrs): () => void {
  return repeatInBackground('xAPI: draining the outbox', everyMs, async () => {
    const handle = await db();
    for (const store of stores) await drainStore(handle, store, send);
  });
}
