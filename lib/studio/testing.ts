// Scenario drafts for the studio's tests: a clean one made to fail the strategy gate.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The same scenario with its best option at every decision made the longest, so picking by length passes it. */
export function longestWins(text: string): string {
  const doc = parseDocument(text);
  const nodes = doc.get('nodes', true);
  if (!isMap(nodes)) throw new Error('no nodes');
  for (const pair of nodes.items) {
    const choices = (pair.value as { get(k: string, keep: true): unknown }).get('choices', true);
    if (!isSeq(choices)) continue;
    const total = (c: unknown) => {
      const scores = (c as { get(k: string): unknown }).get('scores') as { toJSON(): Record<string, number> } | undefined;
      return Object.values(scores?.toJSON() ?? {}).reduce((a, b) => a + b, 0);
    };
    const best = [...choices.items].sort((a, b) => total(b) - total(a))[0] as { get(k: string, keep: true): unknown; set(k: string, v: string): void };
    const say = best.get('say', true);
    if (isScalar(say)) best.set('say', `${String(say.value)} And I want you to know that I am going to stay with this, every step, until it is properly put right for you today.`);
  }
  return doc.toString({ lineWidth: 0 });
}

