// What the sign-in page says for each outcome next-auth reports.
import { signInErrors } from '@/lib/auth/sign-in-errors';
import { minutes } from '@/lib/format';

export function signInErrorMessage(code: string | undefined | null): string | undefined {
  if (!code) return undefined;
  if (code.startsWith(signInErrors.limitedPrefix)) {
    const seconds = Number(code.slice(signInErrors.limitedPrefix.length)) || 900;
    return `Too many failed sign-ins. To protect your account, sign-in is paused for about ${minutes(seconds)}. Try again then, or ask your admin to check your account.`;
  }
  // Own keys only: the code comes from the address bar, and "constructor" is not a message.
  return Object.hasOwn(errorMessages, code) ? errorMessages[code] : 'Sign-in did not work this time. Try again in a moment.';
}

const errorMessages: Record<string, string> = {
  [signInErrors.invalid]: 'That email or password is incorrect. Check them and try again.',
  [signInErrors.inactive]: 'This account has been deactivated. Ask your manager or admin if you need access again.',
  [signInErrors.noAccount]: 'You signed in with your company account, but it has no trainer account yet. Ask your manager or admin to add you.',
  [signInErrors.unverifiedEmail]:
    'Your company sign-in did not confirm your email address, so it cannot be matched to a trainer account. Ask your IT team to verify it, or your admin for help.',
  [signInErrors.otherIdentity]: 'This trainer account is already linked to a different company sign-in. Ask your admin to check which one is yours.',
  [signInErrors.codeNeeded]: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  [signInErrors.codeInvalid]: 'That code did not work. Enter the code showing now (each code works once), or a recovery code you have not used.',
  SessionRequired: 'Sign in to continue.',
};

export const notices: Record<string, string> = {
  'signed-out': 'You have signed out.',
  inactive: 'Your account was deactivated, so you have been signed out.',
  changed: 'Your account changed (for example, a new role), so you have been signed out. Sign in again to continue.',
  idle: 'You were signed out after a while without activity. Sign in again to carry on where you left off.',
  expired: 'Sessions last a working day at most, so you have been signed out. Sign in again to continue.',
  ended: 'This session was ended (signed out, or your password changed). Sign in again to continue.',
};

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw) return '/';
  // Browsers drop tabs and newlines anywhere in a URL and treat a backslash as a slash, so
  // "/\t/evil.example" becomes "//evil.example": judge the URL the browser will actually follow.
  const seen = raw.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  if (!seen.startsWith('/') || seen.startsWith('//') || /[\u0000-\u001f\u007f]/.test(seen)) return '/';
  const base = 'http://same-site.invalid';
  const url = new URL(seen, base);
  if (url.origin !== base) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
