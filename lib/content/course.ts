// The course as the app serves it: every module, validated; a content problem stops the build, not a learner.
import path from 'node:path';
import { readModules, type CourseModule } from './modules';
import { ContentError } from '@/lib/problems';

export interface Course {
  modules: CourseModule[];
  byId: Map<string, CourseModule>;
}

let cached: Course | undefined;

/** Loads and validates content/modules once per process; throws a ContentError listing every problem. */
export function getCourse(root = process.cwd()): Course {
  if (cached) return cached;
  const { modules, problems } = readModules(path.join(root, 'content', 'modules'));
  if (problems.length) throw new ContentError(problems);
  cached = { modules, byId: new Map(modules.map((m) => [m.id, m])) };
  return cached;
}

/** A module with its neighbours in course order, for previous and next links. */
export function moduleWithNeighbours(course: Course, id: string) {
  const i = course.modules.findIndex((m) => m.id === id);
  if (i < 0) return undefined;
  return { module: course.modules[i]!, previous: course.modules[i - 1], next: course.modules[i + 1], index: i };
}
