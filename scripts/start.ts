// `npm start` and `npm run dev`: open and migrate the database, build if needed, seed when empty, serve.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../db/client';
import type { Env } from '../lib/env';

const dev = process.argv.includes('--dev');
// Before anything reads it: Next.js and the env parser both depend on it.
(process.env as Record<string, string>).NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const startedAt = Date.now();
// How long a stopping server waits for requests in flight: a decision takes milliseconds, an export a few seconds.
const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function main() {
  // Before anything can fail: no query parameter (a password hash, an email) reaches the log.
  (await import('../lib/log-redact')).redactConsole();
  const { env, EnvError, applyLibraryEnv } = await import('../lib/env');
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }
  applyLibraryEnv(e);

  const { runtimeDatabase, closeRuntimeDatabase } = await import('../db/runtime');
  const { DataDirError } = await import('../db/lock');
  const { DatabaseUnavailableError } = await import('../db/client');
  let handle;
  try {
    handle = await runtimeDatabase();
  } catch (err) {
    if (err instanceof DataDirError || err instanceof DatabaseUnavailableError) fail(err.message);
    throw err;
  }

  let shuttingDown = false;
  const live: { server?: http.Server } = {};
  const shutdown = async (signal: string) => {
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    console.log(`\n${signal}: finishing the requests in flight (up to ${SHUTDOWN_GRACE_MS / 1000} s), then closing the database…`);
    if (live.server) {
      const { drain } = await import('../lib/drain');
      if ((await drain(live.server, SHUTDOWN_GRACE_MS)) === 'cut') console.log('Some requests were still running and were cut off.');
    }
    await closeRuntimeDatabase().catch((err) => console.error(err));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (!dev) {
    const { buildIsCurrent, runBuild } = await import('./build-state');
    if (!buildIsCurrent()) {
      console.log('No current production build: building (this takes a minute or two the first time)…');
      try {
        runBuild();
      } catch (err) {
        await closeRuntimeDatabase();
        fail((err as Error).message);
      }
    }
  }

  const { isEmpty, seedDemo } = await import('../db/seed');
  const { DEMO_PASSWORD, demoHistoryTeam } = await import('../lib/demo-roster');
  if (e.seedDemo && (await isEmpty(handle.db))) {
    const { usersAdded } = await seedDemo(handle.db);
    console.log(`Created the demo organisation (${usersAdded} people, and a team of ${demoHistoryTeam.learners} with history).`);
  }

  const { demoExposure } = await import('../lib/admin/demo');
  const { chooseHost } = await import('../lib/listen');
  const demo = await demoExposure(handle.db);
  const listen = chooseHost(e.HOST, demo);
  // Pages read it to decide whether the sign-in page may show the demo password (only to this computer).
  process.env.TRAINER_LOCAL_ONLY = listen.localOnly ? '1' : '';

  const { default: next } = await import('next');
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: e.PORT });
  await app.prepare();
  const handle_ = app.getRequestHandler();
  const { CLIENT_IP_HEADER } = await import('../lib/auth/options');
  const { HSTS, securityHeaders } = await import('../lib/security-headers.mjs');
  const publicHttps = e.NEXTAUTH_URL?.startsWith('https://') ?? false;

  const server = http.createServer((req, res) => {
    // The client address comes from the socket, or from the last hop of a trusted proxy;
    // never from a header the browser could set.
    const socketIp = req.socket.remoteAddress ?? 'unknown';
    let ip = socketIp;
    if (e.TRUST_PROXY) {
      const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      ip = hops.at(-1) ?? socketIp;
      // next-auth takes a missing protocol for https and would set cookies a plain-http browser never returns.
      req.headers['x-forwarded-proto'] ??= 'http';
    } else {
      req.headers['x-forwarded-for'] = socketIp;
      req.headers['x-forwarded-proto'] = 'http';
      delete req.headers['x-forwarded-host'];
    }
    req.headers[CLIENT_IP_HEADER] = ip;
    // Browsers honour HSTS only over https, so it is sent when the public URL or a trusted proxy says so.
    if (publicHttps || (e.TRUST_PROXY && String(req.headers['x-forwarded-proto']).split(',')[0]!.trim() === 'https')) {
      res.setHeader('Strict-Transport-Security', HSTS);
    }
    // A malformed percent-escape makes Next's route matching throw, which would answer 500.
    try {
      decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      for (const h of securityHeaders({ dev })) res.setHeader(h.key, h.value);
      res.writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ error: 'The address has a malformed %-escape.' }));
      return;
    }
    void handle_(req, res);
  });
  live.server = server;
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      void closeRuntimeDatabase().finally(() =>
        fail(`Port ${e.PORT} is already in use. Stop whatever is using it, or set PORT to another port.`),
      );
    } else throw err;
  });
  server.listen(e.PORT, listen.host, () => {
    const { port } = server.address() as AddressInfo;
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const lines = [
      '',
      `Empathy Trainer is running at http://localhost:${port}  (ready in ${seconds} s, ${dev ? 'development' : 'production'} mode)`,
      `Database: ${handle.driver === 'pglite' ? `embedded PGlite in ${handle.where}` : `PostgreSQL at ${handle.where}`}`,
    ];
    if (listen.note) lines.push('', listen.note);
    if (demo.publishedPassword && listen.localOnly) {
      lines.push(
        '',
        `Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
        '  admin@example.com                          admin',
        '  manager1@example.com, manager2@example.com managers of two new teams of six',
        '  manager3@example.com                       manager of a team of 40 with six months of history',
        '  learner1@example.com … learner12@example.com, riverside01@example.com … riverside40@example.com',
      );
    }
    lines.push('', 'Press Ctrl+C to stop.', '');
    console.log(lines.join('\n'));
    void keepRetention(handle.db, e);
    if (e.lrs.length > 0) {
      // xAPI statements wait in the outbox until a store takes them; a store that is down only delays them.
      void import('../lib/xapi/send').then(({ startOutboxSender }) => startOutboxSender(async () => handle.db, e.lrs));
      console.log(`xAPI: sending statements to ${e.lrs.map((s) => new URL(s.endpoint).host).join(', ')}.`);
    }
    // Scores of attempts launched from a learning platform's graded link go back to its gradebook.
    void Promise.all([import('../lib/lti/grades'), import('../lib/auth/secret')]).then(([{ startGradeSender }, { sessionSecret }]) =>
      startGradeSender(async () => handle.db, sessionSecret(e)),
    );
  });
}

/**
 * Deletes expired personal data now and then once a day, after the server is listening so a long
 * first pass never delays start-up; its deletes go in small batches, so requests interleave.
 */
async function keepRetention(db: Db, e: Env) {
  const { describeRemoved, retentionPolicy, runRetention, RETENTION_EVERY_MS } = await import('../lib/privacy/retention');
  const policy = retentionPolicy(e);
  // A failed pass is tried again the next day; it must never stop the server.
  const pass = () =>
    void runRetention(db, policy).then(
      (removed) => {
        const line = describeRemoved(removed, policy);
        if (line) console.log(line);
      },
      (err) => console.error('Retention pass failed:', err),
    );
  pass();
  setInterval(pass, RETENTION_EVERY_MS).unref();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
