import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, makeUser, testDrivers, type TestDatabase } from '@/db/testing';
import { parseModule, type CourseModule } from '@/lib/content/modules';
import { answerCheck, courseStatus, moduleProgressFor, saveReflection, startModule } from './progress';

const q = (id: string) =>
  `<Check id="${id}" question="Q ${id}?">\n<Option id="a" explain="Not quite: ${id}.">A</Option>\n<Option id="b" correct explain="Yes: ${id}.">B</Option>\n<Option id="c" explain="No: ${id}.">C</Option>\n</Check>\n\n`;
const source = `---\nid: listening\ntitle: Listening well\nskill: reflecting\nprinciples: [P8]\norder: 1\nminutes: 6\nsummary: A module used by the progress tests.\n---\n\n${q('first')}${q('second')}${q('third')}<Reflect id="notes" prompt="What will you try?" />\n`;
const mod = parseModule('/content/modules/listening.mdx', source).module as CourseModule;

describe.each(testDrivers)('module progress on %s', (driver) => {
  let t: TestDatabase;
  let learner: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    learner = await makeUser(t.db, { email: 'learner@example.com' });
    other = await makeUser(t.db, { email: 'other@example.com' });
  });
  afterAll(() => t.dispose());

  it('starts not started, then in progress once opened', async () => {
    expect(mod).toBeDefined();
    expect((await moduleProgressFor(t.db, learner.id, mod)).status).toBe('not_started');
    await startModule(t.db, learner.id, mod);
    await startModule(t.db, learner.id, mod);
    expect(await moduleProgressFor(t.db, learner.id, mod)).toEqual({ status: 'in_progress', answers: {}, reflections: {} });
  });

  it('explains the chosen option at once, keeps the first answer, and refuses a different one', async () => {
    const wrong = await answerCheck(t.db, learner.id, mod, 'first', 'a');
    expect(wrong).toEqual({
      optionId: 'a',
      correct: false,
      explanation: 'Not quite: first.',
      correctOptionId: 'b',
      correctExplanation: 'Yes: first.',
      status: 'in_progress',
    });
    expect(await answerCheck(t.db, learner.id, mod, 'first', 'a')).toEqual(wrong);
    await expect(answerCheck(t.db, learner.id, mod, 'first', 'b')).rejects.toMatchObject({ status: 409 });
  });

  it('refuses unknown questions and options without storing anything', async () => {
    await expect(answerCheck(t.db, other.id, mod, 'nope', 'a')).rejects.toMatchObject({ status: 404 });
    await expect(answerCheck(t.db, other.id, mod, 'second', 'z')).rejects.toMatchObject({ status: 400 });
    expect(await moduleProgressFor(t.db, other.id, mod)).toEqual({ status: 'not_started', answers: {}, reflections: {} });
  });

  it('completes the module when the last question is answered', async () => {
    expect((await answerCheck(t.db, learner.id, mod, 'second', 'b')).status).toBe('in_progress');
    expect((await answerCheck(t.db, learner.id, mod, 'third', 'c')).status).toBe('completed');
    const p = await moduleProgressFor(t.db, learner.id, mod);
    expect(p.status).toBe('completed');
    expect(Object.fromEntries(Object.entries(p.answers).map(([k, v]) => [k, v.correct]))).toEqual({ first: false, second: true, third: false });
    expect(await courseStatus(t.db, learner.id)).toEqual(new Map([['listening', 'completed']]));
    expect(await courseStatus(t.db, other.id)).toEqual(new Map());
  });

  it('keeps each learner’s reflection private to them, updates it, and clears it when emptied', async () => {
    await saveReflection(t.db, learner.id, mod, 'notes', 'Name the feeling first.');
    await saveReflection(t.db, learner.id, mod, 'notes', 'Name the feeling, then the reason.');
    expect((await moduleProgressFor(t.db, learner.id, mod)).reflections).toEqual({ notes: 'Name the feeling, then the reason.' });
    expect((await moduleProgressFor(t.db, other.id, mod)).reflections).toEqual({});
    await saveReflection(t.db, learner.id, mod, 'notes', '   ');
    expect((await moduleProgressFor(t.db, learner.id, mod)).reflections).toEqual({});
    await expect(saveReflection(t.db, learner.id, mod, 'missing', 'x')).rejects.toMatchObject({ status: 404 });
    await expect(saveReflection(t.db, learner.id, mod, 'notes', 'x'.repeat(4001))).rejects.toMatchObject({ status: 400 });
  });
});
