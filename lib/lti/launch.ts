// LTI 1.3 launch: verifies the platform's id_token (signature, issuer, audience, expiry, nonce, state), then finds or creates the person and their course's team.
import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Db, Writer } from '@/db/client';
import { ltiContexts, ltiIdentities, ltiLaunches, ltiLogins, ltiPlatforms, teamManagers, teamMembers, teams, users, type User } from '@/db/schema';
import { audit } from '@/lib/audit';
import { launchedAccount } from '@/lib/auth/launch-session';
import { CLAIM, LaunchClaims, SCORE_SCOPE, teaches } from './claims';
import { LOGIN_TTL_MINUTES } from './login';
import type { Platform } from './platforms';
import { LaunchRefusal } from './refusal';
import { targetFor, type Target } from './targets';

// One key set per platform URL, kept between launches: jose refetches it when a token names an unknown key.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const keySetFor = (url: string) => {
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 })));
  return set;
};

export interface VerifiedLaunch {
  platform: Platform;
  claims: LaunchClaims;
}

/** Reads the claims before checking them only to find which platform's keys to check them with. */
function unverifiedIssuer(idToken: string): { iss: string; aud: string[] } {
  let payload: JWTPayload;
  try {
    payload = decodeJwt(idToken);
  } catch {
    throw new LaunchRefusal('bad-token', 'the id_token is not a JWT');
  }
  const aud = typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
  if (typeof payload.iss !== 'string') throw new LaunchRefusal('bad-token', 'the id_token has no issuer');
  return { iss: payload.iss, aud };
}

/**
 * Everything the LTI security framework asks of a launch. The login row is crossed off in the
 * same statement that checks it is unused, so the same id_token posted twice (or two tabs racing
 * with it) is accepted once.
 */
