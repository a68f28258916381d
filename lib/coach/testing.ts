// Helpers for the coach's detector tests: the reply context each case varies, what fires on a reply, and a family of phrasings as a test.
import { expect, it } from 'vitest';
import { analyzeReply, type DetectorId, type ReplyContext } from './analyze';

export const ctx = (over: Partial<ReplyContext> = {}): ReplyContext => ({ customerName: 'Farida Benali', channel: 'phone', clue: { news: 'bad' }, ...over });
export const found = (text: string, c = ctx()) => new Set(analyzeReply(text, c).findings.map((f) => f.detector));

/** A family of phrasings a detector must find, and the lookalikes that share its words and must not fire it. */
export interface Family {
  id: DetectorId;
  family: string;
  yes: string[];
  no: string[];
  context?: Partial<ReplyContext>;
}

/** One test a family: every member fires its detector, and no lookalike does. */
export function itFindsEach(families: readonly Family[]) {
  for (const f of families) {
    it(`${f.id}: ${f.family}`, () => {
      for (const text of f.yes) expect(found(text, ctx(f.context)).has(f.id), `should find ${f.id} in: ${text}`).toBe(true);
      for (const text of f.no) expect(found(text, ctx(f.context)).has(f.id), `should not find ${f.id} in: ${text}`).toBe(false);
    });
  }
}
