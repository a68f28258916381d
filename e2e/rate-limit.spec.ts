// Journey: repeated wrong passwords pause sign-in for that account, and the page says so plainly.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { attemptSignIn, signInError } from './fixtures';
import { launchServer, waitForReady } from './server';

const dir = '.data/e2e-rate-limit';
const port = 3215;

test('after too many failures the right password is refused with a clear message', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.rmSync(dir, { recursive: true, force: true });
  // A small limit keeps the journey short; the limit logic itself is unit-tested at its default of 10.
  const server = launchServer({ PGLITE_DIR: dir, PORT: String(port), SIGNIN_MAX_FAILURES: '3' });
  try {
    await waitForReady(server);
    const page = await browser.newPage({ baseURL: `http://localhost:${port}` });
    for (let i = 0; i < 3; i++) {
      await attemptSignIn(page, 'learner1@example.com', `wrong-${i}`);
      await expect(signInError(page)).toContainText('That email or password is incorrect');
    }
    await attemptSignIn(page, 'learner1@example.com');
    await expect(signInError(page)).toContainText(/Too many failed sign-ins\. .*paused for about 15 minutes/);
    await expect(page).toHaveURL(/\/signin/);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
  }
});
