// What our session tokens and sessions carry, for next-auth's types.
import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** The session version the token was issued with. */
    sv: number;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    /** The server-side session row (lib/auth/sessions.ts). */
    sid?: string;
  }
}
