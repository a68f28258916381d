// The code's map, checked from the import graph: lib folders form no cycle, and nothing a browser loads reaches the database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return SOURCE.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Static and dynamic imports and re-exports; `import type` is marked, since it never runs. */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[\s\S]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3]!, typeOnly: !!m[2] });
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** The repository file an import names, or undefined for a package. */
function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
  else return undefined;
  for (const candidate of [base, ...['.ts', '.tsx', '.mts', '.mjs', '/index.ts'].map((ext) => base + ext)]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return path.normalize(candidate);
  }
  return undefined;
}

const files = [...walk('app'), ...walk('lib'), ...walk('db')];
const graph = new Map(
  files.map((f) => {
    const imports = importsOf(fs.readFileSync(path.join(root, f), 'utf8'));
    return [f, imports.map((i) => ({ ...i, file: resolve(f, i.spec) }))] as const;
  }),
);

/** lib/<folder> for a file in a folder of lib, `lib` for one at its top. */
const folderOf = (file: string) => {
  const parts = file.split(path.sep);
  return parts.length > 2 ? `lib/${parts[1]}` : 'lib';
};

/** Every cycle between lib's folders, each as the folders in order and one import that closes it. */
function folderCycles(): string[][] {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, imports] of graph) {
    if (!file.startsWith(`lib${path.sep}`)) continue;
    for (const i of imports) {
      if (!i.file?.startsWith(`lib${path.sep}`)) continue;
      const [a, b] = [folderOf(file), folderOf(i.file)];
      // The top of lib holds shared helpers (env, http, audit): every folder may use them, and they
      // may not reach into a folder, which the second test checks on its own.
      if (a === b || b === 'lib' || a === 'lib') continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${file} → ${i.spec}`);
    }
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const key = [...cycle].sort().join(',');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push([...cycle, node].map((f, k, all) => (k < all.length - 1 ? `${f} (${edges.get(f)!.get(all[k + 1]!)})` : f)));
      }
      return;
    }
    for (const next of edges.get(node)?.keys() ?? []) visit(next, [...trail, node]);
  };
  for (const start of edges.keys()) visit(start, []);
  return cycles;
}

describe('the import graph', () => {
  it('reads static, dynamic and type-only imports', () => {
    expect(importsOf("import { a } from './a';\nimport type { B } from '@/lib/b';\nexport { c } from '../c';\nimport 'server-only';\nconst d = await import('@/db/d');")).toEqual([
      { spec: './a', typeOnly: false },
      { spec: '@/lib/b', typeOnly: true },
      { spec: '../c', typeOnly: false },
      { spec: 'server-only', typeOnly: false },
      { spec: '@/db/d', typeOnly: false },
    ]);
  });

  it('has no cycle between the folders of lib', () => {
    expect(folderCycles()).toEqual([]);
  });

  it('keeps the shared files at the top of lib free of lib folders, so they cannot close a cycle', () => {
    const reaching = [...graph]
      .filter(([file]) => path.dirname(file) === 'lib')
      .flatMap(([file, imports]) => imports.filter((i) => !i.typeOnly && i.file && folderOf(i.file) !== 'lib' && i.file.startsWith(`lib${path.sep}`)).map((i) => `${file} → ${i.spec}`));
    expect(reaching).toEqual([]);
  });

  it('lets nothing a browser loads reach the database: no client component imports db/ or a database driver, however indirectly', () => {
    const DRIVERS = /^(drizzle-orm|pg|postgres|@electric-sql\/pglite)(\/|$)/;
    const clients = files.filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(clients.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const client of clients) {
      const trail = new Map<string, string>([[client, client]]);
      const queue = [client];
      while (queue.length) {
        const file = queue.shift()!;
        for (const i of graph.get(file) ?? []) {
          if (i.typeOnly) continue;
          if (DRIVERS.test(i.spec) || i.file?.startsWith(`db${path.sep}`)) {
            leaks.push(`${trail.get(file)} → ${i.spec}`);
            continue;
          }
          if (i.file && !trail.has(i.file)) {
            trail.set(i.file, `${trail.get(file)} → ${i.file}`);
            queue.push(i.file);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
