// Journey: while the demo accounts use the published password the server serves this computer only; an admin of the organisation's own removes the demo, and it serves the network.
import fs from 'node:fs';
import os from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { choosePassword, expectNoAxeViolations, setUpTwoStep } from './fixtures';
import { launchServer, stopServer, waitForReady, type RunningServer } from './server';

const port = 3219;
const local = `http://localhost:${port}`;
const dir = '.data/e2e-demo';
// This machine's address on its network: what another computer would connect to.
const lanIp = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

let app: RunningServer | undefined;

test.afterAll(async () => {
  if (app) await stopServer(app);
});

async function reachable(host: string): Promise<boolean> {
  return fetch(`http://${host}:${port}/api/health`, { signal: AbortSignal.timeout(3000) }).then(
    (r) => r.ok,
    () => false,
  );
}

async function signInAt(page: Page, email: string, password: string, expectWelcome = true) {
  await page.goto(`${local}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (expectWelcome) await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

test('the published demo password never reaches the network, and one admin action removes the demo', async ({ browser }) => {
  test.setTimeout(240_000);
  expect(lanIp, 'this machine needs a network address to test from').toBeDefined();
  fs.rmSync(dir, { recursive: true, force: true });
  // No HOST, as on someone's own machine after `npm start`.
  app = launchServer({ PGLITE_DIR: dir, PORT: String(port), HOST: '', SEED_DEMO: 'true' });
  await waitForReady(app);
  expect(app.output()).toContain('Listening on this computer only, because the demo accounts use the published password.');
  expect(await reachable('127.0.0.1')).toBe(true);
  expect(await reachable(lanIp!)).toBe(false);

  // The demo admin sees the banner, and is told to add an admin of the organisation's own first.
  const demo = await (await browser.newContext()).newPage();
  await signInAt(demo, 'admin@example.com', 'practice-empathy');
  await expect(demo.getByRole('complementary', { name: 'Demo data' })).toContainText('only accepts connections from this computer');
  await demo.goto(`${local}/admin`);
  await expect(demo.getByRole('region', { name: 'Demo organisation' })).toContainText('You are signed in as the demo admin');
  const created = await demo.request.post(`${local}/api/admin/users`, {
    data: { email: 'it.lead@company.example', name: 'Ife Lead', role: 'admin', password: 'our own long admin passphrase' },
  });
  expect(created.status()).toBe(201);

  // The organisation's own admin chooses their own password and sets up two-step sign-in, as every
  // admin but the demo one must, then removes the demo after typing what it does.
  const own = await (await browser.newContext()).newPage();
  await signInAt(own, 'it.lead@company.example', 'our own long admin passphrase', false);
  await choosePassword(own, 'our own long admin passphrase', 'granite willow beacon orbit');
  await expect(own).toHaveURL(/\/account\?required=two-step/);
  const { codes } = await setUpTwoStep(own, 'granite willow beacon orbit');
  expect(codes).toHaveLength(10);
  await own.getByRole('button', { name: 'I have saved them' }).click();
  await expect(own.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await own.goto(`${local}/admin#demo`);
  const card = own.getByRole('region', { name: 'Demo organisation' });
  const remove = card.getByRole('button', { name: 'Remove the demo organisation' });
  await expect(remove).toBeDisabled();
  await card.getByLabel(/Type “remove the demo organisation” to confirm/).fill('remove the demo organisation');
  await expectNoAxeViolations(own);
  await remove.click();
  await expect(card).toHaveCount(0);
  await expect(own.getByRole('complementary', { name: 'Demo data' })).toHaveCount(0);

  // The demo admin's session ends with the account, and the published password opens nothing.
  await demo.goto(`${local}/`);
  await expect(demo).toHaveURL(/\/signin/);
  await signInAt(demo, 'admin@example.com', 'practice-empathy', false);
  await expect(demo.getByRole('alert').filter({ hasText: /\S/ })).toContainText('incorrect');
  await expect(demo.getByText('Demo accounts')).toHaveCount(0);

  // Started again without HOST, it serves the network.
  await stopServer(app);
  app = launchServer({ PGLITE_DIR: dir, PORT: String(port), HOST: '', SEED_DEMO: 'true' });
  await waitForReady(app);
  expect(app.output()).not.toContain('this computer only');
  expect(await reachable(lanIp!)).toBe(true);
});
