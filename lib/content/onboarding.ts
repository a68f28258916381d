// The learning paths as the app serves them (onboarding, then its follow-ons), checked against the course once per process.
import { getCourse } from './course';
import { readPaths, type LearningPath } from './paths';
import { ContentError } from '@/lib/problems';
import { shippedScenarios } from './scenarios';

let cached: LearningPath[] | undefined;

/** Onboarding first, then each follow-on path after the one it follows. */
export function learningPaths(root = process.cwd()): LearningPath[] {
  if (cached) return cached;
  const known = { modules: new Set(getCourse(root).modules.map((m) => m.id)), scenarios: new Set(shippedScenarios(root).keys()) };
  const r = readPaths(root, known);
  if (r.problems.length) throw new ContentError(r.problems);
  cached = r.paths;
  return cached;
}

export function onboardingPath(root = process.cwd()): LearningPath {
  return learningPaths(root)[0]!;
}
