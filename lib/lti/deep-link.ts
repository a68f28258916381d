// LTI Deep Linking 2.0: a course designer picks what to add to their course, and the tool answers the platform with a signed list of links.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { jwtVerify, SignJWT } from 'jose';
import type { Db } from '@/db/client';
import { ltiPlatforms } from '@/db/schema';
import { derivedKey } from '@/lib/auth/seal';
import { CLAIM } from './claims';
import { ALG, toolKey, type ToolKey } from './keys';
import type { Platform } from './platforms';
import { linkableTargets, type Target } from './targets';

/** What the picker page needs from the deep-linking launch, carried in a signed ticket rather than stored. */
export interface DeepLinkTicket {
  /** The person the picker is for: a ticket copied to another session is refused. */
  uid: string;
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data?: string;
}

const TICKET_MINUTES = 30;
const ticketKey = (secret: string) => new Uint8Array(derivedKey(secret, 'lti deep-link ticket v1'));

export async function signTicket(t: DeepLinkTicket, secret: string): Promise<string> {
  return new SignJWT({ ...t })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${TICKET_MINUTES}m`)
    .sign(ticketKey(secret));
}

/** The ticket's content, or null for a forged, changed or expired one. */
export async function readTicket(ticket: string | null | undefined, secret: string): Promise<DeepLinkTicket | null> {
  if (!ticket) return null;
  try {
    const { payload } = await jwtVerify(ticket, ticketKey(secret), { algorithms: ['HS256'] });
    const { uid, platformId, deploymentId, returnUrl, data } = payload as Record<string, unknown>;
    if (typeof uid !== 'string' || typeof platformId !== 'string' || typeof deploymentId !== 'string' || typeof returnUrl !== 'string') return null;
    return { uid, platformId, deploymentId, returnUrl, data: typeof data === 'string' ? data : undefined };
  } catch {
    return null;
  }
}

/**
 * The LtiDeepLinkingResponse for one picked item, signed with the tool's key. Scenarios and
 * check-ups ask the platform for a gradebook column out of 100, which their launches then fill.
 */
export async function deepLinkResponse(key: ToolKey, platform: Platform, ticket: DeepLinkTicket, target: Target, base: string): Promise<string> {
  const graded = target.kind === 'scenario' || target.kind === 'checkups';
  const item = {
    type: 'ltiResourceLink',
    title: target.title,
    url: `${base}${target.path}`,
    ...(graded ? { lineItem: { scoreMaximum: 100, label: target.title, resourceId: `${target.kind}:${target.id}` } } : {}),
  };
  return new SignJWT({
    nonce: crypto.randomBytes(16).toString('base64url'),
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: ticket.deploymentId,
    [CLAIM.contentItems]: [item],
    ...(ticket.data ? { [CLAIM.deepLinkingData]: ticket.data } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

export interface PickerItem {
  target: Target;
  /** The signed answer that adds this item to the course, posted to the platform as `JWT`. */
  jwt: string;
}

/**
 * Every item the designer can add, each with its answer already signed, so picking one is a
 * plain form post to the platform with no script and no second round trip.
 */
export async function pickerFor(db: Db, ticket: DeepLinkTicket, secret: string, base: string): Promise<{ platform: Platform; items: PickerItem[] } | null> {
  const [platform] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, ticket.platformId));
  if (!platform) return null;
  const key = await toolKey(db, secret);
  const targets = linkableTargets();
  const items = await Promise.all(targets.map(async (target) => ({ target, jwt: await deepLinkResponse(key, platform, ticket, target, base) })));
  return { platform, items };
}
