// Journey: an LMS (a stand-in LTI 1.3 platform built here with jose) adds a scenario by deep linking, launches a learner into it inside its frame, gets the score in its gradebook, and sees forged, misaddressed and replayed launches refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { expectNoAxeViolations, signIn } from './fixtures';
import { getCourse } from '../lib/content/course';
import { bestPathSays, byId } from './play';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const tool = `http://localhost:${PORT}`;
const CLIENT_ID = 'trainer-client-7';
const DEPLOYMENT = 'dep-1';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

type Mode = 'good' | 'bad-signature' | 'wrong-audience';
type Hint = { as: 'designer' | 'learner'; target?: string };

const form = (action: string, fields: Record<string, string>, target = '_self') =>
  `<form id="f" method="post" action="${action}" target="${target}">${Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/"/g, '&quot;')}">`)
    .join('')}</form><script>document.getElementById('f').submit()</script>`;

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/**
 * A learning platform as far as LTI 1.3 needs one: a course page framing the tool, an OIDC
 * authorization endpoint that signs id_tokens, its key set, a token endpoint that checks the tool's
 * client assertion against the tool's published keys, a line item's scores endpoint, and a
 * deep-linking return that checks the tool's signed answer.
 */
async function standInPlatform() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'platform-key-1', alg: 'RS256', use: 'sig' };
  const toolKeys = createRemoteJWKSet(new URL(`${tool}/api/lti/jwks`));
  const seen = {
    mode: 'good' as Mode,
    launches: [] as { idToken: string; state: string }[],
    scores: [] as Record<string, unknown>[],
    tokenRequests: 0,
    deepLinks: [] as JWTPayload[],
  };
  let origin = '';
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const html = (body: string, status = 200) => res.writeHead(status, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><title>LMS</title><body>${body}</body></html>`);
      if (url.pathname === '/jwks') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      if (url.pathname === '/course') {
        const hint = url.searchParams.get('hint')!;
        const target = (JSON.parse(hint) as Hint).target ?? `${tool}/`;
        const login = { iss: origin, login_hint: 'lms-user-hint', target_link_uri: target, lti_message_hint: hint, client_id: CLIENT_ID, lti_deployment_id: DEPLOYMENT };
        return html(`<h1>Customer care 101</h1><iframe name="tool" title="Empathy Trainer" width="1100" height="760"></iframe>${form(`${tool}/api/lti/login`, login, 'tool')}`);
      }
      if (url.pathname === '/replay') {
        const last = seen.launches.at(-1)!;
        return html(`<iframe name="tool" title="Empathy Trainer" width="900" height="500"></iframe>${form(`${tool}/api/lti/launch`, { id_token: last.idToken, state: last.state }, 'tool')}`);
      }
      if (url.pathname === '/auth') {
        const p = url.searchParams;
        if (p.get('redirect_uri') !== `${tool}/api/lti/launch` || p.get('client_id') !== CLIENT_ID || p.get('response_mode') !== 'form_post') return html('bad authentication request', 400);
        const hint = JSON.parse(p.get('lti_message_hint')!) as Hint;
        const designer = hint.as === 'designer';
        const claims: JWTPayload = {
          nonce: p.get('nonce')!,
          name: designer ? 'Dana Designer' : 'Priya Natarajan',
          email: designer ? 'dana@school.example' : 'priya@school.example',
          [`${LTI}message_type`]: designer ? 'LtiDeepLinkingRequest' : 'LtiResourceLinkRequest',
          [`${LTI}version`]: '1.3.0',
          [`${LTI}deployment_id`]: DEPLOYMENT,
          [`${LTI}target_link_uri`]: hint.target ?? `${tool}/`,
          [`${LTI}roles`]: [designer ? 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor' : 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
          [`${LTI}context`]: { id: 'course-101', title: 'Customer care 101' },
          [`${LTI}resource_link`]: { id: 'link-1' },
          ...(designer
            ? { 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': { deep_link_return_url: `${origin}/deep-link-return`, accept_types: ['ltiResourceLink'], data: 'opaque-7' } }
            : { 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': { scope: [SCORE_SCOPE], lineitem: `${origin}/lineitems/1?course=101` } }),
        };
        const idToken = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'platform-key-1' })
          .setIssuer(origin)
          .setSubject(designer ? 'lms-designer-9' : 'lms-learner-42')
          .setAudience(seen.mode === 'wrong-audience' ? 'some-other-tool' : CLIENT_ID)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign((seen.mode === 'bad-signature' ? stranger.privateKey : privateKey) as KeyLike);
        seen.launches.push({ idToken, state: p.get('state')! });
        return html(form(p.get('redirect_uri')!, { id_token: idToken, state: p.get('state')! }));
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const body = new URLSearchParams(await readBody(req));
        await jwtVerify(body.get('client_assertion')!, toolKeys, { issuer: CLIENT_ID, subject: CLIENT_ID, audience: `${origin}/token` });
        if (body.get('grant_type') !== 'client_credentials' || body.get('scope') !== SCORE_SCOPE) return void res.writeHead(400).end();
        seen.tokenRequests += 1;
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'grade-token', token_type: 'Bearer', expires_in: 3600 }));
      }
      if (url.pathname === '/lineitems/1/scores' && req.method === 'POST') {
        if (req.headers.authorization !== 'Bearer grade-token' || req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return void res.writeHead(401).end();
        if (url.searchParams.get('course') !== '101') return void res.writeHead(404).end();
        seen.scores.push(JSON.parse(await readBody(req)) as Record<string, unknown>);
        return void res.writeHead(204).end();
      }
      if (url.pathname === '/deep-link-return' && req.method === 'POST') {
        const body = new URLSearchParams(await readBody(req));
        const { payload } = await jwtVerify(body.get('JWT')!, toolKeys, { issuer: CLIENT_ID, audience: origin });
        seen.deepLinks.push(payload);
        const item = (payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as { title: string }[])[0]!;
        return html(`<h1>Added to your course</h1><p>${item.title}</p>`);
      }
      html('not found', 404);
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function openCourse(page: Page, origin: string, hint: Hint): Promise<FrameLocator> {
  await page.goto(`${origin}/course?hint=${encodeURIComponent(JSON.stringify(hint))}`);
  return page.frameLocator('iframe[name="tool"]');
}

test('an LMS deep-links a scenario, launches a learner into it in its frame, gets the score back, and has bad launches refused', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const platform = await standInPlatform();
  try {
    // An admin registers the platform with the values its tool registration shows.
    await signIn(page, 'admin@example.com');
    await page.goto('/admin/lti');
    await expect(page.getByText(`${tool}/api/lti/login`)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Name', { exact: true }).fill('Stand-in Moodle');
    await page.getByLabel('Issuer (platform id)').fill(platform.origin);
    await page.getByLabel('Client id').fill(CLIENT_ID);
    await page.getByLabel('Deployment ids').fill(DEPLOYMENT);
    await page.getByLabel('Authentication request URL').fill(`${platform.origin}/auth`);
    await page.getByLabel('Access token URL').fill(`${platform.origin}/token`);
    await page.getByLabel('Public key set URL').fill(`${platform.origin}/jwks`);
    await page.getByRole('button', { name: 'Register platform' }).click();
    await expect(page.getByRole('region', { name: 'Register the LMS here' }).getByRole('status')).toContainText('Registered Stand-in Moodle');
    await expect(page.getByRole('cell', { name: 'Stand-in Moodle', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    const scenario = byId('double-charge').scenario;
    // A course designer adds the scenario to the course through deep linking, inside the LMS frame.
    const designer = await browser.newPage();
    let frame = await openCourse(designer, platform.origin, { as: 'designer' });
    await expect(frame.getByRole('heading', { name: 'Add to your course' })).toBeVisible();
    await frame.getByRole('button', { name: `Add ${scenario.title}` }).click();
    await expect(frame.getByRole('heading', { name: 'Added to your course' })).toBeVisible();
    const answer = platform.seen.deepLinks[0]!;
    expect(answer[`${LTI}message_type`]).toBe('LtiDeepLinkingResponse');
    expect(answer['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe('opaque-7');
    const [item] = answer['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as { url: string; lineItem: { scoreMaximum: number } }[];
    expect(item!.url).toBe(`${tool}/practice/double-charge`);
    expect(item!.lineItem.scoreMaximum).toBe(100);
    await designer.close();

    // A learner opens the link: signed in without a form, inside the LMS frame, and plays it.
    const learner = await browser.newPage();
    frame = await openCourse(learner, platform.origin, { as: 'learner', target: item!.url });
    await expect(frame.getByRole('heading', { name: 'Your reply' })).toBeVisible();
    const says = bestPathSays('double-charge');
    for (const [i, say] of says.entries()) {
      await frame.getByRole('button', { name: say, exact: false }).filter({ hasText: say }).click();
      await frame.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' }).click();
    }
    await expect(frame.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();
    // The score reaches the gradebook's line item, for the platform's id of the learner.
    await expect.poll(() => platform.seen.scores.length, { timeout: 30_000 }).toBe(1);
    expect(platform.seen.scores[0]).toMatchObject({ userId: 'lms-learner-42', scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect(platform.seen.tokenRequests).toBe(1);
    // Prerendered module pages open in the frame too, under the same platform-only framing rule.
    const mod = getCourse().byId.get('apologizing-well')!;
    await learner.locator('iframe[name="tool"]').evaluate((f: HTMLIFrameElement, url) => (f.src = url), `${tool}/learn/${mod.id}`);
    await expect(frame.getByRole('heading', { level: 1, name: mod.title })).toBeVisible();

    // The same id_token posted again is refused: its login was used.
    await learner.goto(`${platform.origin}/replay`);
    await expect(learner.frameLocator('iframe[name="tool"]').getByRole('heading', { name: 'This link was already used' })).toBeVisible();
    await learner.close();

    // A token signed with a key the platform never published, and one addressed to another tool.
    const stranger = await browser.newPage();
    platform.seen.mode = 'bad-signature';
    frame = await openCourse(stranger, platform.origin, { as: 'learner', target: item!.url });
    await expect(frame.getByRole('heading', { name: 'The link could not be trusted' })).toBeVisible();
    platform.seen.mode = 'wrong-audience';
    frame = await openCourse(stranger, platform.origin, { as: 'learner', target: item!.url });
    await expect(frame.getByRole('heading', { name: 'The link was meant for another tool' })).toBeVisible();
    await stranger.close();

    // Each refusal is in the audit trail, which the admin sees beside the registration.
    await page.reload();
    const refused = page.getByRole('table', { name: 'Recently refused launches' });
    await expect(refused.getByRole('row')).toHaveCount(4);
    await expect(refused).toContainText('The link was meant for another tool');
    await expect(refused).toContainText('The link could not be trusted');
    await expect(refused).toContainText('This link was already used');
  } finally {
    await platform.close();
  }
});
