// Clears a session that was ended (signed out elsewhere, idle, too old, account deactivated or its role changed), then shows sign-in.
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { isSessionCookie } from '@/lib/auth/cookie';

export async function GET(req: NextRequest): Promise<Response> {
  const jar = await cookies();
  const asked = req.nextUrl.searchParams.get('reason') ?? '';
  const reason = ({ inactive: 'inactive', idle: 'idle', expired: 'expired', ended: 'ended' } as Record<string, string>)[asked] ?? 'changed';
  const res = NextResponse.redirect(new URL(`/signin?notice=${reason}`, req.nextUrl.origin), 303);
  for (const c of jar.getAll()) {
    if (!isSessionCookie(c.name)) continue;
    // A browser ignores a __Secure- cookie, even an expired one, set without the Secure flag.
    res.cookies.set(c.name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: c.name.startsWith('__Secure-') });
  }
  return res;
}
