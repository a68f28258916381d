// Journey: a company's single sign-on (a real OpenID Connect provider) signs in people the trainer knows.
import fs from 'node:fs';
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import Provider from 'oidc-provider';
import { mainNav, signInError } from './fixtures';
import { launchServer, waitForReady, type RunningServer } from './server';

const appPort = 3217;
const idpPort = 3301;
const issuer = `http://localhost:${idpPort}`;
const dir = '.data/e2e-sso';

let idp: Server;
let app: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'trainer',
        client_secret: 'a-test-client-secret',
        redirect_uris: [`http://localhost:${appPort}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Anyone may sign in at this test provider; the login typed is their email, verified unless it
    // starts with "unverified:", as at a provider that lets people type any address.
    async findAccount(_ctx, id) {
      const email = id.replace(/^unverified:/, '');
      return { accountId: id, claims: async () => ({ sub: id, email, email_verified: !id.startsWith('unverified:'), name: `SSO ${email}` }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a-test-cookie-key'] },
  });
  idp = provider.listen(idpPort);
  fs.rmSync(dir, { recursive: true, force: true });
  app = launchServer({
    PGLITE_DIR: dir,
    PORT: String(appPort),
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'trainer',
    OIDC_CLIENT_SECRET: 'a-test-client-secret',
    OIDC_NAME: 'Acme SSO',
  });
  await waitForReady(app);
});

test.afterAll(async () => {
  app?.process.kill('SIGTERM');
  await app?.exited;
  idp?.close();
});

async function ssoSignIn(page: Page, login: string) {
  await page.goto(`http://localhost:${appPort}/signin`);
  await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
  await page.waitForURL(new RegExp(`^${issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent the first time this account meets the client.
  const appOrigin = `http://localhost:${appPort}`;
  const consent = page.locator('input[name="prompt"][value="consent"]');
  await Promise.race([page.waitForURL((url) => url.origin === appOrigin), consent.waitFor({ state: 'attached' })]);
  if (new URL(page.url()).origin !== appOrigin) {
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === appOrigin);
  }
}

test('a known email signs in through SSO with its trainer role', async ({ page }) => {
  await ssoSignIn(page, 'manager1@example.com');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Jordan');
  await expect(mainNav(page).getByRole('link', { name: 'Team' })).toBeVisible();
  const me = await page.request.get(`http://localhost:${appPort}/api/me`);
  expect(((await me.json()) as { user: { email: string; role: string } }).user).toMatchObject({
    email: 'manager1@example.com',
    role: 'manager',
  });
});

test('an email with no trainer account is turned away with a clear message', async ({ page }) => {
  await ssoSignIn(page, 'stranger@acme.example');
  await expect(page).toHaveURL(/\/signin/);
  await expect(signInError(page)).toContainText('has no trainer account yet');
  expect((await page.request.get(`http://localhost:${appPort}/api/me`)).status()).toBe(401);
});

test('an email the provider has not verified is refused, even when it names an admin', async ({ page }) => {
  await ssoSignIn(page, 'unverified:admin@example.com');
  await expect(page).toHaveURL(/\/signin/);
  await expect(signInError(page)).toContainText('did not confirm your email address');
  expect((await page.request.get(`http://localhost:${appPort}/api/me`)).status()).toBe(401);
});
