// What the sign-in page says for each outcome next-auth reports.
import { signInErrors } from '@/lib/auth/sign-in-errors';

export function signInErrorMessage(code: string | undefined | null): string | undefined {
  if (!code) return undefined;
  if (code.startsWith(signInErrors.limitedPrefix)) {
    const seconds = Number(code.slice(signInErrors.limitedPrefix.length)) || 900;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Too many failed sign-ins. To protect your account, sign-in is paused for about ${minutes} minute${minutes === 1 ? '' : 's'}. Try again then, or ask your admin to check your account.`;
  }
  switch (code) {
    case signInErrors.invalid:
      return 'That email or password is incorrect. Check them and try again.';
    case signInErrors.inactive:
      return 'This account has been deactivated. Ask your manager or admin if you need access again.';
    case signInErrors.noAccount:
      return 'You signed in with your company account, but it has no trainer account yet. Ask your manager or admin to add you.';
    case 'SessionRequired':
      return 'Sign in to continue.';
    default:
      return 'Sign-in did not work this time. Try again in a moment.';
  }
}

export const notices: Record<string, string> = {
  'signed-out': 'You have signed out.',
  inactive: 'Your account was deactivated, so you have been signed out.',
  changed: 'Your account changed (for example, a new role), so you have been signed out. Sign in again to continue.',
};

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  return raw;
}
