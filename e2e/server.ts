// Starts, stops and kills extra production servers, and prepares and inspects their databases, for journeys that need their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '../db/client';
import { users } from '../db/schema';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { hashPassword } from '../lib/auth/password';
import { PASSWORD } from './http';

export interface RunningServer {
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function launchServer(env: Record<string, string>): RunningServer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => out, exited };
}

export async function waitForReady(server: RunningServer, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.output().includes('Empathy Trainer is running at')) return;
    if (server.process.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready in ${timeoutMs} ms:\n${server.output()}`);
}

/** SIGTERM, as an operator stopping the app would; resolves with the exit code. */
export async function stopServer(server: RunningServer): Promise<number | null> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGTERM');
  return server.exited;
}

/** SIGKILL: the process gets no chance to close connections, the database or its lock file. */
export async function killServer(server: RunningServer): Promise<void> {
  server.process.kill('SIGKILL');
  await server.exited;
}

export type Person = { email: string; role?: 'learner' | 'manager' | 'admin' };

/** Adds accounts with the demo password in one insert; one argon2 hash serves them all. */
export async function addPeople(db: Db, people: Person[]): Promise<Map<string, string>> {
  const passwordHash = await hashPassword(PASSWORD);
  const rows = await db
    .insert(users)
    .values(people.map((p) => ({ email: p.email, name: p.email.split('@')[0]!, role: p.role ?? 'learner', passwordHash })))
    .returning({ id: users.id, email: users.email });
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** A new, migrated PGlite directory holding just these accounts, for a server started on it afterwards. */
export async function preparePglite(dir: string, people: Person[]): Promise<Map<string, string>> {
  const handle = await openDatabase({ driver: 'pglite', dir });
  try {
    await handle.migrate();
    return await addPeople(handle.db, people);
  } finally {
    await handle.close();
  }
}

/** Opens a PGlite directory no server is using (it takes the directory's lock), runs `fn`, closes. */
export async function withPglite<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ driver: 'pglite', dir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/** A new PostgreSQL database on TEST_DATABASE_URL's server (CI provides one), dropped by dispose(). */
export async function preparePostgres(people: Person[]): Promise<TestDatabase & { url: string; ids: Map<string, string> }> {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL server for this journey (.ci/run sets it)');
  const database = await createTestDatabase('postgres');
  try {
    const ids = await addPeople(database.db, people);
    return { ...database, url: database.url!, ids };
  } catch (e) {
    await database.dispose();
    throw e;
  }
}

export interface DecisionLog {
  attemptId: string;
  decisionCount: number;
  choiceIds: string[];
  /** The decision rows' choice ids by seq, as stored. */
  rows: { seq: number; choiceId: string }[];
}

/** Every attempt with its stored decisions, for comparing what the server acknowledged with what it kept. */
export async function decisionLogs(db: Db): Promise<Map<string, DecisionLog>> {
  const attempts = await queryRows<{ id: string; decision_count: number; choice_ids: string[] }>(
    db,
    sql`select id, decision_count, choice_ids from attempts`,
  );
  const rows = await queryRows<{ attempt_id: string; seq: number; choice_id: string }>(
    db,
    sql`select attempt_id, seq, choice_id from decisions order by attempt_id, seq`,
  );
  const logs = new Map<string, DecisionLog>(
    attempts.map((a) => [a.id, { attemptId: a.id, decisionCount: Number(a.decision_count), choiceIds: a.choice_ids, rows: [] }]),
  );
  for (const r of rows) logs.get(r.attempt_id)?.rows.push({ seq: Number(r.seq), choiceId: r.choice_id });
  return logs;
}

/**
 * What is wrong with an attempt's stored state: the decision log, the count and the choice ids on
 * the attempt row must tell the same story, seq 0 to n-1 with nothing missing or extra.
 */
export function logProblems(log: DecisionLog): string[] {
  const problems: string[] = [];
  const n = log.decisionCount;
  if (log.choiceIds.length !== n) problems.push(`${log.attemptId}: decision_count ${n} but ${log.choiceIds.length} choice ids`);
  if (log.rows.length !== n) problems.push(`${log.attemptId}: decision_count ${n} but ${log.rows.length} decision rows`);
  log.rows.forEach((r, i) => {
    if (r.seq !== i) problems.push(`${log.attemptId}: decision rows jump to seq ${r.seq} at position ${i}`);
    else if (r.choiceId !== log.choiceIds[i]) problems.push(`${log.attemptId}: seq ${i} row says ${r.choiceId}, attempt says ${log.choiceIds[i]}`);
  });
  return problems;
}
