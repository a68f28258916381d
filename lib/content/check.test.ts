import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { checkContent, choicesScoring } from './check';

// The wrong option is the longer one: a course whose right answers are the longest fails the check (tested below).
const q = (id: string, right = 'A', wrong = 'Bb') =>
  `<Check id="${id}" question="Q?">\n<Option id="a" correct explain="Yes.">${right}</Option>\n<Option id="b" explain="No.">${wrong}</Option>\n</Check>\n\n`;
const mod = (id: string, principles: string, order: number) =>
  `---\nid: ${id}\ntitle: Module ${id}\nskill: reflecting\nprinciples: [${principles}]\norder: ${order}\nminutes: 6\nsummary: A module for the content check tests.\n---\n\n${q('one')}${q('two')}${q('three')}<PracticeLink scenario="double-charge">Practise</PracticeLink>\n`;

let root: string;
function course(files: Record<string, string>) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'course-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('checkContent', () => {
  it('fails when the right answer is the longest option in more than 40% of checks, naming them', () => {
    const all = Array.from({ length: 25 }, (_, i) => `P${i + 1}`).join(', ');
    const longest = (id: string) => mod(id, all, 1).replace(q('two'), q('two', 'The full and careful answer', 'No')).replace(q('three'), q('three', 'Also the longest one', 'Nope'));
    const r = checkContent(course({ 'content/modules/a.mdx': longest('a'), 'content/paths/onboarding.yaml': 'id: onboarding\ntitle: First\nitems:\n  - module: a\n' }));
    expect(r.coverage).toContain('Knowledge checks: the right answer is the longest option in 2 of 3 (limit 40%)');
    expect(r.problems).toEqual([
      expect.objectContaining({ message: 'the right answer is the longest option in 2 of 3 knowledge checks, so length gives it away', hint: expect.stringMatching(/: a\/two, a\/three$/) }),
    ]);
  });

  it('fails for every principle no module teaches, and prints the coverage table', () => {
    const all = Array.from({ length: 25 }, (_, i) => `P${i + 1}`).filter((p) => p !== 'P7' && p !== 'P19');
    const r = checkContent(
      course({ 'content/modules/a.mdx': mod('a', all.join(', '), 1), 'content/paths/onboarding.yaml': 'id: onboarding\ntitle: First\nitems:\n  - module: a\n' }),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^principle P7 .* is taught by no module$/),
      expect.stringMatching(/^principle P19 .* is taught by no module$/),
    ]);
    expect(r.coverage[1]).toBe('principle  1');
    expect(r.coverage).toContain('P7         ·');
    expect(r.coverage).toContain('P8         ●');
  });

  it('checks practice links once scenarios exist, naming the line', () => {
    const all = Array.from({ length: 25 }, (_, i) => `P${i + 1}`).join(', ');
    const files = { 'content/modules/a.mdx': mod('a', all, 1) };
    expect(checkContent(course(files)).notes).toContain('Practice links were not checked: there are no scenarios yet.');
    fs.rmSync(root, { recursive: true, force: true });
    const r = checkContent(course({ ...files, 'content/scenarios/locked-out.yaml': 'id: locked-out\n' }));
    // The stub scenario has its own problems; the module's link is reported at its line.
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 26, message: '<PracticeLink> points to scenario "double-charge", which does not exist', hint: 'use one of locked-out' }),
      ]),
    );
  });

  it('checks only the files named, wherever they lie, without the coverage report', () => {
    const r = course({ 'elsewhere/draft.mdx': mod('draft', 'P1', 1).replace('skill: reflecting', 'skill: sympathy'), 'notes.txt': 'hello' });
    const res = checkContent(root, [path.join(r, 'elsewhere/draft.mdx'), path.join(r, 'missing.mdx'), path.join(r, 'notes.txt')]);
    expect(res.coverage).toEqual([]);
    expect(res.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^draft\.mdx:4: frontmatter "skill" must be one of/),
      'missing.mdx:1: no such file',
      'notes.txt:1: not a course file',
    ]);
  });
});

describe('choicesScoring', () => {
  it('counts the choices that move each skill either way, not the ones that leave it at 0', () => {
    const choice = (scores: Record<string, number>) => ({ scores });
    const loaded = [
      { scenario: { nodes: { n1: { choices: [choice({ relating: 2, language: -1 }), choice({ relating: 0, ownership: 1 })] }, end: { choices: [] } } } },
      { scenario: { nodes: { n1: { choices: [choice({ relating: -1 })] } } } },
    ] as unknown as LoadedScenario[];
    expect(choicesScoring(loaded)).toMatchObject({ relating: 2, language: 1, ownership: 1, normalizing: 0 });
  });
});
