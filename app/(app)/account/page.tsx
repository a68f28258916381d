// My account: change one's password, set up two-step sign-in, and the step an admin or the policy asks for first.
import type { Metadata } from 'next';
import { PENDING_PAGE, requirePageUser } from '@/lib/auth/guards';
import { accountOverview } from '@/lib/auth/account';
import { env } from '@/lib/env';
import { PasswordForm } from './PasswordForm';
import { TwoStepPanel } from './TwoStepPanel';

export const metadata: Metadata = { title: 'My account' };

const requiredNotice = {
  password: 'Your admin chose your first password. Choose your own now: only you should know it.',
  'two-step': 'Admins sign in with a password and a code from an authenticator app. Set up two-step sign-in to carry on.',
} as const;

export default async function AccountPage() {
  const { user, db } = await requirePageUser(PENDING_PAGE);
  const { hasPassword, twoStep } = await accountOverview(db, user.id);
  const e = env();
  const adminMustKeep = user.role === 'admin' && e.ADMIN_TWO_STEP === 'required';

  return (
    <section className="stack account-page">
      <h1>My account</h1>
      <p className="muted">
        Signed in as {user.name} ({user.email}).
      </p>
      {user.pending && (
        <p className="alert alert-info" role="status">
          {requiredNotice[user.pending]}
        </p>
      )}

      <section className="card stack" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {hasPassword ? (
          <PasswordForm first={user.pending === 'password'} />
        ) : (
          <p>You sign in through {e.OIDC_NAME}, so there is no password to change here.</p>
        )}
      </section>

      {hasPassword && user.pending !== 'password' && (
        <section className="card stack" aria-labelledby="two-step-heading">
          <h2 id="two-step-heading">Two-step sign-in</h2>
          <TwoStepPanel enabled={twoStep.enabled} recoveryCodesLeft={twoStep.recoveryCodesLeft} required={adminMustKeep} pending={user.pending === 'two-step'} />
        </section>
      )}
    </section>
  );
}
