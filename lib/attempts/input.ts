// One decision as the API takes it (a choice picked or a reply typed), for the attempts route and the studio's playtest alike.
import { z } from 'zod';
import { isBlankReply, MAX_REPLY_LENGTH } from '@/lib/coach/limits';

export const DecisionSchema = z
  .strictObject({
    seq: z.number().int().min(0).max(1000),
    choiceId: z.string().min(1).max(100).optional(),
    reply: z
      .string()
      .max(MAX_REPLY_LENGTH, `must be at most ${MAX_REPLY_LENGTH} characters`)
      .refine((s) => !isBlankReply(s), 'must not be empty')
      // readJson already refuses NUL; a lone surrogate would not survive the trip to the database intact.
      .refine((s) => !/\p{Cs}/u.test(s), 'must not contain unpaired surrogate characters')
      .optional(),
    elapsedMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
  })
  .refine((d) => (d.choiceId === undefined) !== (d.reply === undefined), 'send either choiceId (a reply on offer) or reply (your own words), not both');
