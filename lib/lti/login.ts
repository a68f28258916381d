// LTI 1.3 login initiation (OIDC third-party login): the platform names who is coming, the tool answers with an authentication request carrying a fresh state and nonce.
import crypto from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ltiLogins, ltiPlatforms } from '@/db/schema';
import { toolUrls, type Platform } from './platforms';
import { LaunchRefusal } from './refusal';

/** How long a platform has to answer a login with its launch. */
export const LOGIN_TTL_MINUTES = 10;

export interface LoginStart {
  /** The platform's authentication endpoint with the request's parameters. */
  redirect: string;
  state: string;
}

/** The registration a login or launch is for: the issuer alone when it has one, else the client id must say which. */
export async function platformFor(db: Db, issuer: string, clientId: string | undefined): Promise<Platform> {
  const rows = await db
    .select()
    .from(ltiPlatforms)
    .where(clientId ? and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId)) : eq(ltiPlatforms.issuer, issuer));
  if (rows.length === 0) throw new LaunchRefusal('unknown-platform', `no platform is registered with issuer ${issuer}${clientId ? ` and client id ${clientId}` : ''}`);
  if (rows.length > 1) throw new LaunchRefusal('unknown-platform', `issuer ${issuer} has several registrations and the login named no client id`);
  return rows[0]!;
}

export interface LoginParams {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

export async function startLogin(db: Db, params: LoginParams, base: string): Promise<LoginStart> {
  if (!params.iss || !params.login_hint || !params.target_link_uri) {
    throw new LaunchRefusal('bad-login', 'the login request lacks iss, login_hint or target_link_uri');
  }
  const platform = await platformFor(db, params.iss, params.client_id);
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
    throw new LaunchRefusal('unknown-deployment', `deployment ${params.lti_deployment_id} is not registered for ${platform.name}`);
  }
  const state = crypto.randomBytes(24).toString('base64url');
  const nonce = crypto.randomBytes(24).toString('base64url');
  // Logins never answered are cleared as new ones arrive, so the table holds minutes of them.
  await db.delete(ltiLogins).where(lt(ltiLogins.createdAt, new Date(Date.now() - 24 * 3_600_000)));
  await db.insert(ltiLogins).values({ state, nonce, platformId: platform.id });
  const url = new URL(platform.authLoginUrl);
  const query = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: toolUrls(base).launchUrl,
    login_hint: params.login_hint,
    state,
    nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return { redirect: url.toString(), state };
}

/** The cookie that ties a login's state to the browser that started it (checked at launch). */
export const stateCookieName = (state: string) => `lti-state-${state.slice(0, 16)}`;
