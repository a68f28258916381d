// Ids as they arrive from URLs and tokens, checked before they reach a query.

/** Ids come from URLs and tokens: anything that is not a UUID names no user (and must not reach SQL as one). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
