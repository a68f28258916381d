// What a new password must be: long enough, not too long, and not guessable (common, breached-list or built from the person's own details).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits';

/**
 * zxcvbn's score 3 means about 10^8 guesses or more: out of reach of online guessing and slow
 * against an argon2id hash offline. Scores 0-2 are the common, leaked and patterned passwords
 * (its dictionaries hold the most common passwords from public breaches).
 */
export const MIN_PASSWORD_SCORE = 3;

// Words anyone attacking this product would try first.
const PRODUCT_WORDS = ['empathy', 'trainer', 'empathytrainer', 'empathy trainer', 'practice', 'practise'];

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a moment to index and most requests never need them.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** The words a password must not lean on: the person's name and email parts, and the product's own. */
function personalWords(context: PasswordContext): string[] {
  const words = [...PRODUCT_WORDS];
  if (context.email) {
    const [local = '', domain = ''] = context.email.toLowerCase().split('@');
    // Joined as well as split: "cleomarsh" is one guess to an attacker, not two.
    words.push(context.email.toLowerCase(), local, local.replace(/[._+-]/g, ''), ...local.split(/[._+-]/), domain.split('.')[0] ?? '');
  }
  if (context.name) {
    const name = context.name.toLowerCase();
    words.push(name, name.replace(/[^\p{L}\p{N}]/gu, ''), ...name.split(/\s+/));
  }
  return words.filter((w) => w.length >= 3);
}

/** Null when the password may be used; otherwise a sentence saying what is wrong and what to do. */
export function passwordProblem(plain: string, context: PasswordContext = {}): string | null {
  if (plain.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (plain.length > MAX_PASSWORD_LENGTH) return `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const result = zxcvbn().check(plain, personalWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  // zxcvbn's own wording for a match on the person's details is written for web forms; say it plainly.
  const personal = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  const why = personal ? 'It is built from your own name or email.' : (result.feedback.warning ?? 'This password would be easy to guess.');
  return `${why} Try a passphrase of three or four unrelated words.`;
}
