// JSON route plumbing: readable errors, cross-site refusal, bounded bodies, one wrapper for every handler.
import { z } from 'zod';
import { HttpError } from '@/lib/http-error';
import { redactForLog } from './log-redact';

export function jsonError(status: number, error: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error, ...extra }, { status });
}

export class BadRequestError extends HttpError {
  constructor(message: string, status: 400 | 409 | 413 | 415 = 400) {
    super(status, message);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * next-auth's CSRF token protects only its own routes, so state-changing handlers refuse
 * requests a browser marks as coming from another site. Clients that send neither header
 * (scripts, the benchmark) are judged by their session alone.
 */
export function isCrossSite(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (maxBytes: number) => new BadRequestError(`The body is too large (limit ${maxBytes} bytes).`, 413);

/** Reads at most `maxBytes` of the body, stopping early so an oversized or endless upload is never buffered whole. */
async function readBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The same request with its body read up to `maxBytes` and buffered, for handlers we do not write
 * (next-auth reads whole bodies with no limit). Throws the 413 error when the body is larger.
 */
export async function boundedRequest<R extends Request>(req: R, maxBytes: number, rebuild: (url: string, init: RequestInit) => R): Promise<R> {
  if (SAFE_METHODS.has(req.method) || !req.body) return req;
  const body = await readBytes(req, maxBytes);
  return rebuild(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) });
}

/** Reads an HTML form post (application/x-www-form-urlencoded), size-limited, as platforms send LTI messages. */
export async function readForm(req: Request, maxBytes = MAX_BODY_BYTES): Promise<URLSearchParams> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new BadRequestError('Send the body as a form (application/x-www-form-urlencoded).', 415);
  return new URLSearchParams(new TextDecoder().decode(await readBytes(req, maxBytes)));
}

// PostgreSQL text cannot hold U+0000, and no person types it: refused here rather than failing in the database.
function refuseNul(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw new BadRequestError('Text cannot contain the NUL character (\\u0000).');
  return value;
}

// Fatal: a byte sequence that is not UTF-8 is refused rather than stored as U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and validates a JSON body: size-limited, UTF-8 only, unknown fields rejected by strict schemas.
 * `maxBytes` raises the limit for the few handlers that take a file's contents.
 */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, maxBytes = MAX_BODY_BYTES): Promise<z.output<T>> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new BadRequestError('Send the body as JSON (Content-Type: application/json).', 415);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readBytes(req, maxBytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BadRequestError('The body is not valid UTF-8 text.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text, refuseNul);
  } catch (e) {
    if (e instanceof BadRequestError) throw e;
    throw new BadRequestError('The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BadRequestError(`${where}${issue?.message ?? 'invalid input'}`);
  }
  return parsed.data;
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a JSON `{error}` with the right status. */
export function apiRoute<C>(fn: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    if (!SAFE_METHODS.has(req.method) && isCrossSite(req)) {
      return jsonError(403, 'Requests from other sites are refused.');
    }
    try {
      return await fn(req, ctx);
    } catch (e) {
      if (e instanceof HttpError) {
        const res = jsonError(e.status, e.message);
        for (const [k, v] of Object.entries(e.headers)) res.headers.set(k, v);
        return res;
      }
      console.error(redactForLog(e));
      return jsonError(500, 'Something went wrong on our side. Your last change may not have been saved; try again.');
    }
  };
}
