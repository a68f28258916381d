// The coach's detectors on the first round of families of phrasing (fixtures/families.yaml), each with the lookalikes that share its words.
import { describe, expect, it } from 'vitest';
import { ctx, familyRound, found, itFindsEach } from './testing';

describe('the coach’s detectors on families of phrasing', () => {
  itFindsEach(familyRound('first'));

  it('yes-but: a concession that opens its own clause', () => {
    expect(found('You’re clearly irritated, and fair enough. But the fee stands.').has('yes-but')).toBe(true);
  });

  it('congratulates: praise for what they did', () => {
    expect(found('That’s a huge achievement, I’m really proud of you.', ctx({ clue: { news: 'good' } })).has('congratulates')).toBe(true);
  });
});
