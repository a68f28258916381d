// The LTI endpoints a platform calls (login initiation, launch, the tool's key set): each reaches the runtime database itself, as they serve people who are not signed in yet.
import type { Db } from '@/db/client';
import type { User } from '@/db/schema';
import { getDb } from '@/db/runtime';
import { syncStudio } from '@/lib/studio/catalogue';
import { audit } from '@/lib/audit';
import { requestIp } from '@/lib/auth/guards';
import { embeddableCookie, launchSessionCookie } from '@/lib/auth/launch-session';
import { sessionSecret } from '@/lib/auth/secret';
import { appBaseUrl, env } from '@/lib/env';
import { BadRequestError, readForm } from '@/lib/http';
import { CLAIM } from './claims';
import { signTicket } from './deep-link';
import { FRAME_COOKIE, frameCookieValue } from './frame';
import { publicJwks } from './keys';
import { personFor, placeInCourseTeam, recordLaunch, targetFor, verifyLaunch } from './launch';
import { LOGIN_TTL_MINUTES, startLogin, stateCookieName, type LoginParams } from './login';
import { LaunchRefusal } from './refusal';

// An id_token with a platform's full claims is a few kilobytes; this leaves room without inviting floods.
const MAX_FORM_BYTES = 64 * 1024;

function cookieFrom(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function seeOther(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 303, headers });
}

/** Sends the person to the page that says why, after writing the audit row with the reason they are not told. */
export async function refused(e: LaunchRefusal, stage: 'login' | 'launch', action: 'lti.refused' | 'scorm.refused' = 'lti.refused'): Promise<Response> {
  await audit(await getDb(), { action, subject: e.code, ip: await requestIp(), detail: { stage, reason: e.detail } });
  return seeOther(`/launch/refused?reason=${e.code}`);
}

/** The cookies that sign a launched person in inside the launching page's frame, and let that page frame the trainer. */
export async function launchCookies(db: Db, user: User, frameOrigins: string[]): Promise<string[]> {
  const e = env();
  const secret = sessionSecret(e);
  const session = await launchSessionCookie(db, user, secret, appBaseUrl(e).startsWith('https://'));
  return [
    embeddableCookie(session.name, session.value, session.maxAge),
    embeddableCookie(FRAME_COOKIE, frameCookieValue(frameOrigins, secret), session.maxAge),
  ];
}

async function params(req: Request): Promise<LoginParams> {
  const source = req.method === 'GET' ? new URL(req.url).searchParams : await readForm(req, MAX_FORM_BYTES);
  const pick = (k: keyof LoginParams) => source.get(k) ?? undefined;
  return { iss: pick('iss'), login_hint: pick('login_hint'), target_link_uri: pick('target_link_uri'), lti_message_hint: pick('lti_message_hint'), client_id: pick('client_id'), lti_deployment_id: pick('lti_deployment_id') };
}

/** Login initiation (GET or POST): answers with the platform's authentication request and a cookie holding the state. */
export async function handleLogin(req: Request): Promise<Response> {
  try {
    const { redirect, state } = await startLogin(await getDb(), await params(req), appBaseUrl());
    return seeOther(redirect, [embeddableCookie(stateCookieName(state), state, LOGIN_TTL_MINUTES * 60)]);
  } catch (e) {
    if (e instanceof LaunchRefusal) return refused(e, 'login');
    if (e instanceof BadRequestError) return refused(new LaunchRefusal('bad-login', e.message), 'login');
    throw e;
  }
}

/**
 * The launch (the platform's form post with the id_token): signs the person in with a cookie that
 * works inside the platform's frame, allows that platform to frame the trainer, and goes to the
 * linked page, or to the picker for a deep-linking request.
 */
export async function handleLaunch(req: Request): Promise<Response> {
  const db = await getDb();
  // The link may name a scenario published in the studio on another instance a moment ago.
  await syncStudio(db);
  const e = env();
  const secret = sessionSecret(e);
  const base = appBaseUrl(e);
  try {
    let form: URLSearchParams;
    try {
      form = await readForm(req, MAX_FORM_BYTES);
    } catch (err) {
      throw new LaunchRefusal('bad-token', err instanceof Error ? err.message : 'unreadable form');
    }
    const state = form.get('state') ?? undefined;
    const { platform, claims } = await verifyLaunch(db, { idToken: form.get('id_token') ?? undefined, state }, state ? cookieFrom(req, stateCookieName(state)) : undefined);
    const { user, created } = await personFor(db, platform, claims);
    const teamId = await placeInCourseTeam(db, platform, claims, user);
    const messageType = claims[CLAIM.messageType];
    let location: string;
    let target: string;
    const settings = claims[CLAIM.deepLinkingSettings];
    if (messageType === 'LtiDeepLinkingRequest') {
      if (!settings) throw new LaunchRefusal('bad-token', 'a deep-linking request without deep_linking_settings');
      const ticket = await signTicket({ uid: user.id, platformId: platform.id, deploymentId: claims[CLAIM.deploymentId], returnUrl: settings.deep_link_return_url, data: settings.data }, secret);
      location = `/lti/deep-link?ticket=${encodeURIComponent(ticket)}`;
      target = 'deep-link picker';
    } else {
      const t = targetFor(claims[CLAIM.targetLinkUri], base);
      await recordLaunch(db, platform, claims, user, t);
      location = t.path;
      target = `${t.kind}:${t.id}`;
    }
    await audit(db, { action: 'lti.launched', actorId: user.id, subject: user.email, ip: await requestIp(), detail: { platform: platform.name, platformId: platform.id, messageType, target, created, teamId } });
    return seeOther(location, [...(await launchCookies(db, user, platform.frameOrigins)), ...(state ? [embeddableCookie(stateCookieName(state), '', 0)] : [])]);
  } catch (err) {
    if (err instanceof LaunchRefusal) return refused(err, 'launch');
    throw err;
  }
}

export async function handleJwks(): Promise<Response> {
  return Response.json(await publicJwks(await getDb(), sessionSecret(env())), { headers: { 'cache-control': 'public, max-age=300' } });
}
