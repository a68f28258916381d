// next-auth configuration: email and password, optional company single sign-on, JWT sessions.
import type { NextAuthOptions } from 'next-auth';
import type { TokenSet } from 'openid-client';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/runtime';
import { audit } from '@/lib/audit';
import { env, type Env } from '@/lib/env';
import { sessionCookieName } from './cookie';
import { sessionSecret } from './secret';
import { signInErrors } from './sign-in-errors';
import { signInWithPassword, type SignInPolicy } from './sign-in';
import { twoStepKey } from './two-step';
import { createSession, endSession } from './sessions';
import { findUserBySso, matchSsoAccount } from './sso';
import { isUuid } from '@/lib/ids';

export const CLIENT_IP_HEADER = 'x-trainer-client-ip';

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export function clientIp(headers: HeaderBag): string {
  const v = headers?.[CLIENT_IP_HEADER];
  return (Array.isArray(v) ? v[0] : v) || 'unknown';
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

/** A standards-based OpenID Connect provider, for a company's existing single sign-on. */
export function oidcProvider(e: Env): OAuthConfig<OidcProfile> | undefined {
  if (!e.oidcEnabled) return undefined;
  const issuer = e.OIDC_ISSUER!.replace(/\/$/, '');
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    // Many providers leave email out of the ID token; then ask the userinfo endpoint.
    userinfo: {
      async request({ client, tokens }) {
        // At run time `tokens` is openid-client's TokenSet, already checked by client.callback().
        const set = tokens as unknown as TokenSet;
        const claims = set.claims() as unknown as OidcProfile;
        if (claims.email) return claims as never;
        const info = (await client.userinfo(set)) as Record<string, unknown>;
        return { ...claims, ...info } as never;
      },
    },
    checks: ['pkce', 'state'],
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? p.email ?? null }),
  };
}

/** How long the session token itself is valid; the session row's idle and absolute limits end it sooner. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * The session cookie: never readable by scripts, not sent on cross-site subrequests, and Secure with
 * the `__Secure-` prefix when the public URL is https. Without NEXTAUTH_URL, next-auth decides per
 * request from the protocol the server script passes on (always http unless TRUST_PROXY, then the
 * proxy's X-Forwarded-Proto), which names the cookie the same way.
 */
export function sessionCookie(e: Pick<Env, 'NEXTAUTH_URL'>): NextAuthOptions['cookies'] | undefined {
  if (!e.NEXTAUTH_URL) return undefined;
  const secure = e.NEXTAUTH_URL.startsWith('https://');
  return {
    sessionToken: {
      name: sessionCookieName(secure),
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
    },
  };
}

/** The sign-in limits from the environment, with the key that opens two-step secrets. */
export function signInPolicy(e: Env = env()): SignInPolicy {
  return { max: e.SIGNIN_MAX_FAILURES, windowMinutes: e.SIGNIN_WINDOW_MINUTES, twoStepKey: twoStepKey(sessionSecret(e)) };
}

export function buildOptions(e: Env = env()): NextAuthOptions {
  const limit = signInPolicy(e);
  const oidc = oidcProvider(e);
  return {
    secret: sessionSecret(e),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    ...(e.NEXTAUTH_URL ? { useSecureCookies: e.NEXTAUTH_URL.startsWith('https://'), cookies: sessionCookie(e) } : {}),
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Two-step code', type: 'text' },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 320) : '';
          const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 1024) : '';
          const code = typeof credentials?.code === 'string' ? credentials.code.slice(0, 32) : '';
          const result = await signInWithPassword(await getDb(), { email, password, code, ip: clientIp(req?.headers) }, limit);
          if (result.ok) return result.user;
          if (result.reason === 'limited') throw new Error(`${signInErrors.limitedPrefix}${result.retryAfterSeconds}`);
          if (result.reason === 'inactive') throw new Error(signInErrors.inactive);
          if (result.reason === 'code-needed') throw new Error(signInErrors.codeNeeded);
          if (result.reason === 'code-invalid') throw new Error(signInErrors.codeInvalid);
          return null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === 'credentials') return true;
        // Single sign-on proves who someone is; the trainer still decides whether they have an account (ADR 5).
        const match = await matchSsoAccount(
          await getDb(),
          { issuer: oidc!.issuer!, subject: account?.providerAccountId ?? '', email: user.email, emailVerified: (profile as { email_verified?: unknown } | undefined)?.email_verified },
          { trustUnverifiedEmail: e.OIDC_TRUST_UNVERIFIED_EMAIL },
        );
        return 'refused' in match ? `/signin?error=${match.refused}` : true;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        // Each sign-in is a session row: the token names it, and ending the row ends the token everywhere.
        const db = await getDb();
        if (account.provider === 'credentials') {
          return { ...token, uid: user.id, role: user.role, sv: user.sessionVersion, sid: await createSession(db, user.id) };
        }
        const row = await findUserBySso(db, oidc!.issuer!, account.providerAccountId);
        if (!row) return token;
        return { ...token, sub: row.id, uid: row.id, name: row.name, email: row.email, role: row.role, sv: row.sessionVersion, sid: await createSession(db, row.id) };
      },
      async session({ session, token }) {
        session.user = { id: token.uid ?? '', email: token.email ?? '', name: token.name ?? '', role: token.role ?? 'learner' };
        session.sv = token.sv ?? -1;
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        // Password sign-ins are audited where the client address is known (lib/auth/sign-in.ts).
        if (account?.provider === 'credentials') return;
        const db = await getDb();
        const row = account ? await findUserBySso(db, oidc!.issuer!, account.providerAccountId) : undefined;
        await audit(db, { action: 'signin', actorId: row?.id, subject: row?.email ?? user.email, detail: { provider: account?.provider } });
      },
      async signOut({ token }) {
        const db = await getDb();
        if (typeof token?.sid === 'string' && isUuid(token.sid)) await endSession(db, token.sid, 'signed out');
        await audit(db, { action: 'signout', actorId: token?.uid, subject: token?.email });
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= buildOptions();
  return cached;
}
