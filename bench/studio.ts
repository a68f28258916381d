// The studio's figures, measured in Chromium: a keystroke to the checker's answer on the largest scenario, and the map drawn at 150 nodes.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { cursorToEndOf } from '../e2e/fixtures';
import { signInCookie } from '../e2e/http';
import { scriptSources } from '../scripts/first-load-js';
import { LINT_AFTER_MS } from '../lib/studio/lint';

type Row = (figure: string, value: string, baseline: string, note?: string) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The longest scenario shipped, by its text. */
function largestScenario(root: string): { id: string; text: string } {
  const dir = path.join(root, 'content', 'scenarios');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length)[0]!;
}

/** A draft of `n` nodes, each offering two replies deeper into a tree, the last ones into three endings. */
export function bigScenario(id: string, n: number): string {
  const lines = [`id: ${id}`, 'title: A very large scenario', 'channel: phone', 'persona: yusuf-demirci', 'summary: Many branches.', 'principles: [ P1 ]', 'skills: [ reflecting ]', 'start: n1', 'nodes:'];
  const endings = ['settled', 'grudging', 'hung-up'];
  const target = (k: number, j: number) => (k <= n ? `n${k}` : endings[(k + j) % 3]!);
  for (let i = 1; i <= n; i++) {
    lines.push(`  n${i}:`, `    customer: Line ${i} of a long call, where the customer explains a little more each time.`, '    choices:');
    for (const [j, k] of [2 * i, 2 * i + 1].entries()) {
      lines.push(`      - id: r${j}`, `        say: Reply ${j} at point ${i}, in the rep's words.`, `        scores: { reflecting: ${j === 0 ? 1 : -1} }`, `        feedback: What reply ${j} did.`, `        next: ${target(k, j)}`);
    }
  }
  lines.push('endings:');
  for (const [k, e] of endings.entries()) lines.push(`  ${e}:`, `    outcome: ${['success', 'partial', 'failure'][k]}`, '    customer: Goodbye.', '    summary: It ended.');
  return `${lines.join('\n')}\n`;
}

/** Milliseconds from the navigation's start until the map has drawn boxes and the list has every node. */
async function mapReady(page: Page, url: string, nodes: number): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length > 0 && document.querySelectorAll('ol[aria-label="Nodes and endings, from the start"] > li > button').length >= n,
    nodes,
    { timeout: 60_000 },
  );
  return page.evaluate(() => performance.now());
}

/**
 * Types one character into a `next:` (breaking it), then deletes it, timing from each keydown to the
 * checker's status changing; and, as the baseline, to the editor showing the keystroke.
 */
async function keystrokes(page: Page, trials: number): Promise<{ lint: number[]; echo: number[] }> {
  await cursorToEndOf(page, 'next: ');
  const lint: number[] = [];
  const echo: number[] = [];
  for (let i = 0; i < trials * 2; i++) {
    const armed = page.evaluate(
      () =>
        new Promise<{ lint: number; echo: number }>((resolve) => {
          const status = document.querySelector('#problems-heading ~ [role="status"]')!;
          const before = status.textContent;
          const content = document.querySelector('.cm-content')!;
          let down = 0;
          let echoed = 0;
          document.addEventListener('keydown', (e) => (down = e.timeStamp), { once: true, capture: true });
          new MutationObserver((_, o) => {
            echoed ||= performance.now();
            o.disconnect();
          }).observe(content, { subtree: true, characterData: true, childList: true });
          new MutationObserver((_, o) => {
            if (status.textContent === before) return;
            o.disconnect();
            resolve({ lint: performance.now() - down, echo: echoed - down });
          }).observe(status, { subtree: true, characterData: true, childList: true });
        }),
    );
    await page.waitForTimeout(50);
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    const r = await armed;
    lint.push(r.lint);
    echo.push(r.echo);
    await page.waitForTimeout(LINT_AFTER_MS + 200);
  }
  return { lint, echo };
}

