// A learning path as pages show it: each step with its title, address and whether it is done, for the learner's home and their manager's view.
import { getCourse } from './course';
import { pathProgress, type LearningPath } from './paths';
import { scenarioCatalogue } from './scenarios';

export interface PathStep {
  kind: 'module' | 'scenario';
  id: string;
  title: string;
  href: string;
  /** What the step is, in the learner's words. */
  what: 'lesson' | 'role-play';
  done: boolean;
}

export interface PathView {
  id: string;
  title: string;
  steps: PathStep[];
  completed: number;
  /** 0–100, for the progress bar. */
  percent: number;
  /** The first step not done; none once the path is finished. */
  next: PathStep | undefined;
}

export function pathView(path: LearningPath, done: { modules: Set<string>; scenarios: Set<string> }): PathView {
  const course = getCourse();
  const scenarios = scenarioCatalogue();
  const progress = pathProgress(path, done);
  const steps = progress.steps.map(
    (s): PathStep =>
      s.kind === 'module'
        ? { ...s, title: course.byId.get(s.id)?.title ?? s.id, href: `/learn/${s.id}`, what: 'lesson' }
        : { ...s, title: scenarios.get(s.id)?.scenario.title ?? s.id, href: `/practice/${s.id}`, what: 'role-play' },
  );
  return {
    id: path.id,
    title: path.title,
    steps,
    completed: progress.completed,
    percent: steps.length ? Math.round((progress.completed / steps.length) * 100) : 100,
    next: steps.find((s) => !s.done),
  };
}

/**
 * The path a learner is on: the first of the paths (onboarding, then its follow-ons) not yet
 * finished, or the last once all are; with the titles of those finished before it.
 */
export function currentPath(paths: LearningPath[], done: { modules: Set<string>; scenarios: Set<string> }): { path: PathView; finishedBefore: string[] } {
  const views = paths.map((p) => pathView(p, done));
  const index = views.findIndex((v) => v.next);
  const at = index === -1 ? views.length - 1 : index;
  return { path: views[at]!, finishedBefore: views.slice(0, at).map((v) => v.title) };
}
