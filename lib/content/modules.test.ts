import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModule, readModules } from './modules';
import { formatProblem } from '@/lib/problems';

const front = (over: Record<string, string> = {}) => {
  const f: Record<string, string> = {
    id: 'sample',
    title: 'A sample lesson',
    skill: 'reflecting',
    principles: '[P1, P24]',
    order: '1',
    minutes: '7',
    summary: 'A short lesson used by the tests.',
    ...over,
  };
  return `---\n${Object.entries(f)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n`;
};

const check = (id: string, options = '<Option id="a" explain="Why a.">A</Option>\n<Option id="b" correct explain="Why b.">B</Option>') =>
  `<Check id="${id}" question="Which one?">\n${options}\n</Check>\n`;

const body = (extra = '') =>
  `\n## Opening\n\n<Dialogue channel="phone" customer="Rosa">\n<Customer cue="Sighs">Hello.</Customer>\n<Rep>Hi.</Rep>\n</Dialogue>\n\n<Compare moment="m" weak="w" strong="s">\nBecause.\n</Compare>\n\n${check('one')}\n${check('two')}\n${check('three')}\n<Reflect id="think" prompt="Think." />\n\n<PracticeLink scenario="double-charge">Practise</PracticeLink>\n${extra}`;

function problemsOf(source: string, file = '/content/modules/sample.mdx') {
  return parseModule(file, source).problems.map((p) => `${p.line}: ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
}

describe('parseModule', () => {
  it('reads a valid module: frontmatter, checks with their answer key, reflections and practice links', () => {
    const r = parseModule('/content/modules/sample.mdx', front() + body());
    expect(r.problems).toEqual([]);
    expect(r.module).toMatchObject({
      id: 'sample',
      skill: 'reflecting',
      principles: ['P1', 'P24'],
      order: 1,
      checks: [
        { id: 'one', question: 'Which one?', options: [{ id: 'a', correct: false, explain: 'Why a.' }, { id: 'b', correct: true, explain: 'Why b.' }] },
        { id: 'two' },
        { id: 'three' },
      ],
      reflections: [{ id: 'think', prompt: 'Think.' }],
      practice: [{ scenario: 'double-charge', line: 39 }],
    });
    expect(r.module!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the line of a bad skill and principle in the frontmatter', () => {
    expect(problemsOf(front({ skill: 'kindness', principles: '[P1, P99]' }) + body())).toEqual([
      expect.stringMatching(/^4: frontmatter "skill" must be one of relating, reflecting/),
      expect.stringMatching(/^5: frontmatter "principles" \("P99"\) is not a principle id/),
    ]);
  });

  it('reports a missing key, an unknown key and an id that does not match the file', () => {
    expect(problemsOf(front({ summary: '', colour: 'blue' }) + body())).toEqual([
      '1: frontmatter "summary" is missing | one sentence for the course list, 10 to 200 characters',
      '8: unknown frontmatter key "colour" | allowed keys: id, title, skill, principles, order, minutes, summary',
    ]);
    expect(problemsOf(front({ id: 'other' }) + body())).toEqual([
      '2: id "other" does not match the file name | rename the file to other.mdx or set id: sample',
    ]);
  });

  it('reports invalid YAML with its line', () => {
    const p = problemsOf('---\nid: sample\ntitle: [unclosed\n---\n' + body());
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\d+: the frontmatter is not valid YAML/);
  });

  it('reports an unknown component with the line and the components to use', () => {
    const p = problemsOf(front() + body('\n<Quiz id="x" />\n'));
    expect(p).toEqual([expect.stringMatching(/^41: unknown component <Quiz> \| use one of <Dialogue>, <Customer>/)]);
  });

  it('reports an MDX syntax error with the file line', () => {
    const p = problemsOf(front() + body('\n<Callout kind="tip">\nNever closed.\n'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\d+: MDX syntax error: .*Callout/);
    expect(Number(p[0]!.split(':')[0])).toBeGreaterThan(30);
  });

  it('refuses a check with no correct option, two correct options, or an option without an explanation', () => {
    const none = check('none', '<Option id="a" explain="x">A</Option>\n<Option id="b" explain="y">B</Option>');
    const two = check('two-right', '<Option id="a" correct explain="x">A</Option>\n<Option id="b" correct explain="y">B</Option>');
    const bare = check('bare', '<Option id="a" correct explain="x">A</Option>\n<Option id="b">B</Option>');
    const p = problemsOf(front() + body(`\n${none}\n${two}\n${bare}`));
    expect(p).toEqual([
      '41: <Check> "none" has no correct option | mark exactly one <Option> with correct',
      '46: <Check> "two-right" has 2 correct options | mark exactly one <Option> with correct',
      '53: <Option> needs a explain="…" attribute | add explain="…" with some text',
      '10: the module has 6 knowledge check questions; it needs 3 to 5 | add <Check> questions so learners can confirm what they read',
    ]);
  });

  it('refuses an option that points at other options, since each learner sees them in their own order', () => {
    const opts = (...texts: string[]) => texts.map((t, i) => `<Option id="${'abcd'[i]}"${i === 0 ? ' correct' : ''} explain="E.">${t}</Option>`).join('\n');
    const messages = (options: string) => parseModule('/content/modules/sample.mdx', front() + body(check('four', options))).problems.map((p) => p.message);
    expect(messages(opts('Name the feeling.', 'Both A and C', 'None of the above.'))).toEqual([
      expect.stringMatching(/^<Option> "b" points at other options/),
      expect.stringMatching(/^<Option> "c" points at other options/),
    ]);
    // Ordinary words are not positions: "both of them", "answer a question".
    expect(messages(opts('Refund both of them today.', 'Answer a question with a question.', 'Either way, call back.'))).toEqual([]);
  });

  it('reads an empathy map as five private notes, and names a missing part or a reused id', () => {
    const map = (id: string, skip = '') =>
      `<EmpathyMap id="${id}" customer="Delphine" moment="A red letter."${['feels', 'sees', 'says', 'fears', 'wants'].filter((k) => k !== skip).map((k) => ` ${k}="Model ${k}."`).join('')} />`;
    const r = parseModule('/content/modules/sample.mdx', front() + body(`\n${map('map-delphine')}\n`));
    expect(r.problems).toEqual([]);
    expect(r.module!.reflections.map((x) => x.id)).toEqual(['think', 'map-delphine-feels', 'map-delphine-sees', 'map-delphine-says', 'map-delphine-fears', 'map-delphine-wants']);
    expect(r.module!.reflections[4]).toEqual({ id: 'map-delphine-fears', prompt: 'What Delphine fears' });
    expect(problemsOf(front() + body(`\n${map('map-delphine', 'fears')}\n\n${map('map-delphine')}\n`))).toEqual([
      '41: <EmpathyMap> needs a fears="…" attribute | add fears="…" with some text',
      '43: <EmpathyMap> id "map-delphine" is used twice in this module | give each map its own id',
    ]);
  });

  it('refuses expressions, imports, unknown attributes and misplaced parts', () => {
    const p = problemsOf(
      front() + 'import X from "./x"\n' + body('\nSome {1 + 1} text.\n\n<Callout kind="loud" tone="x">Hi</Callout>\n\n<Option id="z" explain="e">Loose</Option>\n'),
    );
    expect(p).toEqual([
      '10: modules cannot import or export code | remove the line; every course component is available without importing it',
      '42: a {…} expression is not allowed in a module | write the text directly; to show a brace, write it as a word',
      '44: <Callout> has an unknown attribute "tone" | allowed: kind',
      '44: <Callout> kind "loud" is not known | use key, tip, mistake',
      '46: <Option> must be inside a <Check> | move it into a <Check> block',
    ]);
  });

  it('formats a problem as file:line: message with the fix below', () => {
    expect(formatProblem({ file: '/repo/content/modules/a.mdx', line: 3, message: 'bad', hint: 'do this' }, '/repo')).toBe(
      'content/modules/a.mdx:3: bad\n    fix: do this',
    );
  });
});

describe('readModules', () => {
  it('sorts by order and refuses two modules in the same position', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modules-'));
    try {
      fs.writeFileSync(path.join(dir, 'beta.mdx'), front({ id: 'beta', order: '2' }) + body());
      fs.writeFileSync(path.join(dir, 'alpha.mdx'), front({ id: 'alpha', order: '1' }) + body());
      expect(readModules(dir).modules.map((m) => m.id)).toEqual(['alpha', 'beta']);
      fs.writeFileSync(path.join(dir, 'gamma.mdx'), front({ id: 'gamma', order: '2' }) + body());
      expect(readModules(dir).problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
        'gamma.mdx:6: order 2 is also used by beta.mdx',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
