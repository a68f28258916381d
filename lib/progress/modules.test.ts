import { describe, expect, it } from 'vitest';
import { testDrivers } from '@/db/testing';
import { blockDatabase, blockUsers } from '@/db/test-database';
import { parseModule, type CourseModule } from '@/lib/content/modules';
import { readModules } from '@/lib/content/modules';
import { answerCheck, checkOrder, courseStatus, moduleProgressFor, saveReflection, startModule } from './modules';

const q = (id: string) =>
  `<Check id="${id}" question="Q ${id}?">\n<Option id="a" explain="Not quite: ${id}.">A</Option>\n<Option id="b" correct explain="Yes: ${id}.">B</Option>\n<Option id="c" explain="No: ${id}.">C</Option>\n</Check>\n\n`;
const source = `---\nid: listening\ntitle: Listening well\nskill: reflecting\nprinciples: [P8]\norder: 1\nminutes: 6\nsummary: A module used by the progress tests.\n---\n\n${q('first')}${q('second')}${q('third')}<Reflect id="notes" prompt="What will you try?" />\n`;
const mod = parseModule('/content/modules/listening.mdx', source).module as CourseModule;

describe('the order a learner sees check options in', () => {
  const course = readModules('content/modules').modules;

  it('holds every option once, and is the same on every visit', () => {
    const order = checkOrder('learner-a', mod);
    expect(Object.keys(order)).toEqual(['first', 'second', 'third']);
    for (const ids of Object.values(order)) expect([...ids].sort()).toEqual(['a', 'b', 'c']);
    expect(checkOrder('learner-a', mod)).toEqual(order);
  });

  it('differs from one learner to the next', () => {
    const orders = ['learner-a', 'learner-b', 'learner-c'].map((u) => course.flatMap((m) => Object.values(checkOrder(u, m)).map((ids) => ids.join())));
    expect(orders[1]).not.toEqual(orders[0]);
    expect(orders[2]).not.toEqual(orders[0]);
  });

  it('puts the right answer in every position across the course, so where it sits gives nothing away', () => {
    const positions = new Map<number, number>();
    for (const m of course) {
      const order = checkOrder('learner-a', m);
      for (const c of m.checks) {
        const at = order[c.id]!.indexOf(c.options.find((o) => o.correct)!.id);
        positions.set(at, (positions.get(at) ?? 0) + 1);
      }
    }
    const checks = course.reduce((n, m) => n + m.checks.length, 0);
    expect(checks).toBeGreaterThan(20);
    for (const at of [0, 1, 2]) expect(positions.get(at) ?? 0).toBeGreaterThan(checks / 8);
  });
});

describe.each(testDrivers)('module progress on %s', (driver) => {
  const t = blockDatabase(driver);
  const people = blockUsers(t, { learner: { email: 'learner@example.com' }, other: { email: 'other@example.com' } });

  it('starts not started, then in progress once opened', async () => {
    expect(mod).toBeDefined();
    expect((await moduleProgressFor(t.db, people.learner.id, mod)).status).toBe('not_started');
    await startModule(t.db, people.learner.id, mod);
    await startModule(t.db, people.learner.id, mod);
    expect(await moduleProgressFor(t.db, people.learner.id, mod)).toEqual({ status: 'in_progress', answers: {}, reflections: {}, order: checkOrder(people.learner.id, mod) });
  });

  it('explains the chosen option at once, keeps the first answer, and refuses a different one', async () => {
    const wrong = await answerCheck(t.db, people.learner.id, mod, 'first', 'a');
    expect(wrong).toEqual({
      optionId: 'a',
      correct: false,
      explanation: 'Not quite: first.',
      correctOptionId: 'b',
      correctExplanation: 'Yes: first.',
      status: 'in_progress',
    });
    expect(await answerCheck(t.db, people.learner.id, mod, 'first', 'a')).toEqual(wrong);
    await expect(answerCheck(t.db, people.learner.id, mod, 'first', 'b')).rejects.toMatchObject({ status: 409 });
  });

  it('refuses unknown questions and options without storing anything', async () => {
    await expect(answerCheck(t.db, people.other.id, mod, 'nope', 'a')).rejects.toMatchObject({ status: 404 });
    await expect(answerCheck(t.db, people.other.id, mod, 'second', 'z')).rejects.toMatchObject({ status: 400 });
    expect(await moduleProgressFor(t.db, people.other.id, mod)).toEqual({ status: 'not_started', answers: {}, reflections: {}, order: checkOrder(people.other.id, mod) });
  });

  it('completes the module when the last question is answered', async () => {
    expect((await answerCheck(t.db, people.learner.id, mod, 'second', 'b')).status).toBe('in_progress');
    expect((await answerCheck(t.db, people.learner.id, mod, 'third', 'c')).status).toBe('completed');
    const p = await moduleProgressFor(t.db, people.learner.id, mod);
    expect(p.status).toBe('completed');
    expect(Object.fromEntries(Object.entries(p.answers).map(([k, v]) => [k, v.correct]))).toEqual({ first: false, second: true, third: false });
    expect(await courseStatus(t.db, people.learner.id)).toEqual(new Map([['listening', 'completed']]));
    expect(await courseStatus(t.db, people.other.id)).toEqual(new Map());
  });

  it('keeps each learner’s reflection private to them, updates it, and clears it when emptied', async () => {
    await saveReflection(t.db, people.learner.id, mod, 'notes', 'Name the feeling first.');
    await saveReflection(t.db, people.learner.id, mod, 'notes', 'Name the feeling, then the reason.');
    expect((await moduleProgressFor(t.db, people.learner.id, mod)).reflections).toEqual({ notes: 'Name the feeling, then the reason.' });
    expect((await moduleProgressFor(t.db, people.other.id, mod)).reflections).toEqual({});
    await saveReflection(t.db, people.learner.id, mod, 'notes', '   ');
    expect((await moduleProgressFor(t.db, people.learner.id, mod)).reflections).toEqual({});
    await expect(saveReflection(t.db, people.learner.id, mod, 'missing', 'x')).rejects.toMatchObject({ status: 404 });
    await expect(saveReflection(t.db, people.learner.id, mod, 'notes', 'x'.repeat(4001))).rejects.toMatchObject({ status: 400 });
  });
});
