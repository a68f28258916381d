// The LTI 1.3 claim names and message shapes the tool reads and writes (1EdTech LTI Core, Deep Linking 2.0, AGS 2.0).
import { z } from 'zod';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  launchPresentation: `${LTI}launch_presentation`,
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

/** Roles that teach a course rather than take it: their people manage the course's team. */
const TEACHING = /#(Instructor|Administrator|ContentDeveloper|Mentor)$|^(Instructor|Administrator|ContentDeveloper|Mentor)$/;
export const teaches = (roles: string[]) => roles.some((r) => TEACHING.test(r));

/** The claims a launch must carry, checked after the signature, audience, expiry and nonce. */
export const LaunchClaims = z.looseObject({
  sub: z.string().min(1, 'the token names no user (anonymous launches are not supported)').max(255),
  name: z.string().max(300).optional(),
  given_name: z.string().max(150).optional(),
  family_name: z.string().max(150).optional(),
  email: z.string().max(320).optional(),
  [CLAIM.messageType]: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']),
  [CLAIM.version]: z.literal('1.3.0'),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.targetLinkUri]: z.string().max(2000).optional(),
  [CLAIM.roles]: z.array(z.string()).default([]),
  [CLAIM.context]: z.looseObject({ id: z.string().min(1).max(255), label: z.string().max(300).optional(), title: z.string().max(300).optional() }).optional(),
  [CLAIM.launchPresentation]: z.looseObject({ document_target: z.string().optional() }).optional(),
  [CLAIM.ags]: z.looseObject({ scope: z.array(z.string()).default([]), lineitem: z.string().max(2000).optional() }).optional(),
  [CLAIM.deepLinkingSettings]: z
    .looseObject({
      deep_link_return_url: z.string().max(2000),
      accept_types: z.array(z.string()).default([]),
      accept_multiple: z.boolean().optional(),
      data: z.string().max(4000).optional(),
    })
    .optional(),
});
export type LaunchClaims = z.infer<typeof LaunchClaims>;
