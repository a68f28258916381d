// The new-password rules: length bounds, common and leaked passwords, and passwords built from the person's own details.
import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_LENGTH } from './password-limits';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a passphrase of unrelated words, and long ones', () => {
    expect(passwordProblem('lantern orbit pickle sofa')).toBeNull();
    expect(passwordProblem('Tr0ub4dor&3 was never a good idea')).toBeNull();
    expect(passwordProblem('w'.repeat(20) + ' quiet harbour ledger ' + 'x9'.repeat(20))).toBeNull();
  });

  it('refuses passwords that are too short or too long, naming the bound', () => {
    expect(passwordProblem('k7#pQz')).toBe('A password needs at least 8 characters.');
    expect(passwordProblem('a'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe(`A password can have at most ${MAX_PASSWORD_LENGTH} characters.`);
  });

  it('refuses common and leaked passwords, and near variants of them', () => {
    for (const weak of ['password1', 'qwertyuiop', 'iloveyou12', 'P@ssw0rd123', 'Summer2024!', '123456789a']) {
      expect(passwordProblem(weak), weak).toMatch(/Try a passphrase/);
    }
    expect(passwordProblem('password1')).toMatch(/^This is a commonly used password\./);
  });

  it('refuses a password made of the person’s own name or email, which the same string from a stranger passes', () => {
    const person = { email: 'marguerite.okonkwo@harbourline.example', name: 'Marguerite Okonkwo' };
    expect(passwordProblem('okonkwo2024', person)).toBe('It is built from your own name or email. Try a passphrase of three or four unrelated words.');
    expect(passwordProblem('margueriteokonkwo!', person)).toMatch(/own name or email/);
    expect(passwordProblem('marguerite.okonkwo', person)).toMatch(/Try a passphrase/);
    expect(passwordProblem('harbourline1', person)).toMatch(/Try a passphrase/);
    expect(passwordProblem('marguerite.okonkwo')).toBeNull();
  });

  it('refuses the product’s own name', () => {
    expect(passwordProblem('EmpathyTrainer1')).toMatch(/Try a passphrase/);
  });
});