export async function verifyLaunch(db: Db, form: { idToken?: string; state?: string }, stateFromCookie: string | undefined): Promise<VerifiedLaunch> {
  if (!form.idToken || !form.state) throw new LaunchRefusal('bad-token', 'the launch carried no id_token or state');
  const [login] = await db.select().from(ltiLogins).where(eq(ltiLogins.state, form.state));
  if (!login) throw new LaunchRefusal('no-state', 'no login was started with this state');
  // Before the cookie: a posted-again launch has lost its state cookie, and is a replay first of all.
  if (login.usedAt) throw new LaunchRefusal('replayed', 'this login was already used by a launch');
  if (Date.now() - login.createdAt.getTime() > LOGIN_TTL_MINUTES * 60_000) throw new LaunchRefusal('expired', 'the login is older than the launch allows');
  if (!stateFromCookie || stateFromCookie !== form.state) throw new LaunchRefusal('no-state', 'the state does not match the browser that started the login');
  const [platform] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, login.platformId));
  if (!platform) throw new LaunchRefusal('unknown-platform', 'the platform was removed during the login');

  const { iss, aud } = unverifiedIssuer(form.idToken);
  if (iss !== platform.issuer) throw new LaunchRefusal('bad-token', `the id_token's issuer ${iss} is not the platform the login was for`);
  if (!aud.includes(platform.clientId)) throw new LaunchRefusal('wrong-audience', `the id_token is addressed to ${aud.join(', ') || 'nobody'}, not client id ${platform.clientId}`);

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(form.idToken, keySetFor(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
      clockTolerance: 30,
      maxTokenAge: `${LOGIN_TTL_MINUTES} minutes`,
    }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new LaunchRefusal('expired', 'the id_token has expired');
    if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
      throw new LaunchRefusal('bad-signature', `the id_token's signature does not match the platform's keys (${e.code})`);
    }
    throw new LaunchRefusal('bad-token', `the id_token was refused: ${(e as Error).message}`);
  }
  // With several audiences, the authorized party must be this tool (OIDC Core 3.1.3.7).
  if (aud.length > 1 && payload.azp !== platform.clientId) throw new LaunchRefusal('wrong-audience', 'the id_token has several audiences and its azp is not this tool');
  if (payload.nonce !== login.nonce) throw new LaunchRefusal('replayed', 'the id_token carries a nonce this login did not issue');

  const used = await db
    .update(ltiLogins)
    .set({ usedAt: new Date() })
    .where(and(eq(ltiLogins.state, login.state), isNull(ltiLogins.usedAt), gt(ltiLogins.createdAt, new Date(Date.now() - LOGIN_TTL_MINUTES * 60_000))))
    .returning({ state: ltiLogins.state });
  if (used.length === 0) throw new LaunchRefusal('replayed', 'this login was used by another launch at the same moment, or is too old');

  const parsed = LaunchClaims.safeParse(payload);
  if (!parsed.success) throw new LaunchRefusal('bad-token', `the id_token's claims are not an LTI 1.3 launch: ${parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? '')} ${i.message}`).join('; ')}`);
  const claims = parsed.data;
  if (!platform.deploymentIds.includes(claims[CLAIM.deploymentId])) {
    throw new LaunchRefusal('unknown-deployment', `deployment ${claims[CLAIM.deploymentId]} is not registered for ${platform.name}`);
  }
  return { platform, claims };
}

function displayName(c: LaunchClaims, platform: Platform): string {
  const full = c.name?.trim() || [c.given_name, c.family_name].filter(Boolean).join(' ').trim();
  return full || `Learner from ${platform.name}`;
}

/**
 * The trainer account behind a platform's person, matched by (platform, sub) only. A first launch
 * creates a learner, or a manager for someone who teaches the course; a later launch never
 * changes a role.
 */
export async function personFor(db: Db, platform: Platform, claims: LaunchClaims): Promise<{ user: User; created: boolean }> {
  const find = async (w: Writer) =>
    (
      await w
        .select({ user: users })
        .from(ltiIdentities)
        .innerJoin(users, eq(users.id, ltiIdentities.userId))
        .where(and(eq(ltiIdentities.platformId, platform.id), eq(ltiIdentities.subject, claims.sub)))
    )[0]?.user;
  const role = teaches(claims[CLAIM.roles]) ? 'manager' : 'learner';
  const made = await launchedAccount(db, {
    find,
    link: async (tx, user) => void (await tx.insert(ltiIdentities).values({ platformId: platform.id, subject: claims.sub, userId: user.id })),
    email: claims.email,
    standIn: `lti-${crypto.createHash('sha256').update(`${platform.id}\n${claims.sub}`).digest('hex').slice(0, 20)}@lti.invalid`,
    name: displayName(claims, platform),
    role,
  });
  if (!made.user.active) throw new LaunchRefusal('inactive', `account ${made.user.email} is deactivated`);
  if (made.created) await audit(db, { action: 'user.created', subject: made.user.email, detail: { via: 'lti', platformId: platform.id, platform: platform.name, role } });
  return made;
}

/** The team for the launch's course: made on the course's first launch, named after it. Learners join it; teachers manage it. */
export async function placeInCourseTeam(db: Db, platform: Platform, claims: LaunchClaims, user: User): Promise<string | null> {
  const context = claims[CLAIM.context];
  if (!context) return null;
  let [row] = await db.select({ teamId: ltiContexts.teamId }).from(ltiContexts).where(and(eq(ltiContexts.platformId, platform.id), eq(ltiContexts.contextId, context.id)));
  if (!row) {
    const label = (context.title || context.label || context.id).trim().replace(/\s+/g, ' ').slice(0, 60);
    // Team names are unique: a second course with the same title gets a short suffix.
    const names = [`${label} (${platform.name})`, `${label} (${platform.name} ${crypto.randomBytes(2).toString('hex')})`];
    for (const name of names) {
      const [team] = await db.insert(teams).values({ name: name.slice(0, 100) }).onConflictDoNothing().returning({ id: teams.id });
      if (!team) continue;
      const [linked] = await db.insert(ltiContexts).values({ platformId: platform.id, contextId: context.id, teamId: team.id }).onConflictDoNothing().returning({ teamId: ltiContexts.teamId });
      if (linked) {
        await audit(db, { action: 'team.created', subject: name, detail: { via: 'lti', platformId: platform.id, contextId: context.id } });
        row = linked;
      } else {
        // Another launch of the same course made its team first.
        await db.delete(teams).where(eq(teams.id, team.id));
        [row] = await db.select({ teamId: ltiContexts.teamId }).from(ltiContexts).where(and(eq(ltiContexts.platformId, platform.id), eq(ltiContexts.contextId, context.id)));
      }
      break;
    }
  }
  if (!row) return null;
  const table = user.role === 'learner' ? teamMembers : teamManagers;
  await db.insert(table).values({ teamId: row.teamId, userId: user.id }).onConflictDoNothing();
  return row.teamId;
}

/** Keeps the launch: the gradebook column its scenario's scores go back to, if the platform offered one. */
export async function recordLaunch(db: Db, platform: Platform, claims: LaunchClaims, user: User, target: Target): Promise<string> {
  const ags = claims[CLAIM.ags];
  const lineItem = ags?.lineitem && ags.scope.includes(SCORE_SCOPE) && target.kind !== 'module' && target.kind !== 'home' ? ags.lineitem : null;
  const [row] = await db
    .insert(ltiLaunches)
    .values({ platformId: platform.id, userId: user.id, subject: claims.sub, targetKind: target.kind, targetId: target.id, lineItem })
    .returning({ id: ltiLaunches.id });
  return row!.id;
}

export { targetFor };
