// First-load JS of a route: the gzip size of every JavaScript file its HTML loads. `npm run size -- URL ROUTE...`
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

export interface FirstLoad {
  route: string;
  files: { src: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** Script files referenced by <script src> and <link rel="preload|modulepreload" as="script">. */
export function scriptSources(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="(?:modulepreload|preload)"/.test(tag) && (/\bas="script"/.test(tag) || /rel="modulepreload"/.test(tag))) {
      found.add(href);
    }
  }
  return [...found].map((s) => s.replace(/&amp;/g, '&'));
}

export async function firstLoadJs(baseUrl: string, route: string, cookie?: string): Promise<FirstLoad> {
  const res = await fetch(new URL(route, baseUrl), { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${route} answered ${res.status}; is the route public, or is a session cookie needed?`);
  const html = await res.text();
  const files = await Promise.all(
    scriptSources(html).map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
      return { src, bytes: body.length, gzip: zlib.gzipSync(body).length };
    }),
  );
  return {
    route,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [base, ...routes] = process.argv.slice(2);
  if (!base || routes.length === 0) {
    console.error('Usage: npm run size -- http://localhost:3000 /signin [/other ...]   (COOKIE=... for signed-in routes)');
    process.exit(1);
  }
  for (const r of routes) {
    const fl = await firstLoadJs(base, r, process.env.COOKIE);
    console.log(`${r}: ${kb(fl.gzip)} gzip (${kb(fl.bytes)} raw) in ${fl.files.length} files`);
  }
}
