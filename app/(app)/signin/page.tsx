// The sign-in page: email and password, and the company's single sign-on when it is configured.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DEMO_PASSWORD, demoPeople } from '@/lib/demo-roster';
import { cachedDemoExposure } from '@/lib/admin/demo';
import { currentUser } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { notices, safeCallbackUrl, signInErrorMessage } from './messages';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in' };

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const e = env();
  const notice = notices[first(params.notice) ?? ''];
  // The published password is shown only while it still works and only this computer can connect
  // (lib/listen.ts); one learner stands for all twelve in the list.
  const showDemo = process.env.TRAINER_LOCAL_ONLY === '1' && (await cachedDemoExposure()).publishedPassword;
  const demo = showDemo ? demoPeople.filter((p) => p.role !== 'learner' || p.email === 'learner1@example.com') : [];

  return (
    <div className="auth-wrap">
      <div className="card auth-card stack">
        <div>
          <h1>Sign in</h1>
          <p className="muted">Practise the conversations that matter, where mistakes are cheap.</p>
        </div>
        {notice && (
          <p className="alert alert-info" role="status">
            {notice}
          </p>
        )}
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={signInErrorMessage(first(params.error))}
          sso={e.oidcEnabled ? { id: 'oidc', name: e.OIDC_NAME } : undefined}
        />
        {demo.length > 0 && (
          <details className="demo-logins">
            <summary>Demo accounts</summary>
            <p>
              Every demo account uses the password <code>{DEMO_PASSWORD}</code>.
            </p>
            <ul className="checklist">
              {demo.map((p) => (
                <li key={p.email}>
                  <code>{p.email}</code> ({p.role}
                  {p.role === 'learner' ? '; learner1 to learner12 all work' : ''})
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}
