// What the server may write to its log about an error: the query and the reason, never the values a query carried.
/**
 * A failed query's message lists its parameters (a password hash, an email, a typed reply), and
 * a database error's `detail` repeats the offending key's value. Logs are kept and read more widely
 * than the database, so those are replaced before anything is printed.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error) || depth > 4) return value;
  const copy = new Error(value.message.replace(/^params: .*$/gms, 'params: [redacted]'));
  copy.name = value.name;
  copy.stack = value.stack?.replace(/^params: .*?(?=\n    at |$)/ms, 'params: [redacted]');
  const fields = value as unknown as Record<string, unknown>;
  for (const key of ['code', 'query', 'table', 'column', 'constraint', 'routine']) {
    if (typeof fields[key] === 'string') (copy as unknown as Record<string, unknown>)[key] = fields[key];
  }
  if (typeof fields.detail === 'string') (copy as unknown as Record<string, unknown>).detail = '[redacted]';
  if (value.cause !== undefined) copy.cause = redactForLog(value.cause, depth + 1);
  return copy;
}

/** Wraps console.error and console.warn so every error the server logs (its own and the framework's) is redacted. */
export function redactConsole(target: Pick<Console, 'error' | 'warn'> = console): void {
  for (const level of ['error', 'warn'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map((a) => redactForLog(a)));
  }
}
