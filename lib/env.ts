// Parses and validates every environment variable the trainer reads, once, in one place.
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes'].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = <F extends number | null>(fallback: F) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n as number | F;
    });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    PORT: positiveInt(3000).refine((p) => p < 65536, 'must be a port number below 65536'),
    // Unset: every interface, except while demo accounts with the published password exist (lib/listen.ts).
    HOST: optionalString,
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      'must start with postgres:// or postgresql://',
    ),
    PGLITE_DIR: optionalString.transform((v) => v ?? '.data/pglite'),
    NEXTAUTH_SECRET: optionalString.refine(
      (v) => v === undefined || v.length >= 32,
      'must be at least 32 characters (try: openssl rand -base64 32)',
    ),
    NEXTAUTH_URL: optionalString.refine(
      (v) => v === undefined || /^https?:\/\/[^/]+/.test(v),
      'must be the public URL of the app, such as https://trainer.example.com',
    ),
    OIDC_ISSUER: optionalString.refine(
      (v) => v === undefined || /^https?:\/\//.test(v),
      'must be the issuer URL of your identity provider',
    ),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: optionalString.transform((v) => v ?? 'Company SSO'),
    // Only for a provider that never sends email_verified: then its emails are taken as checked.
    OIDC_TRUST_UNVERIFIED_EMAIL: flag.transform((v) => v ?? false),
    TRUST_PROXY: flag.transform((v) => v ?? false),
    SEED_DEMO: flag,
    SIGNIN_MAX_FAILURES: positiveInt(10),
    // A session ends after this long without a request, and after this long in all.
    SESSION_IDLE_MINUTES: positiveInt(60),
    SESSION_MAX_HOURS: positiveInt(12),
    SIGNIN_WINDOW_MINUTES: positiveInt(15),
    // 'required': every admin (the demo admin aside) sets up two-step sign-in before doing anything else.
    ADMIN_TWO_STEP: z.enum(['required', 'optional']).optional().transform((v) => v ?? 'required'),
    DECISIONS_PER_MINUTE: positiveInt(120),
    // Audit rows (sign-ins, failures, account changes) older than this are deleted daily.
    AUDIT_RETENTION_DAYS: positiveInt(365),
    // Typed replies older than this lose their words (their scores stay); unset keeps them.
    TYPED_REPLY_RETENTION_DAYS: positiveInt(null),
    // Learning record stores that receive xAPI statements (docs/xapi.md): an endpoint with its key and secret, up to three.
    XAPI_LRS_ENDPOINT: optionalString.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), 'must be the learning record store\'s xAPI endpoint, such as https://lrs.example.com/xapi'),
    XAPI_LRS_KEY: optionalString,
    XAPI_LRS_SECRET: optionalString,
    XAPI_LRS_2_ENDPOINT: optionalString.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), 'must be the learning record store\'s xAPI endpoint, such as https://lrs.example.com/xapi'),
    XAPI_LRS_2_KEY: optionalString,
    XAPI_LRS_2_SECRET: optionalString,
    XAPI_LRS_3_ENDPOINT: optionalString.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), 'must be the learning record store\'s xAPI endpoint, such as https://lrs.example.com/xapi'),
    XAPI_LRS_3_KEY: optionalString,
    XAPI_LRS_3_SECRET: optionalString,
  })
  .superRefine((e, ctx) => {
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'single sign-on needs all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
      });
    }
    for (const slot of ['XAPI_LRS', 'XAPI_LRS_2', 'XAPI_LRS_3'] as const) {
      const parts = [e[`${slot}_ENDPOINT`], e[`${slot}_KEY`], e[`${slot}_SECRET`]];
      if (parts.some(Boolean) && !parts.every(Boolean)) {
        ctx.addIssue({ code: 'custom', path: [`${slot}_ENDPOINT`], message: `a learning record store needs all three of ${slot}_ENDPOINT, ${slot}_KEY and ${slot}_SECRET` });
      }
    }
    if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message:
          'is required in production with DATABASE_URL, so every app instance signs sessions with the same key (try: openssl rand -base64 32)',
      });
    }
  });

export type Env = ReturnType<typeof finish>;

function finish(e: z.output<typeof schema>) {
  const production = e.NODE_ENV === 'production' && e.DATABASE_URL !== undefined;
  return {
    ...e,
    /** Which database driver the app uses: embedded PGlite unless DATABASE_URL is set. */
    driver: e.DATABASE_URL ? ('postgres' as const) : ('pglite' as const),
    oidcEnabled: Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET),
    /** Demo users with a published password are never created in a production database unless asked. */
    seedDemo: e.SEED_DEMO ?? !production,
    /** The learning record stores statements go to; none means xAPI is off and decisions write no outbox rows. */
    lrs: (['XAPI_LRS', 'XAPI_LRS_2', 'XAPI_LRS_3'] as const).flatMap((slot) => {
      const endpoint = e[`${slot}_ENDPOINT`];
      return endpoint ? [{ endpoint: endpoint.replace(/\/+$/, ''), key: e[`${slot}_KEY`]!, secret: e[`${slot}_SECRET`]! }] : [];
    }),
  };
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Pure: validates a set of variables, throwing an EnvError that lists every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`),
    );
  }
  return finish(result.data);
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Settings some libraries read from process.env themselves. Without a public URL, next-auth
 * takes its origin from the request's Host header (the server script sets the forwarded headers).
 */
export function applyLibraryEnv(e: Env): void {
  if (!e.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
}

/** Where the trainer is reached from outside: what learning platforms and record stores are given as its address. */
export function appBaseUrl(e: Env = env()): string {
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
}
