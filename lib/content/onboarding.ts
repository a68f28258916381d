// The onboarding path as the app serves it, checked against the course once per process.
import { getCourse } from './course';
import { readPath, type LearningPath } from './paths';
import { ContentError } from './problems';
import { scenarioCatalogue } from '@/lib/scenario/course';

let cached: LearningPath | undefined;

export function onboardingPath(root = process.cwd()): LearningPath {
  if (cached) return cached;
  const known = { modules: new Set(getCourse(root).modules.map((m) => m.id)), scenarios: new Set(scenarioCatalogue(root).keys()) };
  const r = readPath(root, known);
  if (!r.path) throw new ContentError(r.problems);
  cached = r.path;
  return cached;
}
