// Sends visitors without a session cookie to sign-in. A convenience only: every page and handler checks again.
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIE = /(^|\.)next-auth\.session-token(\.0)?$/;

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = '/signin';
  url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; sign-in and static files stay public.
  matcher: ['/((?!api/|_next/|signin|session-ended|favicon|icon|robots|.*\\.(?:svg|png|ico|txt|css|js)$).*)'],
};
