// Sends visitors without a session cookie to sign-in (a convenience only: every page and handler checks again), and gives pages rendered per request a nonce-based script policy.
import { NextResponse, type NextRequest } from 'next/server';
import { isSessionCookie } from '@/lib/auth/cookie';
import { contentSecurityPolicy } from '@/lib/security-headers.mjs';

const PUBLIC = /^\/(signin|session-ended)(\/|$)/;

/**
 * Pages of the (app) route group, which are rendered per request and so can carry the nonce.
 * Module pages and the not-found page are prerendered: a nonce policy there would block their
 * scripts, so they keep the static policy from next.config.mjs. A page missing here still works,
 * under the static policy.
 */
const PER_REQUEST =
  /^\/(|signin|learn|practice(\/[^/]+)?|progress|checkups|team(\/checkups|\/learners\/[^/]+(\/attempts\/[^/]+)?|\/scenarios\/[^/]+)?|admin(\/import|\/users\/[^/]+|\/teams(\/[^/]+)?)?)\/?$/;

function withNonce(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy({ dev: process.env.NODE_ENV === 'development', nonce });
  // Next.js reads the nonce from the request's policy and puts it on every script it renders.
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', policy);
  return res;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => isSessionCookie(c.name));
  if (hasSession || PUBLIC.test(pathname)) return PER_REQUEST.test(pathname) ? withNonce(request) : NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/signin';
  url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static files stay public.
  matcher: ['/((?!api/|_next/|favicon|icon|robots|.*\\.(?:svg|png|ico|txt|css|js)$).*)'],
};
