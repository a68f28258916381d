// next-auth's sign-in, sign-out, session and provider callback endpoints, with their request bodies size-limited.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { BadRequestError, boundedRequest, jsonError } from '@/lib/http';

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form is a few hundred bytes; next-auth would otherwise buffer any body it is sent. */
const AUTH_BODY_LIMIT = 8 * 1024;

async function handler(req: Request, ctx: Ctx) {
  let bounded: Request;
  try {
    bounded = await boundedRequest(req, AUTH_BODY_LIMIT);
  } catch (e) {
    if (e instanceof BadRequestError) return jsonError(e.status, e.message);
    throw e;
  }
  return (NextAuth(authOptions()) as (req: Request, ctx: Ctx) => Promise<Response>)(bounded, ctx);
}

export { handler as GET, handler as POST };
