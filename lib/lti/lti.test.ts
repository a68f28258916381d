import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts, ltiScores, teamManagers, teamMembers, teams, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { exportPersonalData } from '@/lib/privacy/export';
import { CLAIM, SCORE_SCOPE } from './claims';
import { deepLinkResponse, readTicket, signTicket } from './deep-link';
import { frameCookieValue, framingOrigins } from './frame';
import { queueOwedScores, scoresUrl, sendDueScores } from './grades';
import { publicJwks, toolKey } from './keys';
import { personFor, placeInCourseTeam, recordLaunch, verifyLaunch } from './launch';
import { startLogin } from './login';
import { PlatformInput, registerPlatform, type Platform } from './platforms';
import { targetFor } from './targets';
import { refusalOf as refusal } from './testing';

const SECRET = 'a-test-session-secret-of-some-length';
const base = 'http://localhost:3000';

/** The platform's key set, served over HTTP as a real platform serves it. */
let keys: { publicKey: KeyLike; privateKey: KeyLike };
let stranger: { privateKey: KeyLike };
let jwksServer: http.Server;
let issuer = '';
beforeAll(async () => {
  keys = await generateKeyPair('RS256');
  stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' };
  jwksServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => jwksServer.close(() => r())));

const input = (over: Partial<PlatformInput> = {}): PlatformInput => ({
  name: 'Moodle',
  issuer,
  clientId: 'client-1',
  deploymentIds: ['dep-1'],
  authLoginUrl: `${issuer}/auth`,
  authTokenUrl: `${issuer}/token`,
  jwksUrl: `${issuer}/jwks`,
  ...over,
});

