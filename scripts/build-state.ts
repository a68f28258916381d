// Knows whether the production build matches the sources, so `npm start` builds only when needed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = process.cwd();
const INPUT_DIRS = ['app', 'lib', 'db', 'content', 'public'];
const INPUT_FILES = ['proxy.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join(ROOT, '.next', 'trainer-source-hash');

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    // Tests do not change what is built.
    else if (!/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
}

/** A hash over every file that shapes the build. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) walk(path.join(ROOT, d), files);
  for (const f of INPUT_FILES) if (fs.existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  const h = crypto.createHash('sha256');
  for (const f of files.sort()) {
    h.update(path.relative(ROOT, f));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

export function buildIsCurrent(): boolean {
  try {
    return fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && fs.readFileSync(STAMP, 'utf8') === sourceHash();
  } catch {
    return false;
  }
}

/**
 * Checks the course content, runs `next build`, and records which sources it was built from.
 * Returns the time it took in ms. Broken content stops the build with file:line messages.
 */
export function runBuild(): number {
  const started = Date.now();
  const check = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'content-check.ts')], { stdio: 'inherit' });
  if (check.status !== 0) throw new Error('The course content has problems (listed above); the build was not started.');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal}).`);
  // Hashed afterwards: next build may rewrite tsconfig.json.
  fs.writeFileSync(STAMP, sourceHash());
  return Date.now() - started;
}
