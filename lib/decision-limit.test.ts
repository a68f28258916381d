import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http-error';

describe('countDecision', () => {
  const before = process.env.DECISIONS_PER_MINUTE;
  beforeAll(() => {
    // env() is parsed once per test file, on first use: this file's own limit.
    process.env.DECISIONS_PER_MINUTE = '3';
  });
  afterAll(() => {
    process.env.DECISIONS_PER_MINUTE = before;
  });

  it('lets a learner make the allowed decisions, then refuses with a 429 that says when to try again', async () => {
    const { countDecision } = await import('./decision-limit');
    for (let i = 0; i < 3; i++) await countDecision('learner-a');
    const refused = await countDecision('learner-a').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many replies in a minute: wait \d+ s/) });
    const retry = Number((refused as HttpError).headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // Another learner has their own allowance.
    await expect(countDecision('learner-b')).resolves.toBeUndefined();
  });
});
