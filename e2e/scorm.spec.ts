// Journey: an admin exports a scenario as a SCORM 1.2 package; an LMS (a test page where scorm-again provides the API) opens it, the learner plays without signing in, and the LMS gets status, score and each decision.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectNoAxeViolations, signIn } from './fixtures';
import { bestPathSays, byId } from './play';

declare global {
  interface Window {
    API: { LMSGetValue(key: string): string };
  }
}

const SCORM_AGAIN = path.join(process.cwd(), 'node_modules/scorm-again/dist/scorm12.min.js');

/** An LMS as far as a SCORM 1.2 package needs one: a course page holding the API object, with the package's files framed beneath it. */
async function standInLms(files: Record<string, Uint8Array>) {
  // What scorm-again sends the LMS on each commit, flattened: SCORM 1.2 interactions are write-only, so this is where they show.
  const commits: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://lms');
    if (url.pathname === '/commit' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        commits.push(JSON.parse(body) as Record<string, string>);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: true, errorCode: 0 }));
      });
      return;
    }
    if (url.pathname === '/scorm-again.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(SCORM_AGAIN));
    if (url.pathname === '/course.html') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Course</title>
<script src="/scorm-again.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5, lmsCommitUrl: '/commit', dataCommitFormat: 'flattened' });
  window.API.loadFromJSON({ core: { student_id: 'cs-1001', student_name: 'Natarajan, Priya' } }, '');
</script></head>
<body><h1>Customer care 101</h1><iframe name="sco" src="/pkg/index.html" title="Course content" width="1150" height="820"></iframe></body></html>`);
    }
    const file = files[url.pathname.replace(/^\/pkg\//, '')];
    if (!url.pathname.startsWith('/pkg/') || !file) return void res.writeHead(404).end();
    const type = url.pathname.endsWith('.html') ? 'text/html' : url.pathname.endsWith('.js') ? 'text/javascript' : 'application/xml';
    res.writeHead(200, { 'content-type': type }).end(Buffer.from(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { commits, course: `http://127.0.0.1:${(server.address() as AddressInfo).port}/course.html`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const lms = (page: Page, key: string) => page.evaluate((k) => window.API.LMSGetValue(k), key);

test('a scenario exported as a SCORM package plays inside the LMS and reports status, score and decisions', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const scenario = byId('double-charge').scenario;
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/lti');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Module or scenario').selectOption({ label: scenario.title });
  await page.getByLabel('LMS name').fill('Stand-in Cornerstone');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download package' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('empathy-trainer-scenario-double-charge.zip');
  const files = unzipSync(fs.readFileSync(await download.path()));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html', 'launch.js']);
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
  await expect(page.getByRole('table', { name: 'Exported packages' })).toContainText('Stand-in Cornerstone');
  await expectNoAxeViolations(page);

  const course = await standInLms(files);
  try {
    // The learner has no trainer session: the package signs them in with their LMS identity.
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(course.course);
    const sco = learner.frameLocator('iframe[name="sco"]');
    const trainer = sco.frameLocator('#trainer');
    await expect(trainer.getByRole('heading', { name: 'Your reply' })).toBeVisible();
    expect(await lms(learner, 'cmi.core.lesson_status')).toBe('incomplete');
    const says = bestPathSays('double-charge');
    for (const [i, say] of says.entries()) {
      await trainer.getByRole('button', { name: say, exact: false }).filter({ hasText: say }).click();
      await trainer.getByRole('button', { name: i === says.length - 1 ? 'See the debrief' : 'Continue' }).click();
    }
    await expect(trainer.getByRole('heading', { level: 2, name: 'Passed: 100 / 100' })).toBeVisible();
    await expect(sco.getByRole('status')).toHaveText('Your result was sent to your course.');
    expect(await lms(learner, 'cmi.core.lesson_status')).toBe('passed');
    expect(await lms(learner, 'cmi.core.score.raw')).toBe('100');
    expect(await lms(learner, 'cmi.core.score.max')).toBe('100');
    expect(await lms(learner, 'cmi.interactions._count')).toBe(String(says.length));
    // The LMS received it all in a commit: status, score and one interaction per decision.
    await expect.poll(() => course.commits.at(-1)?.['cmi.core.lesson_status']).toBe('passed');
    const commit = course.commits.at(-1)!;
    expect(commit['cmi.core.score.raw']).toBe('100');
    expect(commit['cmi.core.student_id']).toBe('cs-1001');
    for (const [i, say] of says.entries()) {
      expect(commit[`cmi.interactions.${i}.type`]).toBe('fill-in');
      expect(commit[`cmi.interactions.${i}.student_response`]).toBe(say.slice(0, 255));
      expect(commit[`cmi.interactions.${i}.id`]).toMatch(new RegExp(`^attempt-[0-9a-f]{8}-turn-${i + 1}$`));
    }
    expect(commit['cmi.interactions.0.result']).toBe('correct');

    // The trainer knows the learner by the LMS's name for them.
    await expect(trainer.getByText('Priya Natarajan')).toBeVisible();

    // Revoked, the package stops opening the trainer, and says so.
    await page.reload();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Revoke the package for ${scenario.title}` }).click();
    // The row now says so (its Revoke button is gone with the refresh), and the page's status line too.
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`Revoked the package for ${scenario.title}.`);
    // It belongs to that moment: another page, then back, and it is gone.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('People');
    await page.goBack();
    await expect(page.getByRole('table', { name: 'Exported packages' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Revoked the package' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Exported packages' }).getByRole('row').filter({ hasText: 'Stand-in Cornerstone' })).toContainText(/Revoked \d{4}-\d{2}-\d{2}/);
    await learner.reload();
    await expect(learner.frameLocator('iframe[name="sco"]').frameLocator('#trainer').getByRole('heading', { name: 'This course package no longer opens the trainer' })).toBeVisible();
  } finally {
    await course.close();
  }
});