/** Strings only the studio's code contains: CodeMirror, React Flow, dagre and the studio's own words. */
const STUDIO_MARKERS = ['cm-editor', 'react-flow__', 'dagre', 'Run the strategy gate'];

/** Which studio markers the JavaScript a learner's page loads contains: none, if the studio's code stays on its own pages. */
async function studioCodeIn(base: string, route: string, cookie: string): Promise<{ found: string[]; files: number }> {
  const html = await (await fetch(new URL(route, base), { headers: { cookie } })).text();
  const bodies = await Promise.all(scriptSources(html).map(async (src) => (await fetch(new URL(src, base))).text()));
  return { found: STUDIO_MARKERS.filter((m) => bodies.some((b) => b.includes(m))), files: bodies.length };
}

export async function studioFigures(row: Row, base: string, root = process.cwd()) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('author@example.com');
    await page.getByLabel('Password').fill('practice-empathy');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${base}/`);

    const largest = largestScenario(root);
    const copy = `bench-${largest.id}`;
    const big = 'bench-150-nodes';
    for (const [id, from] of [
      [copy, largest.id],
      [big, largest.id],
    ] as const) {
      const r = await page.request.post('/api/studio/documents', { data: { kind: 'scenario', from, id } });
      if (r.status() !== 201) throw new Error(`could not create ${id}: ${r.status()}`);
    }
    const doc = await (await page.request.get(`/api/studio/scenarios/${big}`)).json();
    await page.request.put(`/api/studio/scenarios/${big}/draft`, { data: { yaml: bigScenario(big, 150), baseRevision: doc.revision } });

    const lines = largest.text.split('\n').length;
    const shipped = Object.keys((await import('yaml')).parse(largest.text).nodes).length;
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < 3; i++) {
      small.push(await mapReady(page, `/studio/scenarios/${copy}`, shipped));
      large.push(await mapReady(page, `/studio/scenarios/${big}`, 150));
    }
    row('studio: page opened to the map drawn, 150 nodes (median of 3)', ms(median(large)), `${ms(median(small))} for ${largest.id} (${shipped} nodes)`);

    await page.goto(`/studio/scenarios/${copy}`);
    await page.getByText('No problems: the checker passes this draft.').waitFor();
    const k = await keystrokes(page, 5);
    row(
      `studio: keystroke to the checker's answer on the largest scenario (${largest.id}, ${lines} lines; median of ${k.lint.length})`,
      ms(median(k.lint)),
      `${ms(median(k.echo))} keystroke to the editor showing it`,
      `includes the ${LINT_AFTER_MS} ms pause the checker waits for; target under 500 ms: ${median(k.lint) < 500 ? 'PASS' : 'FAIL'}`,
    );
    await page.goto(`/studio/scenarios/${big}`);
    await page.locator('.react-flow__node').first().waitFor();
    const kb = await keystrokes(page, 3);
    row(
      `studio: keystroke to the checker's answer with the 150-node map on screen (median of ${kb.lint.length})`,
      ms(median(kb.lint)),
      `${ms(median(kb.echo))} keystroke to the editor showing it`,
      `target under 500 ms: ${median(kb.lint) < 500 ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await browser.close();
  }
  const learner = await signInCookie(base, 'learner1@example.com');
  const author = await signInCookie(base, 'author@example.com');
  const editor = await studioCodeIn(base, `/studio/scenarios/bench-${largestScenario(root).id}`, author);
  for (const route of ['/', '/practice/double-charge', '/learn', '/progress']) {
    const r = await studioCodeIn(base, route, learner);
    row(
      `studio code in ${route}'s first-load JS (${r.files} files)`,
      r.found.length ? r.found.join(', ') : 'none',
      `${editor.found.length} of ${STUDIO_MARKERS.length} markers in the studio editor's own`,
      `target none: ${r.found.length === 0 ? 'PASS' : 'FAIL'}`,
    );
  }
}
