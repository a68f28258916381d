import { describe, expect, it } from 'vitest';
import { learningPaths } from './onboarding';
import { currentPath, pathView } from './path-view';

const none = () => ({ modules: new Set<string>(), scenarios: new Set<string>() });

describe('a learning path as pages show it', () => {
  const [onboarding, next] = learningPaths();

  it('names every step with its title and address, and points at the first one not done', () => {
    const view = pathView(onboarding!, none());
    expect(view).toMatchObject({ title: onboarding!.title, completed: 0, percent: 0 });
    expect(view.next).toEqual(view.steps[0]);
    for (const s of view.steps) {
      expect(s.title).not.toBe(s.id);
      expect(s.href).toBe(s.kind === 'module' ? `/learn/${s.id}` : `/practice/${s.id}`);
      expect(s.what).toBe(s.kind === 'module' ? 'lesson' : 'role-play');
    }
    const first = view.steps[0]!;
    const done = none();
    (first.kind === 'module' ? done.modules : done.scenarios).add(first.id);
    const after = pathView(onboarding!, done);
    expect(after.completed).toBe(1);
    expect(after.percent).toBe(Math.round(100 / view.steps.length));
    expect(after.next).toEqual(view.steps[1]);
  });

  it('moves the learner on to the next path once onboarding is finished, saying what they finished', () => {
    expect(currentPath(learningPaths(), none())).toMatchObject({ path: { id: onboarding!.id }, finishedBefore: [] });
    const done = none();
    for (const s of onboarding!.items) (s.kind === 'module' ? done.modules : done.scenarios).add(s.id);
    const { path, finishedBefore } = currentPath(learningPaths(), done);
    expect(path.id).toBe(next!.id);
    expect(finishedBefore).toEqual([onboarding!.title]);
  });
});
