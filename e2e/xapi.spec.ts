// Journey: a learner plays a role-play while a learning record store (a stand-in built here) goes down and the trainer restarts; every statement arrives once.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { readScenarios } from '../lib/content/scenarios';
import { Client, signInCookie } from './http';
import { launchServer, stopServer, waitForReady } from './server';

const dir = '.data/e2e-xapi';
const port = 3231;
const base = `http://localhost:${port}`;
const scenario = readScenarios(process.cwd()).scenarios.find((x) => x.scenario.id === 'double-charge')!;
const best = scenario.analysis.bestPath;

type Statement = { id: string; verb: { id: string }; result?: { response?: string }; context?: { registration?: string; extensions?: Record<string, number> } };

/** An LRS as far as the trainer needs one: POST /xapi/statements, Basic auth, a 409 for an id it holds, and an off switch. */
async function standInLrs() {
  const stored = new Map<string, Statement>();
  const log = { posts: 0, refusedWhileDown: 0, duplicates: 0, badAuth: 0, versions: new Set<string>() };
  let down = false;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      log.posts += 1;
      log.versions.add(String(req.headers['x-experience-api-version']));
      if (req.headers.authorization !== `Basic ${Buffer.from('trainer:s3cret').toString('base64')}`) {
        log.badAuth += 1;
        res.writeHead(401).end();
        return;
      }
      if (down) {
        log.refusedWhileDown += 1;
        res.writeHead(503).end('down for maintenance');
        return;
      }
      if (req.method !== 'POST' || req.url !== '/xapi/statements') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as Statement | Statement[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      if (batch.some((s) => stored.has(s.id))) {
        log.duplicates += 1;
        res.writeHead(409).end('a statement with this id is stored already');
        return;
      }
      for (const s of batch) stored.set(s.id, s);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(batch.map((s) => s.id)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`,
    stored,
    log,
    setDown: (v: boolean) => void (down = v),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('every decision reaches the learning record store exactly once, through an outage and a restart', async () => {
  test.setTimeout(300_000);
  fs.rmSync(dir, { recursive: true, force: true });
  const lrs = await standInLrs();
  const env = { PGLITE_DIR: dir, PORT: String(port), XAPI_LRS_ENDPOINT: lrs.endpoint, XAPI_LRS_KEY: 'trainer', XAPI_LRS_SECRET: 's3cret' };
  let server = launchServer(env);
  try {
    await waitForReady(server);
    expect(server.output()).toContain('xAPI: sending statements to 127.0.0.1');
    const learner = new Client(base, await signInCookie(base, 'learner9@example.com'));
    const started = await learner.start('double-charge');
    expect(started.status).toBe(201);
    const attemptId = started.body.attemptId;
    const mine = () => [...lrs.stored.values()].filter((s) => s.context?.registration === attemptId);

    // Two decisions while the store is up: they arrive with the launch.
    for (const [seq, choiceId] of best.slice(0, 2).entries()) expect((await learner.decide(attemptId, seq, choiceId)).status).toBe(200);
    await until('the launch and two decisions', () => mine().length === 3);

    // The store goes down; two more decisions queue, and the trainer is stopped and started again.
    lrs.setDown(true);
    for (const [i, choiceId] of best.slice(2, 4).entries()) expect((await learner.decide(attemptId, i + 2, choiceId)).status).toBe(200);
    await until('a send refused while the store is down', () => lrs.log.refusedWhileDown > 0);
    expect(await stopServer(server)).toBe(0);
    server = launchServer(env);
    await waitForReady(server);
    lrs.setDown(false);

    // The rest of the role-play, on the restarted trainer, to its ending.
    for (const [i, choiceId] of best.slice(4).entries()) expect((await learner.decide(attemptId, i + 4, choiceId)).status).toBe(200);
    expect((await learner.attempt(attemptId)).body.status).toBe('completed');
    await until('every statement of the attempt', () => mine().length === best.length + 2);

    // Statements that waited out the outage may arrive after later ones; their content says where each belongs.
    const statements = mine();
    const verb = (v: string) => statements.filter((s) => s.verb.id === `http://adlnet.gov/expapi/verbs/${v}`);
    expect(verb('launched')).toHaveLength(1);
    expect(verb('passed')).toHaveLength(1);
    const decisionNo = (s: Statement) => s.context?.extensions?.['https://w3id.org/xapi/empathy-trainer/extensions/decision-number'] ?? 0;
    const answered = verb('answered').sort((a, b) => decisionNo(a) - decisionNo(b));
    expect(answered.map((s) => [decisionNo(s), s.result?.response])).toEqual(best.map((choiceId, i) => [i + 1, choiceId]));
    // Nothing stored twice, nothing sent again once stored, no request without the trainer's key.
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(lrs.log.duplicates).toBe(0);
    expect(lrs.log.badAuth).toBe(0);
    expect([...lrs.log.versions]).toEqual(['1.0.3']);
  } finally {
    await stopServer(server);
    await lrs.close();
  }
});