function launchClaims(nonce: string, over: Record<string, unknown> = {}): JWTPayload {
  return {
    nonce,
    name: 'Priya Natarajan',
    email: 'priya@school.example',
    [CLAIM.messageType]: 'LtiResourceLinkRequest',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: 'dep-1',
    [CLAIM.targetLinkUri]: `${base}/practice/double-charge`,
    [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
    [CLAIM.context]: { id: 'course-1', title: 'Customer care 101' },
    [CLAIM.ags]: { scope: [SCORE_SCOPE], lineitem: `${issuer}/lineitems/9?x=1` },
    ...over,
  };
}

const sign = (claims: JWTPayload, opts: { sub?: string; aud?: string | string[]; key?: KeyLike; exp?: string | number } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(issuer)
    .setSubject(opts.sub ?? 'lms-42')
    .setAudience(opts.aud ?? 'client-1')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(opts.key ?? keys.privateKey);

describe.each(testDrivers)('LTI 1.3 on %s', (driver) => {
  const t = blockDatabase(driver);
  let platform: Platform;
  const admin = { id: '' };
  beforeAll(async () => {
    admin.id = (await makeUser(t.db, { email: 'admin@company.example', role: 'admin' })).id;
    platform = await registerPlatform(t.db, admin.id, input());
  });

  /** A login started as the platform would start it, and the nonce and state it was given. */
  async function login() {
    const { redirect, state } = await startLogin(t.db, { iss: issuer, login_hint: 'h', target_link_uri: `${base}/`, client_id: 'client-1' }, base);
    const nonce = new URL(redirect).searchParams.get('nonce')!;
    return { state, nonce, redirect: new URL(redirect) };
  }

  it('registers a platform once, framed from its issuer unless told otherwise, and refuses plain http elsewhere', async () => {
    expect(platform.frameOrigins).toEqual([issuer]);
    await expect(registerPlatform(t.db, admin.id, input())).rejects.toMatchObject({ status: 409 });
    expect(PlatformInput.safeParse(input({ issuer: 'http://lms.example.com' })).success).toBe(false);
    expect(PlatformInput.safeParse(input({ deploymentIds: [] })).success).toBe(false);
    const canvas = await registerPlatform(t.db, admin.id, input({ clientId: 'client-2', frameOrigins: ['https://school.instructure.com/courses/1'] }));
    expect(canvas.frameOrigins).toEqual(['https://school.instructure.com']);
  });

  it('answers a login with an authentication request to the platform, and refuses an unknown issuer or deployment', async () => {
    const { redirect, state } = await login();
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${issuer}/auth`);
    expect(Object.fromEntries(redirect.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'client-1',
      redirect_uri: `${base}/api/lti/launch`,
      login_hint: 'h',
      state,
    });
    expect(await refusal(startLogin(t.db, { iss: 'https://unknown.example', login_hint: 'h', target_link_uri: base }, base))).toBe('unknown-platform');
    // Two registrations share this issuer: a login must say which client it is for.
    expect(await refusal(startLogin(t.db, { iss: issuer, login_hint: 'h', target_link_uri: base }, base))).toBe('unknown-platform');
    expect(await refusal(startLogin(t.db, { iss: issuer, login_hint: 'h', target_link_uri: base, client_id: 'client-1', lti_deployment_id: 'dep-9' }, base))).toBe('unknown-deployment');
    expect(await refusal(startLogin(t.db, { iss: issuer, target_link_uri: base }, base))).toBe('bad-login');
  });

  it('accepts a launch signed by the platform once, and refuses it posted again', async () => {
    const { state, nonce } = await login();
    const idToken = await sign(launchClaims(nonce));
    const { claims } = await verifyLaunch(t.db, { idToken, state }, state);
    expect(claims.sub).toBe('lms-42');
    expect(await refusal(verifyLaunch(t.db, { idToken, state }, state))).toBe('replayed');
    // Without the state cookie too: a replay is named as one.
    expect(await refusal(verifyLaunch(t.db, { idToken, state }, undefined))).toBe('replayed');
  });

  it('refuses a bad signature, a wrong audience, an expired token, a foreign nonce, a missing state cookie and an unknown deployment', async () => {
    const cases: [string, (nonce: string) => Promise<string>][] = [
      ['bad-signature', (n) => sign(launchClaims(n), { key: stranger.privateKey })],
      ['wrong-audience', (n) => sign(launchClaims(n), { aud: 'another-tool' })],
      ['wrong-audience', (n) => sign(launchClaims(n), { aud: ['client-1', 'another-tool'] })],
      ['expired', (n) => sign(launchClaims(n), { exp: Math.floor(Date.now() / 1000) - 120 })],
      ['replayed', () => sign(launchClaims('a-nonce-this-login-never-issued'))],
      ['unknown-deployment', (n) => sign(launchClaims(n, { [CLAIM.deploymentId]: 'dep-9' }))],
      ['bad-token', (n) => sign(launchClaims(n, { [CLAIM.version]: '1.1' }))],
      ['bad-token', async () => 'not-a-jwt'],
    ];
    for (const [code, token] of cases) {
      const { state, nonce } = await login();
      expect(`${code}: ${await refusal(verifyLaunch(t.db, { idToken: await token(nonce), state }, state))}`).toBe(`${code}: ${code}`);
    }
    const { state, nonce } = await login();
    expect(await refusal(verifyLaunch(t.db, { idToken: await sign(launchClaims(nonce)), state }, 'another-browsers-state'))).toBe('no-state');
  });

  it('creates a person on their first launch, matches them by platform and subject after, and never links an existing account by email', async () => {
    const existing = await makeUser(t.db, { email: 'boss@company.example', role: 'admin' });
    const claims = (sub: string, email: string, roles = ['Learner']) => ({ sub, email, name: 'Sam Reyes', [CLAIM.roles]: roles }) as never;
    const first = await personFor(t.db, platform, claims('lms-7', 'sam@school.example'));
    expect(first).toMatchObject({ created: true, user: { email: 'sam@school.example', role: 'learner', name: 'Sam Reyes', passwordHash: null } });
    const again = await personFor(t.db, platform, claims('lms-7', 'renamed@school.example'));
    expect(again).toMatchObject({ created: false, user: { id: first.user.id } });
    // The platform says this new person is the trainer's admin: they get an account of their own.
    const claimant = await personFor(t.db, platform, claims('lms-8', 'boss@company.example'));
    expect(claimant.user.id).not.toBe(existing.id);
    expect(claimant.user).toMatchObject({ role: 'learner', email: expect.stringMatching(/^lti-[0-9a-f]{20}@lti\.invalid$/) });
    const teacher = await personFor(t.db, platform, claims('lms-9', 'teach@school.example', ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor']));
    expect(teacher.user.role).toBe('manager');
    // The person's data export says which platform knows them by which id.
    const exported = await exportPersonalData(t.db, first.user.id);
    expect(exported!.learningPlatforms.lti).toEqual([{ platform: 'Moodle', issuer, subject: 'lms-7', linkedAt: expect.any(Date) }]);
    await t.db.update(users).set({ active: false }).where(eq(users.id, first.user.id));
    expect(await refusal(personFor(t.db, platform, claims('lms-7', 'sam@school.example')))).toBe('inactive');
  });

  it('puts each course in a team of its own: learners as members, teachers as managers', async () => {
    const learner = (await personFor(t.db, platform, { sub: 'c-1', [CLAIM.roles]: [] } as never)).user;
    const teacher = (await personFor(t.db, platform, { sub: 'c-2', [CLAIM.roles]: ['Instructor'] } as never)).user;
    const course = { [CLAIM.context]: { id: 'course-77', title: 'Complaints clinic' } } as never;
    const teamId = await placeInCourseTeam(t.db, platform, course, learner);
    expect(await placeInCourseTeam(t.db, platform, course, teacher)).toBe(teamId);
    const [team] = await t.db.select().from(teams).where(eq(teams.id, teamId!));
    expect(team!.name).toBe('Complaints clinic (Moodle)');
    expect((await t.db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId!))).map((m) => m.userId)).toEqual([learner.id]);
    expect((await t.db.select().from(teamManagers).where(eq(teamManagers.teamId, teamId!))).map((m) => m.userId)).toEqual([teacher.id]);
    expect(await placeInCourseTeam(t.db, platform, {} as never, learner)).toBeNull();
  });

  it('queues the score of each attempt finished after a graded launch once, and retries a gradebook that fails', async () => {
    const person = (await personFor(t.db, platform, { sub: 'g-1', [CLAIM.roles]: [] } as never)).user;
    const claims = launchClaims('n', { sub: 'g-1' }) as never;
    const before = new Date(Date.now() - 60_000);
    // Finished before the launch: not this link's to report.
    await t.db.insert(attempts).values({ userId: person.id, scenarioId: 'double-charge', contentHash: 'h', status: 'completed', score: 40, startedAt: before, finishedAt: before });
    await recordLaunch(t.db, platform, claims, person, targetFor(`${base}/practice/double-charge`, base));
    const [done] = await t.db.insert(attempts).values({ userId: person.id, scenarioId: 'double-charge', contentHash: 'h', status: 'completed', score: 88, finishedAt: new Date() }).returning();
    await t.db.insert(attempts).values({ userId: person.id, scenarioId: 'late-delivery', contentHash: 'h', status: 'completed', score: 70, finishedAt: new Date() });
    await t.db.insert(attempts).values({ userId: person.id, scenarioId: 'double-charge', contentHash: 'h', status: 'in_progress' });
    expect(await queueOwedScores(t.db)).toBe(1);
    expect(await queueOwedScores(t.db)).toBe(0);

    const posted: { url: string; user: string; score: number; token: string }[] = [];
    let failing = true;
    const post = async (d: { line_item: string; subject: string; score: number }, token: string) => {
      if (failing) throw new Error('the gradebook answered 503');
      posted.push({ url: scoresUrl(d.line_item), user: d.subject, score: d.score, token });
    };
    const token = async () => 'tok';
    expect(await sendDueScores(t.db, token, post)).toEqual({ sent: 0, failed: 1 });
    const [waiting] = await t.db.select().from(ltiScores).where(eq(ltiScores.attemptId, done!.id));
    expect(waiting).toMatchObject({ tries: 1, lastError: 'the gradebook answered 503', sentAt: null });
    expect(waiting!.nextTryAt.getTime()).toBeGreaterThan(Date.now());
    failing = false;
    expect(await sendDueScores(t.db, token, post)).toEqual({ sent: 0, failed: 0 });
    await t.db.update(ltiScores).set({ nextTryAt: new Date(Date.now() - 1000) }).where(eq(ltiScores.attemptId, done!.id));
    expect(await sendDueScores(t.db, token, post)).toEqual({ sent: 1, failed: 0 });
    expect(posted).toEqual([{ url: `${issuer}/lineitems/9/scores?x=1`, user: 'g-1', score: 88, token: 'tok' }]);
    expect(await sendDueScores(t.db, token, post)).toEqual({ sent: 0, failed: 0 });
  });

  it('signs deep-linking answers and grade requests with one key, published at the key set address', async () => {
    const key = await toolKey(t.db, SECRET);
    expect((await toolKey(t.db, SECRET)).kid).toBe(key.kid);
    const jwks = await publicJwks(t.db, SECRET);
    expect(jwks.keys).toHaveLength(1);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
    const ticket = { uid: admin.id, platformId: platform.id, deploymentId: 'dep-1', returnUrl: `${issuer}/return`, data: 'opaque' };
    const jwt = await deepLinkResponse(key, platform, ticket, targetFor(`${base}/practice/double-charge`, base), base);
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks as never), { issuer: 'client-1', audience: issuer });
    expect(payload[CLAIM.messageType]).toBe('LtiDeepLinkingResponse');
    expect(payload[CLAIM.deepLinkingData]).toBe('opaque');
    expect(payload[CLAIM.contentItems]).toEqual([
      { type: 'ltiResourceLink', title: expect.any(String), url: `${base}/practice/double-charge`, lineItem: { scoreMaximum: 100, label: expect.any(String), resourceId: 'scenario:double-charge' } },
    ]);
    // The picker's ticket cannot be changed or read with another secret.
    const signed = await signTicket(ticket, SECRET);
    expect(await readTicket(signed, SECRET)).toEqual(ticket);
    expect(await readTicket(signed, 'another-secret-entirely-of-length')).toBeNull();
    expect(await readTicket(`${signed}x`, SECRET)).toBeNull();
  });
});

describe('LTI pieces without a database', () => {
  it('lets a platform frame the trainer only through an untouched signed cookie', () => {
    const value = frameCookieValue(['https://lms.example.com', 'http://127.0.0.1:4000'], SECRET);
    expect(framingOrigins(value, SECRET)).toEqual(['https://lms.example.com', 'http://127.0.0.1:4000']);
    expect(framingOrigins(value, 'another-secret')).toEqual([]);
    const forged = `${Buffer.from('https://evil.example').toString('base64url')}.${value.split('.')[1]}`;
    expect(framingOrigins(forged, SECRET)).toEqual([]);
    // Even a correctly signed value cannot smuggle in a directive.
    expect(framingOrigins(frameCookieValue(["https://a.example; script-src 'unsafe-eval'"], SECRET), SECRET)).toEqual([]);
    expect(framingOrigins(undefined, SECRET)).toEqual([]);
  });

  it('sends a launch to the linked module, scenario or check-ups, and anything else home', () => {
    expect(targetFor(`${base}/learn/apologizing-well`, base)).toMatchObject({ kind: 'module', path: '/learn/apologizing-well' });
    expect(targetFor(`${base}/practice/double-charge/`, base)).toMatchObject({ kind: 'scenario', id: 'double-charge' });
    expect(targetFor(`${base}/checkups`, base)).toMatchObject({ kind: 'checkups' });
    expect(targetFor('https://evil.example/practice/double-charge', base)).toMatchObject({ kind: 'home', path: '/' });
    expect(targetFor(`${base}/practice/no-such-scenario`, base).kind).toBe('home');
    expect(targetFor(undefined, base).kind).toBe('home');
  });
});
