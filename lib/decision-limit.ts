// A per-learner cap on decisions, so one account cannot spend the server's CPU on typed replies at machine speed.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http-error';

let limiter: RateLimiterMemory | undefined;

/**
 * Counts one decision against the learner; a 429 with Retry-After once they pass
 * DECISIONS_PER_MINUTE. Counted per process (ADR 14): the limit guards each instance's own CPU,
 * so an instance's count is the one that matters, and a person never comes near it.
 */
export async function countDecision(userId: string): Promise<void> {
  limiter ??= new RateLimiterMemory({ keyPrefix: 'decisions', points: env().DECISIONS_PER_MINUTE, duration: 60 });
  try {
    await limiter.consume(userId);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw new HttpError(429, `Too many replies in a minute: wait ${seconds} s and send it again. Your conversation is saved.`, { 'retry-after': String(seconds) });
  }
}
