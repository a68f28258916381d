// next-auth's sign-in, sign-out, session and provider callback endpoints, with their request bodies size-limited.
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { BadRequestError, boundedRequest, jsonError } from '@/lib/http';

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form is a few hundred bytes; next-auth would otherwise buffer any body it is sent. */
const AUTH_BODY_LIMIT = 8 * 1024;

async function handler(req: NextRequest, ctx: Ctx) {
  let bounded: NextRequest;
  try {
    // next-auth reads req.nextUrl, so the copy must be a NextRequest too.
    bounded = await boundedRequest(req, AUTH_BODY_LIMIT, (url, init) => new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]));
  } catch (e) {
    if (e instanceof BadRequestError) return jsonError(e.status, e.message);
    throw e;
  }
  return (NextAuth(authOptions()) as (req: NextRequest, ctx: Ctx) => Promise<Response>)(bounded, ctx);
}

export { handler as GET, handler as POST };
