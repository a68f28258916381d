// A stable shuffle: the same items in the same order for the same key, a different order for another key.
import crypto from 'node:crypto';

/**
 * `items` ordered by a hash of `key` and each item's id: stable across reloads and restarts (nothing
 * is stored), and unrelated between keys, so one learner's order says nothing about another's.
 */
export function stableShuffle<T>(items: readonly T[], key: string, idOf: (item: T) => string): T[] {
  const rank = new Map(items.map((item) => [item, crypto.createHash('sha256').update(`${key}:${idOf(item)}`).digest('hex')]));
  return [...items].sort((a, b) => (rank.get(a)! < rank.get(b)! ? -1 : 1));
}
