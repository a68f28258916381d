// Sends visitors without a session cookie to sign-in (a convenience only: every page and handler checks again), gives pages rendered per request a nonce-based script policy, and lets a learning platform frame the pages of a person it launched.
import { NextResponse, type NextRequest } from 'next/server';
import { isSessionCookie } from '@/lib/auth/cookie';
import { sessionSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { readTicket } from '@/lib/lti/deep-link';
import { FRAME_COOKIE, framingOrigins } from '@/lib/lti/frame';
import { contentSecurityPolicy } from '@/lib/security-headers.mjs';

const PUBLIC = /^\/(signin|session-ended|launch\/refused)(\/|$)/;

/**
 * Pages of the (app) route group, which are rendered per request and so can carry the nonce.
 * Module pages and the not-found page are prerendered: a nonce policy there would block their
 * scripts, so they keep the static policy. A page missing here still works, under the static policy.
 */
const PER_REQUEST =
  /^\/(|signin|learn|practice(\/[^/]+)?|progress|checkups|(launch\/refused|lti\/deep-link)|team(\/checkups|\/learners\/[^/]+(\/attempts\/[^/]+)?|\/scenarios\/[^/]+)?|admin(\/import|\/lti|\/users\/[^/]+|\/teams(\/[^/]+)?)?)\/?$/;

/**
 * Who may frame this page and where its forms may post. Only the platform named in the signed,
 * partitioned cookie a launch set; the refusal page, which holds nothing to click for anyone, may
 * be framed by any platform so a learner sees why the link failed; the deep-link picker may post
 * to the return address in its signed ticket.
 */
async function embedding(request: NextRequest): Promise<{ frameAncestors: string[]; formActions: string[] }> {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith('/launch/refused')) return { frameAncestors: ['*'], formActions: [] };
  const cookie = request.cookies.get(FRAME_COOKIE)?.value;
  const isPicker = pathname.startsWith('/lti/deep-link');
  if (!cookie && !isPicker) return { frameAncestors: [], formActions: [] };
  const secret = sessionSecret(env());
  const frameAncestors = framingOrigins(cookie, secret);
  const ticket = isPicker ? await readTicket(searchParams.get('ticket'), secret) : null;
  return { frameAncestors, formActions: ticket ? [new URL(ticket.returnUrl).origin] : [] };
}

function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

async function respond(request: NextRequest): Promise<NextResponse> {
  const embed = await embedding(request);
  const dev = process.env.NODE_ENV === 'development';
  if (!PER_REQUEST.test(request.nextUrl.pathname)) {
    if (embed.frameAncestors.length === 0 && embed.formActions.length === 0) return NextResponse.next();
    // A prerendered page keeps the static script policy, with the platform allowed to frame it.
    const res = NextResponse.next();
    res.headers.set('Content-Security-Policy', contentSecurityPolicy({ dev, ...embed }));
    return res;
  }
  const policy = contentSecurityPolicy({ dev, nonce: nonce(), ...embed });
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
  if (hasSession || PUBLIC.test(pathname)) return respond(request);
  const url = request.nextUrl.clone();
  url.pathname = '/signin';
  url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static files stay public.
  matcher: ['/((?!api/|_next/|favicon|icon|robots|.*\\.(?:svg|png|ico|txt|css|js)$).*)'],
};
