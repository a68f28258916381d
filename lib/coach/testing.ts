// Helpers for the coach's detector tests: the reply context each case varies, what fires on a reply, the cases and families in fixtures/, and a family of phrasings as a test.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { analyzeReply, detectorIds, type ReplyContext } from './analyze';

export const ctx = (over: Partial<ReplyContext> = {}): ReplyContext => ({ customerName: 'Farida Benali', channel: 'phone', clue: { news: 'bad' }, ...over });
export const found = (text: string, c = ctx()) => new Set(analyzeReply(text, c).findings.map((f) => f.detector));

const Examples = z.strictObject({
  yes: z.array(z.string()),
  no: z.array(z.string()),
  context: z
    .strictObject({
      customerName: z.string().optional(),
      channel: z.enum(['phone', 'chat', 'email', 'in-person']).optional(),
      clue: z.strictObject({ news: z.enum(['bad', 'good']), feeling: z.string().optional() }).nullable().optional(),
      customerLine: z.string().optional(),
    })
    .optional(),
});
const Id = z.enum(detectorIds);

/** A fixture file of lib/coach/fixtures, checked on reading so a slip in one names its place rather than passing quietly. */
function fixture<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
  const file = path.join(import.meta.dirname, 'fixtures', name);
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Each detector's cases: replies that must fire it, and lookalikes that must not. */
export const detectorCases = () => fixture('detector-cases.yaml', z.record(Id, Examples));

const FamilySchema = Examples.extend({ id: Id, family: z.string() });
/** A family of phrasings a detector must find, and the lookalikes that share its words and must not fire it. */
export type Family = z.infer<typeof FamilySchema>;
const Rounds = z.strictObject({ first: z.array(FamilySchema), second: z.array(FamilySchema), third: z.array(FamilySchema) });

/** The families of phrasing each held-out round found missing (the file's head says what each round was). */
export const familyRound = (round: keyof z.infer<typeof Rounds>): Family[] => fixture('families.yaml', Rounds)[round];

const Context = z.strictObject({
  ownWords: z.array(z.strictObject({ why: z.string(), said: z.string(), kept: z.string() })),
  relevance: z.array(z.strictObject({ why: z.string(), scenario: z.string(), node: z.string(), reply: z.string(), relevant: z.boolean() })),
});

/** Replies read in their context: what is left once the lines said to everyone go, and whether one answers its customer. */
export const contextCases = () => fixture('context.yaml', Context);

/** One test a family: every member fires its detector, and no lookalike does. */
export function itFindsEach(families: readonly Family[]) {
  for (const f of families) {
    it(`${f.id}: ${f.family}`, () => {
      for (const text of f.yes) expect(found(text, ctx(f.context)).has(f.id), `should find ${f.id} in: ${text}`).toBe(true);
      for (const text of f.no) expect(found(text, ctx(f.context)).has(f.id), `should not find ${f.id} in: ${text}`).toBe(false);
    });
  }
}
